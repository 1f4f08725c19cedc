import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/index';
import { buildSnapshot, fixtureFeature, fixtureInput, type FixturePerson } from '../testing/index';
import { planChange, planIntensity, weekDate } from './change-plan';
import { adkarStages, ownerRoles } from './change-plan-types';
import { diagnoseLearners } from './learners';
import { diagnoseWorkflowFit } from './workflow-fit';

const tuesday10 = 24 + 10;

/** Sales (9) chat all day; Support (6) post and reply in channels; Legal (1) and HR (4) email. */
function people(): FixturePerson[] {
  const make = (department: string, count: number, from: number, row: Omit<FixturePerson, 'key'>) =>
    Array.from({ length: count }, (_, i): FixturePerson => ({
      ...row,
      key: `person-${from + i}`,
      department,
    }));
  return [
    ...make('Sales', 9, 0, { weekly: { privateChatMessages: [100, 100, 100, 100] } }),
    ...make('Support', 6, 9, {
      weekly: {
        channelPosts: [4, 4, 4, 4],
        channelReplies: [3, 3, 3, 3],
        repliesToOthers: [3, 3, 3, 3],
        reactionsGiven: [2, 2, 2, 2],
        privateChatMessages: [5, 5, 5, 5],
      },
      latencies: [20, 40],
      hours: { [tuesday10]: 8 },
      lastSocialActivity: '2026-10-30',
    }),
    ...make('Legal', 1, 15, { weekly: { emailsSent: [20, 20, 20, 20] } }),
    ...make('HR', 4, 16, { weekly: { emailsSent: [20, 20, 20, 20] } }),
  ];
}

const design = [
  fixtureFeature({ id: 'qa', name: 'Peer Q&A', mode: 'channelPosts', cadence: 'weekly' }),
  fixtureFeature({ id: 'circle', name: 'Learning circle', mode: 'engage', cadence: 'weekly' }),
];

function setUp(launchDate: string | null = '2026-11-04') {
  const rows = people();
  const snapshot = buildSnapshot({ people: rows, weeks: 4 });
  const input = fixtureInput(snapshot, {
    initiative: {
      name: 'Service academy',
      targetGroup: rows.map((p) => p.key),
      features: design,
      launchDate,
    },
  });
  return { input, fit: diagnoseWorkflowFit(input), learners: diagnoseLearners(input) };
}

describe('planIntensity', () => {
  it('is inverse to fit, with ties at a cut-off going to the lighter plan', () => {
    const settings = defaultSettings.changePlan;
    expect([100, 75, 74.9, 50, 49.9, 0, null].map((fit) => planIntensity(fit, settings))).toEqual([
      'light',
      'light',
      'moderate',
      'moderate',
      'intensive',
      'intensive',
      'intensive',
    ]);
  });
});

