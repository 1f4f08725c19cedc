import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataSources, type SourceCoverage } from '../model/snapshot';
import { buildSnapshot, fixtureInput, type FixtureEdge, type FixturePerson } from '../testing/index';
import { diagnoseManagementParticipation } from './management';

const weeks = 8;
const every = (count: number) => Array.from({ length: weeks }, () => count);

type Archetype = 'genuine' | 'burst' | 'broadcast' | 'absent' | 'slow' | 'sporadic';

interface Built {
  readonly people: FixturePerson[];
  readonly edges: FixtureEdge[];
  readonly group: string[];
}

/** A manager of the given archetype; `reportKey` is a group member the manager can reply to. */
function manager(
  key: string,
  managerKey: string | undefined,
  kind: Archetype,
  reportKey: string,
  edges: FixtureEdge[],
) {
  const person: FixturePerson = { key, ...(managerKey === undefined ? {} : { managerKey }) };
  const replying = { repliesToOthers: every(2), channelPosts: every(1) };
  switch (kind) {
    case 'genuine':
      edges.push({ from: key, to: reportKey, kind: 'reply', count: 3 });
      return { ...person, weekly: replying, latencies: [30, 60, 90] };
    case 'slow':
      edges.push({ from: key, to: reportKey, kind: 'reply', count: 3 });
      return { ...person, weekly: replying, latencies: [3000, 3000, 4000] };
    case 'burst':
      return { ...person, weekly: { channelPosts: [6, 4] } };
    case 'broadcast':
      edges.push({ from: reportKey, to: key, kind: 'reaction', count: 5 });
      return { ...person, weekly: { channelPosts: every(2) } };
    case 'sporadic':
      edges.push({ from: key, to: reportKey, kind: 'reply', count: 3 });
      return {
        ...person,
        weekly: { channelPosts: [1, 0, 0, 0, 1], repliesToOthers: [2, 0, 0, 0, 2] },
        latencies: [30],
      };
    case 'absent':
      return person;
  }
}

/**
 * A group of `2 × level-1 size` members; each level is a list of archetypes, and manager i of a level
 * reports to manager (i mod next level's size) of the next level.
 */
function chain(levels: readonly (readonly Archetype[])[]): Built {
  const edges: FixtureEdge[] = [];
  const people: FixturePerson[] = [];
  const first = levels[0] ?? [];
  const group = Array.from({ length: first.length * 2 }, (_, i) => `g${i}`);
  const keyOf = (level: number, index: number) => `m${level}-${index}`;
  group.forEach((key, i) => people.push({ key, managerKey: keyOf(1, Math.floor(i / 2)) }));
  levels.forEach((archetypes, levelIndex) => {
    const above = levels[levelIndex + 1];
    archetypes.forEach((kind, i) => {
      const boss = above === undefined ? undefined : keyOf(levelIndex + 2, i % above.length);
      people.push(manager(keyOf(levelIndex + 1, i), boss, kind, group[i % group.length] ?? 'g0', edges));
    });
  });
  return { people, edges, group };
}

function diagnose(built: Built, coverage?: readonly SourceCoverage[], order?: readonly number[]) {
  const people = order === undefined ? built.people : order.map((i) => built.people[i] as FixturePerson);
  const snapshot = buildSnapshot({
    people,
    edges: built.edges,
    weeks,
    ...(coverage === undefined ? {} : { coverage }),
  });
  return diagnoseManagementParticipation(
    fixtureInput(snapshot, { initiative: { targetGroup: built.group } }),
  );
}

const threeLevels = chain([
  ['genuine', 'genuine', 'genuine', 'genuine', 'broadcast'],
  ['genuine', 'genuine', 'burst', 'absent', 'slow'],
  ['genuine', 'genuine', 'genuine', 'absent', 'absent'],
]);

