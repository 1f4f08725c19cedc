import type { SnapshotRef, WorkflowReport } from '@learnfit/core';
import type { ReportLinks } from '../links';
import type { ReportPreview } from '../ports';
import {
  adaptiveCard,
  facts,
  findingList,
  heading,
  openActions,
  scoreColor,
  scoreText,
  text,
  withPreview,
  type AdaptiveCard,
  type CardAttachment,
} from './common';

/** Data-as-of line of a snapshot, saying when the data is synthetic. */
export function dataAsOf(snapshot: SnapshotRef): string {
  const demo = snapshot.source === 'demo-seed' ? ' (synthetic demo data)' : '';
  return `${snapshot.dataAsOf.slice(0, 10)}, ${snapshot.weeks} weeks${demo}`;
}

/** The headline figure of a workflow-fit report as text (withheld reports say so). */
export function reportHeadline(report: WorkflowReport): string {
  if (report.withheld) return 'Withheld (group under the privacy threshold)';
  return `Workflow fit ${scoreText(report.workflowFit?.data.overallScore ?? null)}`;
}

/**
 * The workflow-fit report as a card: fit score, group size, data as of, the top three findings (or
 * why the figures are withheld) and links that open the report in the tab.
 */
export function workflowReportCard(report: WorkflowReport, links: ReportLinks): AdaptiveCard {
  const fit = report.workflowFit;
  const score = fit?.data.overallScore ?? null;
  const body = [
    heading(report.title),
    ...(report.withheld
      ? [text(report.withheld.message, { isSubtle: true })]
      : [
          text(scoreText(score), { size: 'ExtraLarge', weight: 'Bolder', color: scoreColor(score) }),
          text('Workflow fit of the design against how the group works today', {
            isSubtle: true,
            spacing: 'None',
          }),
        ]),
    facts([
      ['People', report.groupSize === null ? '' : String(report.groupSize)],
      ['Mode-mix distance', fit?.data.modeMixDistance == null ? '' : fit.data.modeMixDistance.toFixed(2)],
      ['Confidence', fit ? fit.coverage.confidence : ''],
      ['Data as of', dataAsOf(report.snapshot)],
    ]),
    ...(fit && fit.findings.length > 0
      ? [text('Top findings', { weight: 'Bolder', spacing: 'Medium' }), ...findingList(fit.findings, 3)]
      : []),
  ];
  return adaptiveCard(body, openActions(links));
}

/** One diagnostic's headline and top findings (links to one diagnostic view of an initiative). */
function diagnosticCard(
  preview: Extract<ReportPreview, { kind: 'diagnostic' }>,
  links: ReportLinks,
): AdaptiveCard {
  const { headline } = preview;
  const value =
    headline.value === null
      ? '–'
      : `${Number.isInteger(headline.value) ? headline.value : headline.value.toFixed(2)} ${headline.unit}`.trim();
  return adaptiveCard(
    [
      heading(`${preview.initiative.name}: ${preview.view.replace('-', ' ')}`),
      text(value, { size: 'ExtraLarge', weight: 'Bolder' }),
      text(headline.label, { isSubtle: true, spacing: 'None' }),
      facts([['Data as of', dataAsOf(preview.snapshot)]]),
      ...(preview.findings.length > 0
        ? [text('Top findings', { weight: 'Bolder', spacing: 'Medium' }), ...findingList(preview.findings, 3)]
        : []),
    ],
    openActions(links),
  );
}

/** A report preview as an attachment with its list thumbnail. */
export function reportAttachment(preview: ReportPreview, links: ReportLinks): CardAttachment {
  if (preview.kind === 'workflow-report')
    return withPreview(
      workflowReportCard(preview.report, links),
      preview.report.title,
      `${reportHeadline(preview.report)} · data as of ${preview.report.snapshot.dataAsOf.slice(0, 10)}`,
    );
  return withPreview(
    diagnosticCard(preview, links),
    `${preview.initiative.name}: ${preview.view.replace('-', ' ')}`,
    preview.headline.label,
  );
}
