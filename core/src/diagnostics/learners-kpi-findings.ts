import type { Finding, Severity } from '../model/result';
import type { KpiResult } from './learners-types';
import { figure } from './phrasing';

/** What the KPI findings need to know about the run. */
export interface KpiFindingContext {
  readonly k: number;
  readonly hasComparisonGroup: boolean;
  readonly settings: {
    readonly learners: { readonly kpi: { readonly minSampleSize: number; readonly confidence: number } };
  };
}

const levelWords = { 1: 'reaction', 2: 'learning', 3: 'behaviour', 4: 'results' } as const;

function signed(value: number): string {
  return value > 0 ? `+${figure(value)}` : figure(value);
}

function kpiFinding(kpi: KpiResult, context: KpiFindingContext): Finding | null {
  const level = `Kirkpatrick level ${kpi.kirkpatrickLevel}, ${levelWords[kpi.kirkpatrickLevel]}`;
  const minimum = context.settings.learners.kpi.minSampleSize;
  if (kpi.status === 'no-data') {
    return {
      code: 'learners.kpi-no-data',
      severity: 'info',
      text: `"${kpi.name}" (${level}) has no ${kpi.baseline.n === 0 ? 'baseline' : 'follow-up'} values yet.`,
      evidence: [],
    };
  }
  if (kpi.status === 'withheld') {
    return {
      code: 'learners.kpi-withheld',
      severity: 'info',
      text: `"${kpi.name}" (${level}) has fewer than ${context.k} values at baseline or follow-up, so it is withheld.`,
      evidence: [],
    };
  }
  const means = `${figure(kpi.baseline.mean ?? 0)} to ${figure(kpi.followUp.mean ?? 0)} ${kpi.unit}`;
  const evidence = [
    {
      label: `${kpi.name}: baseline mean`,
      value: kpi.baseline.mean,
      unit: kpi.unit,
      n: kpi.baseline.n,
      from: [kpi.source === 'graph' ? 'snapshot' : 'entered by the learning leader'],
    },
    {
      label: `${kpi.name}: follow-up mean`,
      value: kpi.followUp.mean,
      unit: kpi.unit,
      n: kpi.followUp.n,
      from: [kpi.source === 'graph' ? 'snapshot' : 'entered by the learning leader'],
    },
  ];
  if (kpi.status === 'too-small') {
    return {
      code: 'learners.kpi-too-small',
      severity: 'info',
      text: `"${kpi.name}" (${level}) went from ${means}, but with fewer than ${minimum} values on a side no confidence interval is given.`,
      evidence,
    };
  }
  const g = kpi.hedgesG;
  const difference = kpi.difference;
  if (g === null || difference === null) return null;
  const level95 = `${Math.round(context.settings.learners.kpi.confidence * 100)}%`;
  const verdict =
    kpi.improved === true
      ? `a ${kpi.magnitude === 'medium-or-larger' ? 'clear' : (kpi.magnitude ?? 'small')} improvement`
      : kpi.improved === false
        ? 'a change in the wrong direction'
        : 'not distinguishable from no change';
  const severity: Severity = kpi.improved === true ? 'positive' : kpi.improved === false ? 'warning' : 'info';
  let text = `"${kpi.name}" (${level}) went from ${means}: ${verdict} (Hedges' g ${figure(g.estimate)}, ${level95} CI ${figure(g.low)} to ${figure(g.high)}).`;
  const did = kpi.differenceInDifferences;
  if (did !== null) {
    text += ` Against the comparison group the change is ${signed(did.estimate)} ${kpi.unit} (${level95} CI ${signed(did.low)} to ${signed(did.high)}).`;
    evidence.push({
      label: `${kpi.name}: difference-in-differences`,
      value: did.estimate,
      unit: kpi.unit,
      n: kpi.baseline.n + kpi.followUp.n,
      from: ['comparison group'],
    });
  } else if (context.hasComparisonGroup) {
    text += ` The comparison group has too few values for a difference-in-differences.`;
  }
  return { code: 'learners.kpi', severity, text, evidence };
}

/** One finding per KPI. */
export function learnerKpiFindings(kpis: readonly KpiResult[], context: KpiFindingContext): Finding[] {
  return kpis
    .map((kpi) => kpiFinding(kpi, context))
    .filter((finding): finding is Finding => finding !== null);
}
