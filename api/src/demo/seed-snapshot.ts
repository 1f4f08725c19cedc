// A baseline snapshot of the demo initiative, built from the demo tenant's ground truth at start-up: a
// real collection against the simulator waits about ten minutes on the usage-report quota, and a first
// look at the diagnostics should not. It is stored like any collected snapshot (keyed pseudonyms, same
// codec) and marked `source: 'demo-seed'` in its summary so that nobody mistakes it for collected data.
import { buildCollaborationSnapshot, type Audience } from '@learnfit/core';
import type { CollectionStore, SnapshotInfo } from '../store/collection-store';
import { truthSources } from './tenant-records';
import type { DemoTenant } from './tenant/model';

/** The marker in a seeded snapshot's summary. */
export const demoSeedSource = 'demo-seed';

/** What a seeded snapshot's summary holds: the collection job's fields, plus where the data came from. */
export interface DemoSeedSummary {
  readonly source: typeof demoSeedSource;
  readonly note: string;
  readonly targetGroupKeys: readonly string[];
  readonly people: number;
  readonly messages: number;
  readonly guests: number;
  readonly unattributedMessages: number;
  readonly graphRequests: number;
  readonly throttled: number;
}

/**
 * Resolves an audience to user ids from the demo tenant: a team's members, a group's members with nested
 * groups followed (as Graph's transitiveMembers does), or the people named. Unknown ids resolve to nobody.
 */
export function demoAudienceMembers(tenant: DemoTenant): (audience: Audience) => string[] {
  const teams = new Map(tenant.teams.map((team) => [team.id, team]));
  const groups = new Map(tenant.groups.map((group) => [group.id, group]));
  const groupMembers = (id: string, seen: Set<string>, out: Set<string>): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const group = groups.get(id);
    if (!group) {
      for (const member of teams.get(id)?.memberIds ?? []) out.add(member);
      return;
    }
    for (const member of group.memberIds) out.add(member);
    for (const nested of group.memberGroupIds) groupMembers(nested, seen, out);
  };
  return (audience) => {
    if (audience.kind === 'people') return [...new Set(audience.ids)];
    const out = new Set<string>();
    if (audience.kind === 'teams') {
      for (const id of audience.ids) for (const member of teams.get(id)?.memberIds ?? []) out.add(member);
    } else {
      const seen = new Set<string>();
      for (const id of audience.ids) groupMembers(id, seen, out);
    }
    return [...out];
  };
}

/** What seeding needs: the store, the tenant, the initiative the snapshot belongs to, the app's pseudonyms. */
export interface SeedSnapshotOptions {
  readonly store: CollectionStore;
  readonly tenant: DemoTenant;
  readonly initiativeId: string;
  readonly pseudonymize: (id: string) => string;
}

/**
 * Stores one frozen baseline of the sample initiative from the tenant's ground truth, unless the
 * initiative already has a snapshot (seeded earlier or collected): safe to call at every start.
 */
export async function seedDemoSnapshot(options: SeedSnapshotOptions): Promise<SnapshotInfo> {
  const { store, tenant, initiativeId, pseudonymize } = options;
  const existing = await store.listSnapshots(tenant.tenantId, initiativeId);
  const newest = existing.at(-1);
  if (newest) return newest;
  const sources = { ...truthSources(tenant), pseudonymize };
  const snapshot = buildCollaborationSnapshot(sources);
  const inSnapshot = new Set(sources.people.map((person) => person.id));
  const target = demoAudienceMembers(tenant)({ kind: 'teams', ids: [tenant.sampleInitiative.targetTeamId] });
  const summary: DemoSeedSummary = {
    source: demoSeedSource,
    note: 'Synthetic demo data built from the demo tenant at start-up, not collected from Microsoft Graph.',
    targetGroupKeys: target
      .filter((id) => inSnapshot.has(id))
      .map(pseudonymize)
      .sort(),
    people: snapshot.people.length,
    messages: Array.isArray(sources.messages) ? sources.messages.length : 0,
    guests: tenant.users.filter((user) => user.userType === 'Guest').length,
    unattributedMessages: 0,
    graphRequests: 0,
    throttled: 0,
  };
  return store.saveSnapshot({
    id: `snap-demo-seed-${initiativeId}`,
    tenantId: tenant.tenantId,
    runId: `demo-seed:${initiativeId}`,
    initiativeId,
    kind: 'baseline',
    dataAsOf: sources.dataAsOf,
    weeks: sources.weeks,
    summary,
    snapshot,
    frozen: true,
  });
}