describe('diagnoseManagementParticipation on a fixture with known answers', () => {
  const result = diagnose(threeLevels);

  it('counts managers and genuine modellers per level', () => {
    expect(result.data.levels.map((level) => [level.managers, level.genuine, level.models])).toEqual([
      [5, 4, true],
      [5, 2, false],
      [5, 3, true],
    ]);
  });

  it('flags bursts, broadcasts, absence and slow replies', () => {
    expect(result.data.levels[0]?.flags).toEqual({
      burst: 0,
      broadcastOnly: 1,
      absent: 0,
      sporadic: 0,
      slow: 0,
      notVisible: 0,
    });
    expect(result.data.levels[1]?.flags).toEqual({
      burst: 1,
      broadcastOnly: 0,
      absent: 1,
      sporadic: 0,
      slow: 1,
      notVisible: 1,
    });
    expect(result.data.levels[2]?.flags.absent).toBe(2);
  });

  it('says how many levels model and the adoption risk that follows', () => {
    expect(result.data).toMatchObject({
      levelsPresent: 3,
      levelsModelling: 2,
      levelsWithheld: 0,
      managersInChain: 15,
      genuineInChain: 9,
      adoptionRisk: 'moderate',
      riskBasis: 'levels',
    });
    expect(result.headline).toMatchObject({ value: 2, unit: 'of 3' });
    expect(result.findings[0]?.text).toMatch(/^2 of 3 levels of management/);
  });

  it('never names a manager', () => {
    expect(JSON.stringify(result)).not.toMatch(/m\d-\d/);
  });

  it('calls a level whose managers are all genuine low risk, and raises risk when modelling looks fake', () => {
    const allGenuine = Array.from({ length: 5 }, (): Archetype => 'genuine');
    expect(diagnose(chain([allGenuine, allGenuine, allGenuine])).data.adoptionRisk).toBe('low');
    const fake: Archetype[] = ['burst', 'burst', 'broadcast', 'genuine', 'genuine'];
    const faked = diagnose(chain([allGenuine, fake, allGenuine]));
    expect(faked.data.levelsModelling).toBe(2);
    expect(faked.data.adoptionRisk).toBe('high');
    expect(faked.findings.map((f) => f.code)).toContain('management.not-genuine');
  });

  it('counts a level at exactly the modelling share as modelling (ties go up)', () => {
    const half: Archetype[] = ['genuine', 'genuine', 'genuine', 'absent', 'absent', 'sporadic'];
    expect(diagnose(chain([half, half, half])).data.levels.map((level) => level.models)).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('diagnoseManagementParticipation edge cases', () => {
  it('handles a chain shorter than three levels', () => {
    const two = chain([
      ['genuine', 'genuine', 'genuine', 'genuine', 'genuine'],
      ['genuine', 'genuine', 'genuine', 'genuine', 'genuine'],
    ]);
    const { data, findings } = diagnose(two);
    expect(data.levels.map((level) => level.managers)).toEqual([5, 5, 0]);
    expect(data.levelsPresent).toBe(2);
    expect(data.levels[2]).toMatchObject({ models: null, withheld: null });
    expect(data.adoptionRisk).toBe('low');
    expect(findings.map((f) => f.code)).toContain('management.short-chain');
  });

  it('counts a manager reached at two levels once, at the lower one', () => {
    // m1-0 manages g0, g1 and also m1-1, who manages g2, g3: m1-0 is level 1 only.
    const built: Built = {
      group: ['g0', 'g1', 'g2', 'g3'],
      edges: [],
      people: [
        { key: 'g0', managerKey: 'm1-0' },
        { key: 'g1', managerKey: 'm1-0' },
        { key: 'g2', managerKey: 'm1-1' },
        { key: 'g3', managerKey: 'm1-1' },
        { key: 'm1-1', managerKey: 'm1-0' },
        { key: 'm1-0', managerKey: 'top' },
        { key: 'top' },
      ],
    };
    expect(diagnose(built).data.levels.map((level) => level.managers)).toEqual([2, 1, 0]);
  });

  it('withholds a level under k managers and the next-smallest one, and falls back to the pooled count', () => {
    const genuine = (n: number) => Array.from({ length: n }, (): Archetype => 'genuine');
    const { data, findings } = diagnose(chain([genuine(10), genuine(5), ['absent']]));
    expect(data.levels.map((level) => level.withheld)).toEqual([null, 'complementary', 'below-k']);
    expect(data.levels[1]?.genuine).toBeNull();
    expect(data.genuineInChain).toBe(15);
    expect(data).toMatchObject({ levelsWithheld: 2, adoptionRisk: 'moderate', riskBasis: 'pooled' });
    expect(findings.map((f) => f.code)).toContain('management.levels-withheld');
  });

  it('shows nothing for an empty group or a one-person group', () => {
    for (const group of [[], ['g0']]) {
      const built = { ...threeLevels, group };
      const { data, findings } = diagnose(built);
      expect(data.adoptionRisk).toBeNull();
      expect(data.levels.every((level) => level.genuine === null)).toBe(true);
      expect(findings.map((f) => f.code)).toEqual(['management.group-below-k']);
    }
  });

  it('cannot judge modelling without channel or Engage data', () => {
    const coverage = dataSources.map((source): SourceCoverage => ({
      source,
      status: source === 'channelMessages' ? 'missing' : source === 'directory' ? 'complete' : 'concealed',
      coveredPeople: 0,
      detail: null,
    }));
    const { data, findings, coverage: stated } = diagnose(threeLevels, coverage);
    expect(data.levels.map((level) => level.managers)).toEqual([5, 5, 5]);
    expect(data.adoptionRisk).toBeNull();
    expect(findings.map((f) => f.code)).toContain('management.no-social-data');
    expect(stated.confidence).toBe('low');
  });

  it('does not depend on the order of people in the snapshot', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...threeLevels.people.keys()], { minLength: threeLevels.people.length }),
        (order) => {
          expect(diagnose(threeLevels, undefined, order)).toEqual(diagnose(threeLevels));
        },
      ),
      { numRuns: 25 },
    );
  });
});
