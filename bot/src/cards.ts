import type { InitiativeSummary } from '@learnfit/core';

/** A JSON Adaptive Card, version 1.5 (the newest Teams renders everywhere). */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly Record<string, unknown>[];
  readonly actions?: readonly Record<string, unknown>[];
}

/** An attachment as Bot Framework carries it. */
export interface CardAttachment {
  readonly contentType: string;
  readonly content: unknown;
  readonly preview?: CardAttachment;
}

const statusLabels: Record<InitiativeSummary['status'], string> = {
  draft: 'Draft',
  active: 'Active',
  archived: 'Archived',
};

/** The full card shown when an initiative is picked from the search results. */
export function initiativeCard(initiative: InitiativeSummary, openUrl: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: initiative.name, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(initiative.goal ? [{ type: 'TextBlock', text: initiative.goal, wrap: true, isSubtle: true }] : []),
      {
        type: 'FactSet',
        facts: [
          { title: 'Status', value: statusLabels[initiative.status] },
          { title: 'Target group', value: `${initiative.targetGroupSize} people` },
          { title: 'Created', value: initiative.createdAt.slice(0, 10) },
        ],
      },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Open in LearnFit', url: openUrl }],
  };
}

/** A search result: the full Adaptive Card plus the compact preview Teams lists. */
export function initiativeResult(initiative: InitiativeSummary, openUrl: string): CardAttachment {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: initiativeCard(initiative, openUrl),
    preview: {
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: {
        title: initiative.name,
        text: `${statusLabels[initiative.status]} · ${initiative.targetGroupSize} people`,
      },
    },
  };
}
