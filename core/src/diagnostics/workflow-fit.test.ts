import { describe, expect, it } from 'vitest';
import { dataSources, type SourceCoverage } from '../model/snapshot';
import { buildSnapshot, fixtureFeature, fixtureInput, type FixturePerson } from '../testing/index';
import { diagnoseWorkflowFit } from './workflow-fit';

const tuesday10 = 1 * 24 + 10;
const wednesday14 = 2 * 24 + 14;
const saturday22 = 5 * 24 + 22;

/**
 * Ten people over four weeks: six post in channels every week (Tuesday 10:00 and Wednesday 14:00), two
 * once (Saturday night), everyone chats 30 times a week, five attend two meetings a week and one reads
 * Engage every week.
 */
function tenPeople(): FixturePerson[] {
  return Array.from({ length: 10 }, (_, index): FixturePerson => {
    const poster = index < 6;
    const oncePoster = index === 6 || index === 7;
    return {
      key: `p${index}`,
      weekly: {
        channelPosts: poster ? [3, 3, 3, 3] : oncePoster ? [1] : [],
        privateChatMessages: [30, 30, 30, 30],
        meetingsAttended: index < 5 ? [2, 2, 2, 2] : [],
        engageReads: index === 9 ? [1, 1, 1, 1] : [],
      },
      hours: poster ? { [tuesday10]: 6, [wednesday14]: 6 } : oncePoster ? { [saturday22]: 1 } : {},
    };
  });
}

const design = [
  fixtureFeature({ id: 'qa', name: 'Peer Q&A', mode: 'channelPosts', cadence: 'weekly' }),
  fixtureFeature({ id: 'community', name: 'Community', mode: 'engage', cadence: 'weekly' }),
  fixtureFeature({
    id: 'clinic',
    name: 'Live clinic',
    mode: 'meetings',
    cadence: 'weekly',
    synchronous: true,
    plannedTimes: [{ dayOfWeek: 1, hour: 10, durationMinutes: 60 }],
  }),
  fixtureFeature({ id: 'course', name: 'LMS course', mode: 'externalLms', cadence: 'once' }),
];

function run(people = tenPeople(), coverage?: readonly SourceCoverage[], features = design) {
  const snapshot = buildSnapshot({ people, weeks: 4, ...(coverage === undefined ? {} : { coverage }) });
  return diagnoseWorkflowFit(
    fixtureInput(snapshot, { initiative: { targetGroup: people.map((p) => p.key), features } }),
  );
}

describe('diagnoseWorkflowFit on a fixture with known answers', () => {
  const result = run();
  const feature = (id: string) => result.data.features.find((entry) => entry.featureId === id);

  it('scores each feature from adoption, intensity, timing and cadence', () => {
    // Channel: 6 of 10 weekly; median 3 posts per active week (habit level 3); weekly rhythm 1352/1664.
    expect(feature('qa')).toMatchObject({ adoption: 0.6, intensity: 1, cadenceMatch: 0.8125, timing: null });
    expect(feature('qa')?.score).toBe(73);
    // Engage: one reader, under k, so intensity is withheld and counts as 0, like the rhythm.
    expect(feature('community')).toMatchObject({ adoption: 0.1, intensity: null, outsideCurrentWork: true });
    expect(feature('community')?.score).toBe(5);
    // Meetings: half the group, 2 a week (habit 5), Tuesday 10:00 is the group's busiest hour.
    expect(feature('clinic')).toMatchObject({ adoption: 0.5, intensity: 0.4, cadenceMatch: 1, timing: 1 });
    expect(feature('clinic')?.score).toBe(74);
    expect(feature('course')).toMatchObject({ measurable: false, score: null, outsideCurrentWork: true });
  });

  it('combines the features and the mode-mix distance into the overall score', () => {
    expect(result.data.featureFitMean).toBe(50.7);
    // Design: a third each in channels, Engage, meetings. Group: 26, 40, 20 and 4 of 90 active weeks.
    expect(result.data.modeMixDistance).toBe(0.4444);
    expect(result.data.overallScore).toBe(51.7);
    expect(result.headline).toEqual({ label: 'Workflow fit', value: 51.7, unit: 'of 100' });
    expect(result.data.unmeasuredDesignShare).toBe(0.25);
    expect(result.data.outsideCurrentWork).toEqual(['community', 'course']);
  });

  it('releases the heatmap bin by bin, withholding hours with fewer than k active people', () => {
    const { heatmap } = result.data;
    expect(heatmap.peopleWithData).toBe(8);
    expect(heatmap.values[tuesday10]).toBe(0.75);
    expect(heatmap.values[wednesday14]).toBe(0.75);
    expect(heatmap.values[saturday22]).toBeNull();
    expect(heatmap.values[0]).toBe(0);
    expect(heatmap.suppressedBins).toBe(1);
  });

  it('makes concrete moves from the released figures', () => {
    const texts = result.data.recommendations.map((entry) => `${entry.featureId}:${entry.code}`);
    expect(texts).toEqual(['community:move-mode', 'clinic:seed-activity', 'course:bridge-habit']);
    expect(result.data.recommendations[0]?.text).toBe(
      'Run “Community” in Teams channels, where 60% of the group already posts or replies in Teams ' +
        'channels weekly, not in Viva Engage (10%).',
    );
  });

  it('states its findings', () => {
    const codes = result.findings.map((finding) => finding.code);
    expect(codes).toEqual([
      'workflow-fit.score',
      'workflow-fit.outside-current-work',
      'workflow-fit.mode-mix',
      'workflow-fit.not-measurable',
    ]);
    expect(result.coverage.confidence).toBe('high');
  });
});

