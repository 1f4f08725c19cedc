import { describe, expect, it } from 'vitest';
import { createPrivacyGuard } from '../privacy/guard';
import { defaultSettings } from '../settings/index';
import { seededRandom } from '../stats/seeded-random';
import { fixtureKpi } from '../testing/diagnostic-input';
import { learnerKpiFindings } from './learners-kpi-findings';
import { analyseKpi, analyseKpis } from './learners-kpis';

const ramp = (size: number, offset: number) =>
  Array.from({ length: size }, (_, i) => 0.5 + i / (size - 1) + offset);
const guard = createPrivacyGuard(defaultSettings.privacy);
const settings = defaultSettings.learners.kpi;

const kpis = [
  fixtureKpi({
    id: 'replies',
    name: 'Channel replies per week',
    baseline: ramp(30, 0),
    followUp: ramp(30, 1),
    comparisonBaseline: ramp(30, 0),
    comparisonFollowUp: ramp(30, 0.3),
  }),
  fixtureKpi({
    id: 'sales',
    kirkpatrickLevel: 4,
    source: 'entered',
    baseline: ramp(7, 0),
    followUp: ramp(7, 1),
  }),
  fixtureKpi({ id: 'tiny', baseline: [1, 2, 3], followUp: [2, 3, 4] }),
  fixtureKpi({ id: 'later', baseline: [1, 2, 3] }),
  fixtureKpi({
    id: 'tickets',
    direction: 'decrease',
    unit: 'tickets',
    baseline: ramp(3000, 0),
    followUp: ramp(3000, 0.1),
  }),
];
const initiative = { kpis, comparisonGroup: ['someone'] };
const results = analyseKpis(initiative, settings, guard, seededRandom(1));
const byId = (id: string) => results.find((entry) => entry.id === id);
const context = { k: 5, hasComparisonGroup: true, settings: defaultSettings };

describe('KPI before and after', () => {
  it('gives an effect size and a difference-in-differences with bootstrap intervals', () => {
    const replies = byId('replies');
    expect(replies).toMatchObject({
      status: 'ok',
      improved: true,
      magnitude: 'medium-or-larger',
      intervalMethod: 'percentile-bootstrap',
    });
    expect(replies?.difference?.estimate).toBeCloseTo(1);
    expect(replies?.differenceInDifferences?.estimate).toBeCloseTo(0.7);
    expect(replies?.differenceInDifferences?.low).toBeGreaterThan(0.4);
    expect(replies?.differenceInDifferences?.high).toBeLessThan(1);
    expect(replies?.hedgesG?.low).toBeLessThan(replies?.hedgesG?.estimate ?? 0);
    expect(replies?.hedgesG?.high).toBeGreaterThan(replies?.hedgesG?.estimate ?? 0);
    expect(learnerKpiFindings(results, context)[0]?.text).toMatch(
      /Against the comparison group the change is \+0\.7 replies per week \(95% CI \+0\.\d+ to \+0\.\d+\)\.$/,
    );
  });

  it('is reproducible with the same seed and independent of the order values were entered in', () => {
    const shuffled = kpis.map((entry) => ({ ...entry, baseline: [...entry.baseline].reverse() }));
    expect(analyseKpis({ ...initiative, kpis: shuffled }, settings, guard, seededRandom(1))).toEqual(results);
  });

  it('says which samples are too small, withheld or missing', () => {
    expect(byId('sales')).toMatchObject({ status: 'too-small', hedgesG: null, baseline: { n: 7, mean: 1 } });
    expect(byId('tiny')).toMatchObject({ status: 'withheld', baseline: { n: 3, mean: null } });
    expect(byId('later')).toMatchObject({ status: 'no-data', followUp: { n: 0, mean: null } });
    expect(learnerKpiFindings(results, context).map((entry) => entry.code)).toEqual([
      'learners.kpi',
      'learners.kpi-too-small',
      'learners.kpi-withheld',
      'learners.kpi-no-data',
      'learners.kpi',
    ]);
  });

  it('switches to the normal approximation for large samples, and reads "decrease" as better', () => {
    expect(byId('tickets')).toMatchObject({
      intervalMethod: 'normal-approximation',
      improved: false,
      differenceInDifferences: null,
    });
    expect(byId('tickets')?.difference?.estimate).toBeCloseTo(0.1);
    expect(learnerKpiFindings(results, context)[4]?.text).toContain(
      'The comparison group has too few values',
    );
  });

  it('agrees with the normal approximation where both apply', () => {
    const pair = fixtureKpi({ id: 'p', baseline: ramp(40, 0), followUp: ramp(40, 0.2) });
    const boot = analyseKpi(pair, false, settings, guard, seededRandom(5));
    const normal = analyseKpi(pair, false, { ...settings, maxBootstrapDraws: 0 }, guard, seededRandom(5));
    expect(boot.intervalMethod).toBe('percentile-bootstrap');
    expect(normal.intervalMethod).toBe('normal-approximation');
    expect(boot.difference?.low).toBeCloseTo(normal.difference?.low ?? 0, 1);
    expect(boot.difference?.high).toBeCloseTo(normal.difference?.high ?? 0, 1);
    expect(boot.improved).toBe(normal.improved);
  });
});
