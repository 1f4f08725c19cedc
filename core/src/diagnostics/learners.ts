import { indexesOf, summarizeGroup, unknownKeys } from '../attributes/groups';
import { attributeSources, scorePeople } from '../attributes/learns-social';
import type { DataSource } from '../model/snapshot';
import { isUsable, resultCoverage } from './coverage';
import type { DiagnosticInput } from './input';
import { adopterData, habitWeeks } from './learners-adopters';
import { attributeDistributions } from './learners-distributions';
import { learnerFindings } from './learners-findings';
import { analyseKpis } from './learners-kpis';
import { pulseSummary } from './learners-pulse';
import { learnerSegments, mixOf, modeVolumes } from './learners-segments';
import type { LearnersData, LearnersResult } from './learners-types';
import { membership } from './pulse-answers';
import { counted } from './release';

export type * from './learners-types';

const learnerSources: readonly DataSource[] = [
  ...attributeSources,
  'sharePointActivityReport',
  'oneDriveActivityReport',
];

/**
 * Diagnostic 2: how the target group works and learns today (the four attributes, who learns social,
 * segments, adopter categories, the pulse) and whether the KPIs moved after launch.
 */
export function diagnoseLearners(input: DiagnosticInput): LearnersResult {
  const { snapshot, initiative, settings, guard } = input;
  const people = snapshot.people.length;
  const group = indexesOf(snapshot, initiative.targetGroup);
  const scores = scorePeople(snapshot, settings, group);
  const release = counted(guard);
  const n = group.length;
  const summary = summarizeGroup(scores, group, settings.attributes.bar);
  const volumes = modeVolumes(snapshot, group, settings.learners.modeWeights);
  const totals = new Float64Array(volumes.modes.length);
  for (let i = 0; i < volumes.volume.length; i++) {
    const m = i % volumes.modes.length;
    totals[m] = (totals[m] ?? 0) + (volumes.volume[i] ?? 0);
  }
  const groupMix = n >= guard.k ? mixOf(volumes.modes, totals) : null;
  const socialSource = isUsable(snapshot, 'channelMessages') || isUsable(snapshot, 'engageActivityReport');
  const habit = habitWeeks(snapshot, group, settings.learners.habit);

  const data: LearnersData = {
    groupSize: n,
    notInSnapshot: unknownKeys(snapshot, initiative.targetGroup),
    learnsSocial: release(n, n === 0 ? Number.NaN : summary.learnsSocial),
    shareLearningSocial: release(n, n === 0 ? Number.NaN : summary.learnsSocial / n),
    attributesRequired: scores.required,
    distributions: attributeDistributions(
      scores,
      group,
      settings.attributes.bar,
      settings.learners.histogramEdges,
      release,
    ),
    modeMix: groupMix?.mix ?? null,
    dominantMode: groupMix?.dominant ?? null,
    segments: learnerSegments(snapshot, group, scores, volumes, guard),
    adopters: adopterData(habit, snapshot.weekStarts.length, settings.learners.habit, release, socialSource),
    pulse: pulseSummary(snapshot, input.pulse, membership(people, group), n, scores, release),
    kpis: analyseKpis(initiative, settings.learners.kpi, guard, input.random),
  };
  const coverage = resultCoverage(snapshot, learnerSources);
  const segmentCells = Object.values(data.segments)
    .flat()
    .filter((segment) => segment.suppressed !== null).length;
  const kpiCells = data.kpis.filter((kpi) => kpi.status === 'withheld').length;
  return {
    diagnostic: 'learners',
    headline: { label: 'Learners who learn social', value: data.shareLearningSocial, unit: 'share' },
    data,
    findings: learnerFindings(data, {
      settings,
      k: guard.k,
      scorable: scores.scorable,
      coverage,
      hasComparisonGroup: initiative.comparisonGroup !== null,
    }),
    coverage,
    suppressedCells: release.withheld() + segmentCells + kpiCells,
  };
}