describe('diagnoseWorkflowFit edge cases', () => {
  it('shows nothing for an empty group', () => {
    const result = run([]);
    expect(result.data.overallScore).toBeNull();
    expect(result.data.features.every((feature) => feature.score === null)).toBe(true);
    expect(result.findings.map((finding) => finding.code)).toContain('workflow-fit.group-below-k');
  });

  it('withholds every figure of a one-person group', () => {
    const result = run(tenPeople().slice(0, 1));
    expect(result.data.overallScore).toBeNull();
    expect(result.data.modes.every((mode) => mode.weeklyUsers === null)).toBe(true);
    expect(result.data.heatmap.values.every((value) => value === null)).toBe(true);
    expect(result.data.recommendations).toEqual([]);
    expect(result.suppressedCells).toBeGreaterThan(0);
  });

  it('leaves channel features unmeasured when channel data is missing, and scores the rest', () => {
    const coverage = dataSources.map((source): SourceCoverage => ({
      source,
      status: source === 'channelMessages' ? 'missing' : 'complete',
      coveredPeople: source === 'channelMessages' ? 0 : 10,
      detail: null,
    }));
    const result = run(tenPeople(), coverage);
    expect(result.data.features.find((f) => f.featureId === 'qa')).toMatchObject({
      measurable: false,
      score: null,
    });
    expect(result.data.modeMix.map((entry) => entry.mode)).not.toContain('channelPosts');
    expect(result.data.featureFitMean).toBe(39.5);
    expect(result.coverage.missing).toEqual(['channelMessages']);
  });

  it('has no score when every source is concealed or missing', () => {
    const coverage = dataSources.map((source): SourceCoverage => ({
      source,
      status: source === 'directory' ? 'complete' : source === 'channelMessages' ? 'missing' : 'concealed',
      coveredPeople: 0,
      detail: null,
    }));
    const result = run(tenPeople(), coverage);
    expect(result.data.overallScore).toBeNull();
    expect(result.data.modeMixDistance).toBeNull();
    expect(result.coverage.confidence).toBe('low');
    expect(result.findings.map((finding) => finding.code)).toContain('workflow-fit.not-measurable');
  });

  it('says so when the design has no features', () => {
    const result = run(tenPeople(), undefined, []);
    expect(result.data.overallScore).toBeNull();
    expect(result.findings.map((finding) => finding.code)).toEqual(['workflow-fit.no-features']);
  });

  it('breaks ties the same way every time: the earlier substitute, the earlier hour', () => {
    // Channels and Engage tie at 60% weekly use; a feature in email moves to channels, listed first.
    const people = tenPeople().map((person, index) => ({
      ...person,
      weekly: { ...person.weekly, engagePosts: index < 6 ? [1, 1, 1, 1] : [], engageReads: [] },
    }));
    const result = run(people, undefined, [fixtureFeature({ id: 'digest', mode: 'email' })]);
    expect(result.data.recommendations[0]?.text).toContain('in Teams channels, where 60%');
  });
});
