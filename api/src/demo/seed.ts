import { createHash } from 'node:crypto';
import type { InitiativeStore } from '../services/ports';
import type { DemoTenant } from './tenant/model';

/** A stable id derived from text, so re-seeding the same tenant never duplicates rows. */
function stableId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The Monday four weeks after `now` (ISO date): the sample initiative's planned launch. */
function launchDateAfter(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 28));
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}

/** Stores the demo tenant's sample initiative (idempotent). */
export async function seedDemoInitiative(
  store: InitiativeStore,
  tenant: DemoTenant,
  now: Date,
): Promise<string> {
  const sample = tenant.sampleInitiative;
  const team = tenant.teams.find((candidate) => candidate.id === sample.targetTeamId);
  const id = stableId(`${tenant.tenantId}/sample-initiative/${tenant.seed}`);
  await store.create({
    id,
    tenantId: tenant.tenantId,
    name: sample.name,
    goal: sample.goal,
    status: 'active',
    targetGroupSize: team?.memberIds.length ?? 0,
    createdBy: sample.designTeamMemberIds[0] ?? tenant.personas.learningLeader,
    createdAt: now,
    design: {
      targetGroup: { kind: 'teams', ids: [sample.targetTeamId] },
      designTeam: { kind: 'people', ids: sample.designTeamMemberIds },
      comparisonGroup: null,
      // A design like the article's example, so the demo shows a fit score and a change plan at once.
      features: [
        {
          id: 'peer-qa',
          name: 'Weekly peer Q&A in the team channel',
          mode: 'channelPosts',
          cadence: 'weekly',
          synchronous: false,
          plannedTimes: [],
          groupSize: null,
        },
        {
          id: 'deal-clinic',
          name: 'Live deal clinic',
          mode: 'meetings',
          cadence: 'biweekly',
          synchronous: true,
          plannedTimes: [{ dayOfWeek: 2, hour: 14, durationMinutes: 45 }],
          groupSize: 12,
        },
        {
          id: 'wins-community',
          name: 'Customer wins community on Viva Engage',
          mode: 'engage',
          cadence: 'weekly',
          synchronous: false,
          plannedTimes: [],
          groupSize: null,
        },
      ],
      kpis: [
        {
          id: 'channel-replies',
          name: 'Channel replies per person per week',
          kirkpatrickLevel: 3,
          unit: 'replies',
          direction: 'increase',
          source: 'graph',
        },
        {
          id: 'first-deal-days',
          name: 'Days to first closed deal for new sellers',
          kirkpatrickLevel: 4,
          unit: 'days',
          direction: 'decrease',
          source: 'entered',
        },
      ],
      launchDate: launchDateAfter(now),
    },
  });
  return id;
}
