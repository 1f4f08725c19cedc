import { fixtureInput } from '@learnfit/core/testing';
import {
  defaultSettings,
  diagnoseManagementParticipation,
  indexesOf,
  runAllDiagnostics,
  scorePeople,
  type DiagnosticInput,
} from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { judgeLevels, walkManagerLevels } from '../core/src/diagnostics/management-chain';
import { generateTenant } from '../api/src/demo/tenant/generate';
import type { DemoTenant } from '../api/src/demo/tenant/model';
import { snapshotOfTenant } from './support/tenant-records';

// The synthetic tenant is generated with a known ground truth (api/src/demo/tenant/ground-truth.ts):
// which design-team leaders learn social, and which of the three levels above the target group model.
// These tests check that the diagnostics, reading only the collaboration data, find it.

const asOf = new Date('2026-11-30T00:00:00Z'); // a Monday, so the tenant's window is whole weeks
const seeds = [42, 7, 1234, 99, 2026];

function inputFor(tenant: DemoTenant): DiagnosticInput {
  return fixtureInput(snapshotOfTenant(tenant), {
    initiative: {
      id: 'sample',
      name: tenant.sampleInitiative.name,
      targetGroup: tenant.groundTruth.targetGroupIds,
      designTeam: tenant.groundTruth.designTeam.map((leader) => leader.userId),
    },
  });
}

interface Recovery {
  leadersRight: number;
  leaders: number;
  levelsRight: number;
  levels: number;
  managersRight: number;
  managers: number;
}

function recover(seed: number): Recovery {
  const tenant = generateTenant({ seed, people: 300, weeks: 12, asOf });
  const input = inputFor(tenant);
  const { snapshot } = input;
  const truth = tenant.groundTruth;

  const design = indexesOf(
    snapshot,
    truth.designTeam.map((leader) => leader.userId),
  );
  const scores = scorePeople(snapshot, defaultSettings, design);
  const position = new Map(snapshot.people.map((person, index) => [person.key, index]));
  let leadersRight = 0;
  for (const leader of truth.designTeam) {
    const index = position.get(leader.userId) ?? -1;
    if ((scores.learnsSocial[index] === 1) === leader.learnsSocial) leadersRight += 1;
  }

  const members = indexesOf(snapshot, truth.targetGroupIds);
  const levels = walkManagerLevels(snapshot, members, 3);
  const behaviour = judgeLevels(snapshot, members, levels, defaultSettings.management, true);
  let levelsRight = 0;
  let levelsCounted = 0;
  let managersRight = 0;
  let managersCounted = 0;
  for (const level of truth.levels) {
    const observed = behaviour[level.level - 1];
    if (!observed || level.managers.length === 0) continue;
    levelsCounted += 1;
    const models = observed.managers > 0 && observed.genuine * 2 >= observed.managers;
    if (models === level.models) levelsRight += 1;
    managersCounted += level.managers.length;
    managersRight += level.managers.length - Math.abs(observed.genuine - level.genuineCount);
  }
  return {
    leadersRight,
    leaders: truth.designTeam.length,
    levelsRight,
    levels: levelsCounted,
    managersRight,
    managers: managersCounted,
  };
}

describe('the diagnostics recover the synthetic tenant’s ground truth', () => {
  const results = seeds.map((seed) => ({ seed, ...recover(seed) }));
  const total = results.reduce(
    (sum, result) => ({
      leadersRight: sum.leadersRight + result.leadersRight,
      leaders: sum.leaders + result.leaders,
      levelsRight: sum.levelsRight + result.levelsRight,
      levels: sum.levels + result.levels,
      managersRight: sum.managersRight + result.managersRight,
      managers: sum.managers + result.managers,
    }),
    { leadersRight: 0, leaders: 0, levelsRight: 0, levels: 0, managersRight: 0, managers: 0 },
  );

  it('classifies design-team leaders as learning social or not (≥ 90% over five tenants)', () => {
    process.stdout.write(`ground truth: leaders ${total.leadersRight}/${total.leaders} right\n`);
    expect(total.leaders).toBeGreaterThanOrEqual(20);
    expect(total.leadersRight / total.leaders).toBeGreaterThanOrEqual(0.9);
  });

  it('finds which of the three levels above the target group model the behaviour (≥ 90%)', () => {
    process.stdout.write(
      `ground truth: levels ${total.levelsRight}/${total.levels} right, genuine managers ${total.managersRight}/${total.managers}\n`,
    );
    expect(total.levels).toBeGreaterThanOrEqual(10);
    expect(total.levelsRight / total.levels).toBeGreaterThanOrEqual(0.9);
  });

  it('withholds levels with fewer than k managers, and the pooled count still matches the truth', () => {
    for (const seed of seeds) {
      const tenant = generateTenant({ seed, people: 300, weeks: 12, asOf });
      const { data } = diagnoseManagementParticipation(inputFor(tenant));
      for (const level of data.levels) {
        const truth = tenant.groundTruth.levels.find((candidate) => candidate.level === level.level);
        expect(level.managers).toBe(truth?.managers.length);
        if (level.managers < defaultSettings.privacy.k) expect(level.withheld).toBe('below-k');
        if (level.withheld !== null) expect(level.models).toBeNull();
        else expect(level.models).toBe(truth?.models);
      }
      const genuine = tenant.groundTruth.levels.reduce((sum, level) => sum + level.genuineCount, 0);
      expect(data.genuineInChain).not.toBeNull();
      expect(Math.abs((data.genuineInChain ?? 0) - genuine)).toBeLessThanOrEqual(1);
    }
    expect(
      runAllDiagnostics(inputFor(generateTenant({ seed: 42, people: 300, weeks: 12, asOf }))).leaders
        .diagnostic,
    ).toBe('leaders');
  });
});
