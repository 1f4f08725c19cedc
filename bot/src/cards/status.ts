import type { StatusRun, StatusView } from '../conversation/ports';
import { card, facts, heading, openUrl, paragraph, type ConversationCard } from '../conversation/card-kit';

const stateWords: Record<StatusRun['state'], string> = {
  queued: 'Waiting',
  running: 'Running',
  succeeded: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

function runLine(run: StatusRun): string {
  if (run.state !== 'running')
    return `${stateWords[run.state]} · ${run.at.slice(0, 16).replace('T', ' ')} UTC`;
  const progress = run.percent === null ? '' : ` · ${run.percent}%`;
  return `Running${run.phase ? ` (${run.phase})` : ''}${progress}`;
}

/** Collection progress of the runs the person may see (at most ten, newest first). */
export function statusCard(view: StatusView, appLink: string): ConversationCard {
  if (view.kind === 'not-allowed')
    return card([heading('Collection status'), paragraph(view.reason)], [openUrl('Open LearnFit', appLink)]);
  const runs = view.runs.slice(0, 10);
  return card(
    [
      heading('Collection status'),
      runs.length === 0
        ? paragraph('No collection has run yet.')
        : facts(runs.map((run) => [`${run.initiative} (${run.kind})`, runLine(run)] as const)),
    ],
    [openUrl('Open LearnFit', appLink)],
    runs.length === 0 ? 'No collection has run yet.' : `${runs.length} collection runs.`,
  );
}

/** Why no report is shown. */
export function noReportCard(reason: string, appLink: string): ConversationCard {
  return card([heading('Workflow-fit report'), paragraph(reason)], [openUrl('Open LearnFit', appLink)]);
}
