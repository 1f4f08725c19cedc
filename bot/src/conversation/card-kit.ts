// Small helpers for the conversation cards. Cards use only semantic colours (Accent, Good, Attention,
// subtle text), never hex values, so that Teams' light, dark and high-contrast themes all stay readable.

/** A JSON Adaptive Card, version 1.5 (the newest Teams renders on every client). */
export interface ConversationCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly Record<string, unknown>[];
  readonly actions?: readonly Record<string, unknown>[];
  readonly fallbackText?: string;
}

/** The attachment content type of Adaptive Cards. */
export const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';

/** A card with a body, optional actions and a plain-text fallback. */
export function card(
  body: readonly Record<string, unknown>[],
  actions: readonly Record<string, unknown>[] = [],
  fallbackText?: string,
): ConversationCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(fallbackText ? { fallbackText } : {}),
  };
}

/** A heading (wraps, bold, medium). */
export function heading(text: string): Record<string, unknown> {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' };
}

/** A wrapping paragraph; `subtle` dims it in every theme. */
export function paragraph(text: string, subtle = false): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, ...(subtle ? { isSubtle: true } : {}) };
}

/** Title/value pairs. */
export function facts(pairs: readonly (readonly [string, string])[]): Record<string, unknown> {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/** A button that opens a link. */
export function openUrl(title: string, url: string): Record<string, unknown> {
  return { type: 'Action.OpenUrl', title, url };
}

/** A Universal Action button: Teams sends an `adaptiveCard/action` invoke with this verb and data. */
export function execute(
  title: string,
  verb: string,
  data: Record<string, string> = {},
  style?: 'positive' | 'destructive',
): Record<string, unknown> {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}

/** The verbs of the conversation cards' buttons. */
export const verbs = {
  help: 'help',
  notificationsOff: 'notificationsOff',
  notificationsOn: 'notificationsOn',
  ack: 'ack',
} as const;
