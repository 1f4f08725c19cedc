// CLI: `npm run bench:diagnostics` times all five diagnostics on synthetic tenants of 1,000, 10,000 and
// 100,000 people × 26 weeks and prints one line per figure: `name value unit budget=B ratio=R`.
// Budget (DESIGN.md): 0.5 s for 10,000 people on two cores, growing linearly (0.05 s at 1k, 5 s at 100k).
// Per-diagnostic lines (`diagnostics.10k.learners`) are measured alone and set against the whole budget
// of their size. Timings are medians after a warm-up; they never go into tests.
import { performance } from 'node:perf_hooks';
import {
  createPrivacyGuard,
  defaultSettings,
  diagnoseLeaders,
  diagnoseLearners,
  diagnoseManagementParticipation,
  diagnoseWorkflowFit,
  planChange,
  runAllDiagnostics,
  seededRandom,
  type DiagnosticInput,
} from '@learnfit/core';
import { syntheticTenant } from './bench/synthetic-snapshot';

const weeks = 26;
const budgetPer10k = 0.5;
const sizes = [
  { label: '1k', people: 1_000, runs: 15 },
  { label: '10k', people: 10_000, runs: 9 },
  { label: '100k', people: 100_000, runs: 5 },
];
/** Untimed runs per size first: V8 needs a few calls before it compiles the hot loops. */
const warmUpRuns = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function line(name: string, value: number, unit: string, budget: number): string {
  return `${name} ${value.toFixed(3)} ${unit} budget=${budget} ratio=${(value / budget).toFixed(2)}`;
}

/** Seconds one call takes. */
function timeOnce(run: () => unknown): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

/** Seconds each diagnostic takes on its own, in one pass (for finding where the budget goes). */
function breakdown(input: DiagnosticInput): Record<string, number> {
  const learners = diagnoseLearners(input);
  const fit = diagnoseWorkflowFit(input);
  return {
    leaders: timeOnce(() => diagnoseLeaders(input)),
    learners: timeOnce(() => diagnoseLearners(input)),
    workflowFit: timeOnce(() => diagnoseWorkflowFit(input)),
    changePlan: timeOnce(() => planChange(input, fit, learners)),
    managementParticipation: timeOnce(() => diagnoseManagementParticipation(input)),
  };
}

const medians = new Map<string, number>();
for (const size of sizes) {
  const tenant = syntheticTenant(size.people, weeks, 20261130);
  // Default settings, k = 5 and a seeded random source, as the API would pass them.
  const input = (): DiagnosticInput => ({
    ...tenant,
    settings: defaultSettings,
    random: seededRandom(7),
    guard: createPrivacyGuard(defaultSettings.privacy),
  });
  for (let run = 0; run < warmUpRuns; run += 1) runAllDiagnostics(input());
  const times = Array.from({ length: size.runs }, () => timeOnce(() => runAllDiagnostics(input())));
  const seconds = median(times);
  const budget = (budgetPer10k * size.people) / 10_000;
  medians.set(size.label, seconds);
  console.log(line(`diagnostics.${size.label}`, seconds, 's', budget));
  // Each diagnostic against the whole budget of its size: the shares show where the time goes.
  const parts = Array.from({ length: size.runs }, () => breakdown(input()));
  for (const name of Object.keys(parts[0] ?? {})) {
    const part = median(parts.map((entry) => entry[name] ?? 0));
    console.log(line(`diagnostics.${size.label}.${name}`, part, 's', budget));
  }
}

const growth = (medians.get('100k') ?? 0) / (medians.get('10k') ?? 1);
console.log(line('diagnostics.growth.100k/10k', growth, 'x', 10));
