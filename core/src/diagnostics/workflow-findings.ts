import type { Finding, Severity } from '../model/result';
import type { WorkflowFitSettings } from '../settings/workflow-fit';
import { modeWords } from './work-modes';
import type { WorkflowFitData } from './workflow-fit-types';

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

function scoreSeverity(score: number): Severity {
  if (score >= 75) return 'positive';
  if (score >= 50) return 'info';
  if (score >= 25) return 'warning';
  return 'critical';
}

function scoreFinding(data: WorkflowFitData, settings: WorkflowFitSettings): Finding | null {
  if (data.overallScore === null) return null;
  const measured = data.features.filter((feature) => feature.score !== null);
  const inside = measured.filter((feature) => !feature.outsideCurrentWork).length;
  return {
    code: 'workflow-fit.score',
    severity: scoreSeverity(data.overallScore),
    text:
      `The design fits the group's current work at ${Math.round(data.overallScore)} of 100: ` +
      `${inside} of ${measured.length} measurable features ${inside === 1 ? 'relies' : 'rely'} on a mode that at least ` +
      `${percent(settings.outsideWorkAdoption)} of the group already uses weekly.`,
    evidence: [
      {
        label: 'Workflow fit',
        value: data.overallScore,
        unit: 'of 100',
        n: data.groupSize,
        from: ['signals'],
      },
      {
        label: 'Mean feature fit',
        value: data.featureFitMean,
        unit: 'of 100',
        n: data.groupSize,
        from: ['signals'],
      },
    ],
  };
}

function outsideFinding(data: WorkflowFitData): Finding | null {
  const outside = data.features.filter((feature) => feature.outsideCurrentWork);
  if (outside.length === 0) return null;
  return {
    code: 'workflow-fit.outside-current-work',
    severity: outside.length * 2 >= data.features.length ? 'critical' : 'warning',
    text:
      `${list(outside.map((feature) => `“${feature.name}”`))} ${outside.length === 1 ? 'sits' : 'sit'} ` +
      `outside the group's current work: ${list(outside.map((f) => modeWords[f.mode].noun))} ` +
      `${outside.length === 1 ? 'is' : 'are'} not part of most people's week. Expect to need more change ` +
      `support for ${outside.length === 1 ? 'it' : 'them'}, or move ${outside.length === 1 ? 'it' : 'them'}.`,
    evidence: outside.map((feature) => ({
      label: `Weekly use of ${modeWords[feature.mode].noun} (“${feature.name}”)`,
      value: feature.adoption,
      unit: 'share',
      n: data.groupSize,
      from: [feature.mode],
    })),
  };
}

function mixFinding(data: WorkflowFitData, settings: WorkflowFitSettings): Finding | null {
  if (data.modeMixDistance === null) return null;
  let widest = data.modeMix[0];
  for (const entry of data.modeMix) {
    const gap = Math.abs(entry.design - (entry.observed ?? 0));
    if (widest === undefined || gap > Math.abs(widest.design - (widest.observed ?? 0))) widest = entry;
  }
  const detail =
    widest === undefined || widest.observed === null
      ? ''
      : ` The widest gap is ${modeWords[widest.mode].noun}: ${percent(widest.design)} of the design, ` +
        `${percent(widest.observed)} of the group's active weeks.`;
  return {
    code: 'workflow-fit.mode-mix',
    severity: data.modeMixDistance >= settings.mixDistanceWarning ? 'warning' : 'info',
    text:
      `${percent(data.modeMixDistance)} of the design would have to move to another mode to match how the ` +
      `group spreads its week across modes (total variation distance).${detail}`,
    evidence: [
      {
        label: 'Mode-mix distance',
        value: data.modeMixDistance,
        unit: 'share',
        n: data.groupSize,
        from: ['signals'],
      },
    ],
  };
}

function gapFindings(data: WorkflowFitData, k: number): Finding[] {
  const findings: Finding[] = [];
  if (data.features.length === 0) {
    findings.push({
      code: 'workflow-fit.no-features',
      severity: 'info',
      text: 'The solution design lists no features yet, so there is nothing to compare with current work.',
      evidence: [],
    });
  } else if (data.groupSize < k) {
    findings.push({
      code: 'workflow-fit.group-below-k',
      severity: 'warning',
      text: `The target group has fewer than ${k} people in the data, so its figures are not shown.`,
      evidence: [],
    });
  }
  const unmeasured = data.features.filter((feature) => !feature.measurable);
  if (unmeasured.length > 0 && data.groupSize >= k) {
    findings.push({
      code: 'workflow-fit.not-measurable',
      severity: 'info',
      text:
        `${list(unmeasured.map((feature) => `“${feature.name}”`))} could not be measured: ` +
        `${list([...new Set(unmeasured.map((f) => modeWords[f.mode].noun))])} ` +
        `${unmeasured.length === 1 ? 'has' : 'have'} no Graph signal in this snapshot. The overall score ` +
        `rests on the other features.`,
      evidence: [],
    });
  }
  const timed = data.features.some((feature) => feature.timing === null && feature.synchronous);
  if (timed && data.heatmap.peopleWithData === null && data.groupSize >= k) {
    findings.push({
      code: 'workflow-fit.no-timing-data',
      severity: 'info',
      text:
        `Too few people in the group post in channels or Engage to show when they are active, so planned ` +
        `times are not scored.`,
      evidence: [],
    });
  }
  return findings;
}

/** The workflow-fit findings a learning leader can read aloud, from released figures only. */
export function workflowFindings(data: WorkflowFitData, k: number, settings: WorkflowFitSettings): Finding[] {
  return [
    scoreFinding(data, settings),
    outsideFinding(data),
    mixFinding(data, settings),
    ...gapFindings(data, k),
  ].filter((finding): finding is Finding => finding !== null);
}