describe('planChange', () => {
  const { input, fit, learners } = setUp();
  const plan = planChange(input, fit, learners);

  it('sizes the plan to the fit and tags every action with stage, owner, week and channel', () => {
    expect(fit.data.overallScore).toBeLessThan(50);
    expect(plan.data.intensity).toBe('intensive');
    expect(new Set(plan.data.actions.map((a) => a.adkar))).toEqual(new Set(adkarStages));
    expect(new Set(plan.data.actions.map((a) => a.owner))).toEqual(new Set(ownerRoles));
    const weeks = plan.data.actions.map((action) => action.week);
    expect(weeks).toEqual([...weeks].sort((a, b) => a - b));
    expect(weeks[0]).toBe(-6);
    expect(weeks[weeks.length - 1]).toBe(12);
    // Intensive plans give every feature its own how-to, in the feature's own mode.
    const howTos = plan.data.actions.filter((a) => a.id.startsWith('how-to:'));
    expect(howTos.map((a) => [a.featureId, a.channel])).toEqual([
      ['circle', 'engage'],
      ['qa', 'channelPosts'],
    ]);
  });

  it('announces in the open mode the group uses most, and dates weeks from the launch week', () => {
    expect(plan.data.announcementChannel).toBe('channelPosts');
    const launch = plan.data.actions.find((action) => action.week === 0);
    expect(launch?.date).toBe('2026-11-02');
    expect(plan.data.actions[0]?.date).toBe('2026-09-21');
    expect(weekDate(null, 3)).toBeNull();
  });

  it('grows with lower fit: light ⊂ moderate ⊂ intensive', () => {
    const at = (overallScore: number) =>
      planChange(input, { ...fit, data: { ...fit.data, overallScore } }, learners).data.actions.map(
        (a) => a.id,
      );
    const light = at(80);
    const moderate = at(60);
    const intensive = at(10);
    expect(light.length).toBeLessThan(moderate.length);
    expect(moderate.length).toBeLessThan(intensive.length);
    expect(light.every((id) => moderate.includes(id))).toBe(true);
    expect(moderate.every((id) => intensive.includes(id))).toBe(true);
  });

  it('covers all five ADKAR stages at every intensity, even with nothing outside current work', () => {
    const features = fit.data.features.map((feature) => ({ ...feature, outsideCurrentWork: false }));
    for (const overallScore of [90, 60, 10]) {
      const stages = planChange(input, { ...fit, data: { ...fit.data, overallScore, features } }, learners)
        .data.actionsByStage;
      expect(adkarStages.every((stage) => stages[stage] > 0)).toBe(true);
    }
  });

  it('writes each released segment its own message from its own current workflow', () => {
    const byAudience = new Map(plan.data.messages.map((message) => [message.audience, message]));
    expect([...byAudience.keys()]).toEqual(['Sales', 'Support', 'Everyone else in the group']);
    const sales = byAudience.get('Sales');
    expect(sales?.currentMode).toBe('chat');
    expect(sales?.size).toBe(9);
    expect(sales?.text).toContain('most of your work with colleagues happens in Teams chat today');
    expect(sales?.text).toContain('ask a colleague in a private chat');
    const support = byAudience.get('Support');
    expect(support?.currentMode).toBe('channelPosts');
    expect(support?.text).toContain('“Peer Q&A” runs in Teams channels too');
    // Legal (1) and HR (4) are under k on their own; together they are 5 and share one message.
    expect(byAudience.get('Everyone else in the group')?.size).toBe(5);
    expect(plan.data.mergedSegments).toBe(2);
    expect(plan.data.messages.every((message) => message.acknowledge === 'Got it')).toBe(true);
  });

  it('never names a person', () => {
    expect(JSON.stringify(plan)).not.toMatch(/person-\d/);
  });

  it('states why the plan has its size', () => {
    expect(plan.findings[0]?.code).toBe('change-plan.intensity');
    expect(plan.findings[0]?.text).toMatch(/^An intensive plan, because workflow fit is \d+ of 100, below/);
  });
});

describe('planChange edge cases', () => {
  it('plans intensively and writes no messages for an empty group', () => {
    const snapshot = buildSnapshot({ people: [] });
    const input = fixtureInput(snapshot, { initiative: { features: design } });
    const plan = planChange(input, diagnoseWorkflowFit(input), diagnoseLearners(input));
    expect(plan.data.intensity).toBe('intensive');
    expect(plan.data.fitScore).toBeNull();
    expect(plan.data.messages).toEqual([]);
    expect(plan.findings.map((f) => f.code)).toContain('change-plan.no-launch-date');
  });

  it('omits the segment messages of a group under k', () => {
    const rows = people().slice(0, 3);
    const input = fixtureInput(buildSnapshot({ people: rows }), {
      initiative: { targetGroup: rows.map((p) => p.key), features: design },
    });
    const plan = planChange(input, diagnoseWorkflowFit(input), diagnoseLearners(input));
    expect(plan.data.messages).toEqual([]);
    expect(plan.data.omittedSegments).toBeGreaterThan(0);
  });
});
