import type { InitiativeSummary } from '@learnfit/core';
import type { ReportLinks } from '../links';
import type { SearchHit } from '../ports';
import {
  adaptiveCard,
  facts,
  heading,
  openActions,
  text,
  withPreview,
  type AdaptiveCard,
  type CardAttachment,
} from './common';
import { reportAttachment } from './report-card';

const statusLabels: Record<InitiativeSummary['status'], string> = {
  draft: 'Draft',
  active: 'Active',
  archived: 'Archived',
};

/** An initiative without report figures: what every signed-in person sees in the tab's list. */
export function initiativeCard(
  initiative: InitiativeSummary,
  links: ReportLinks,
  note: string | null = null,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(initiative.name),
      ...(initiative.goal ? [text(initiative.goal, { isSubtle: true })] : []),
      facts([
        ['Status', statusLabels[initiative.status]],
        ['Target group', `${initiative.targetGroupSize} people`],
        ['Created', initiative.createdAt.slice(0, 10)],
      ]),
      ...(note ? [text(note, { isSubtle: true, size: 'Small' })] : []),
    ],
    openActions(links),
  );
}

/** A search result: the full Adaptive Card plus the compact preview Teams lists. */
export function initiativeResult(
  initiative: InitiativeSummary,
  links: ReportLinks,
  note: string | null = null,
): CardAttachment {
  return withPreview(
    initiativeCard(initiative, links, note),
    initiative.name,
    `${statusLabels[initiative.status]} · ${initiative.targetGroupSize} people`,
  );
}

/** One search hit as an attachment: the report card when the viewer may read it, else the initiative. */
export function searchHitAttachment(
  hit: SearchHit,
  links: ReportLinks,
  viewerIsLeader: boolean,
): CardAttachment {
  if (hit.kind === 'my-org' || hit.report)
    return reportAttachment({ kind: 'workflow-report', report: hit.report ?? unreachable() }, links);
  const note = viewerIsLeader
    ? 'No workflow-fit figures yet: the initiative needs a design and a finished collection.'
    : 'Workflow-fit figures of initiatives are for learning leaders.';
  return initiativeResult(hit.initiative, links, note);
}

function unreachable(): never {
  throw new Error('A search hit without a report reached the report card.');
}
