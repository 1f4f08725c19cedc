import { createHash } from 'node:crypto';
import type { InitiativeStore } from '../services/ports';
import type { DemoTenant } from './tenant/model';

/** A stable id derived from text, so re-seeding the same tenant never duplicates rows. */
function stableId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
      features: [],
      kpis: [],
      launchDate: null,
    },
  });
  return id;
}
