import { describe, expect, it } from 'vitest';
import { buildSnapshot, fixtureFeature, fixtureInput, type FixturePerson } from '../testing/index';
import { planIntensity } from './change-plan';
import { runAllDiagnostics } from './run-all';

describe('runAllDiagnostics', () => {
  const people: FixturePerson[] = [
    { key: 'lead', weekly: { channelPosts: [2, 2, 2, 2] } },
    ...Array.from({ length: 12 }, (_, i): FixturePerson => ({
      key: `member-${i}`,
      managerKey: 'lead',
      department: i < 6 ? 'Sales' : 'Support',
      weekly: { privateChatMessages: [40, 40, 40, 40], channelPosts: i % 2 === 0 ? [1, 1, 1, 1] : [] },
    })),
  ];
  const input = fixtureInput(buildSnapshot({ people }), {
    initiative: {
      targetGroup: people.slice(1).map((p) => p.key),
      designTeam: ['lead'],
      features: [fixtureFeature({ id: 'qa', name: 'Peer Q&A', mode: 'channelPosts' })],
    },
  });
  const all = runAllDiagnostics(input);

  it('returns the five diagnostics, each named', () => {
    expect(Object.entries(all).map(([key, result]) => [key, result.diagnostic])).toEqual([
      ['leaders', 'leaders'],
      ['learners', 'learners'],
      ['workflowFit', 'workflowFit'],
      ['changePlan', 'changePlan'],
      ['managementParticipation', 'managementParticipation'],
    ]);
  });

  it('sizes the change plan from the workflow-fit result it ran', () => {
    expect(all.changePlan.data.fitScore).toBe(all.workflowFit.data.overallScore);
    expect(all.changePlan.data.intensity).toBe(
      planIntensity(all.workflowFit.data.overallScore, input.settings.changePlan),
    );
  });

  it('is deterministic for the same input', () => {
    expect(runAllDiagnostics({ ...input, random: fixtureInput(input.snapshot).random })).toEqual(
      runAllDiagnostics({ ...input, random: fixtureInput(input.snapshot).random }),
    );
  });
});
