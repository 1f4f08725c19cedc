// Shared pieces of every LearnFit card. Cards are Adaptive Cards 1.5 and never set a colour value:
// they use the host's semantic styles (`Good`, `Attention`, `Warning`, `Accent`, `isSubtle`), so they
// stay readable in the light, dark and high-contrast themes of Teams.
import type { Finding, Severity } from '@learnfit/core';
import type { ReportLinks } from '../links';

/** One Adaptive Card element or action as JSON. */
export type CardElement = Readonly<Record<string, unknown>>;

/** A JSON Adaptive Card, version 1.5 (the newest Teams renders everywhere). */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
}

/** An attachment as Bot Framework carries it. */
export interface CardAttachment {
  readonly contentType: string;
  readonly content: unknown;
  readonly preview?: CardAttachment;
}

/** Content types of the attachments LearnFit sends. */
export const contentTypes = {
  adaptive: 'application/vnd.microsoft.card.adaptive',
  thumbnail: 'application/vnd.microsoft.card.thumbnail',
} as const;

/** The largest card Teams accepts in a message is about 28 KB; every card is held under it. */
export const maxCardBytes = 28 * 1024;

/** The host's semantic colour for a finding's severity (no colour values). */
export const severityColor: Readonly<Record<Severity, 'Good' | 'Default' | 'Warning' | 'Attention'>> = {
  positive: 'Good',
  info: 'Default',
  warning: 'Warning',
  critical: 'Attention',
};

/** A word for the severity, so meaning never rests on colour alone. */
export const severityWord: Readonly<Record<Severity, string>> = {
  positive: 'Strength',
  info: 'Note',
  warning: 'Watch',
  critical: 'Risk',
};

/** Wraps body and actions into a 1.5 card. */
export function adaptiveCard(
  body: readonly CardElement[],
  actions: readonly CardElement[] = [],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** A wrapped text block; `options` adds size, weight, subtle or a semantic colour. */
export function text(value: string, options: Readonly<Record<string, unknown>> = {}): CardElement {
  return { type: 'TextBlock', text: clip(value, 600), wrap: true, ...options };
}

/** A card title (the heading role helps screen readers). */
export function heading(value: string): CardElement {
  return text(value, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

/** A fact set from title/value pairs; pairs with an empty value are left out. */
export function facts(pairs: ReadonlyArray<readonly [string, string]>): CardElement {
  return {
    type: 'FactSet',
    facts: pairs
      .filter(([, value]) => value !== '')
      .map(([title, value]) => ({ title, value: clip(value, 200) })),
  };
}

/** Up to `limit` findings, most severe first, each with its severity in words and its host colour. */
export function findingList(findings: readonly Finding[], limit = 3): CardElement[] {
  const order: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2, positive: 3 };
  return [...findings]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .slice(0, limit)
    .map((finding) => ({
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'auto',
          items: [
            text(severityWord[finding.severity], {
              weight: 'Bolder',
              color: severityColor[finding.severity],
            }),
          ],
        },
        { type: 'Column', width: 'stretch', items: [text(finding.text)] },
      ],
    }));
}

/** "Open in Teams" (deep link, when configured) and "Open in browser". */
export function openActions(links: ReportLinks): CardElement[] {
  return [
    ...(links.teams ? [{ type: 'Action.OpenUrl', title: 'Open in Teams', url: links.teams }] : []),
    { type: 'Action.OpenUrl', title: links.teams ? 'Open in browser' : 'Open in LearnFit', url: links.web },
  ];
}

/** An Adaptive Card attachment with the thumbnail preview Teams lists in search results. */
export function withPreview(card: AdaptiveCard, title: string, subtitle: string): CardAttachment {
  return {
    contentType: contentTypes.adaptive,
    content: card,
    preview: {
      contentType: contentTypes.thumbnail,
      content: { title: clip(title, 120), text: clip(subtitle, 200) },
    },
  };
}

/** A 0–100 score as text, or a dash when withheld or not measured. */
export function scoreText(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)} of 100`;
}

/** A 0–1 share as a percentage. */
export function percentText(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** The semantic colour of a 0–100 score. */
export function scoreColor(value: number | null): 'Good' | 'Warning' | 'Attention' | 'Default' {
  if (value === null) return 'Default';
  if (value >= 75) return 'Good';
  if (value >= 50) return 'Default';
  if (value >= 25) return 'Warning';
  return 'Attention';
}

/** Serialized size of a card or attachment in bytes (what counts against the 28 KB limit). */
export function cardBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Shortens text to `max` characters with an ellipsis. */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
