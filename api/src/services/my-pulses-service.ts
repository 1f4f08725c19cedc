import type { Audience, MyInitiativeRelation, MyPulseItem } from '@learnfit/core';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { CollectionStore, SnapshotInfo } from '../store/collection-store';
import type { PulseStore } from '../store/pulse-store';
import type { InitiativeRecord, InitiativeStore } from './ports';

/** The caller's initiatives and the pulses waiting for them. */
export interface MyPulsesService {
  list(identity: SsoIdentity): Promise<MyPulseItem[]>;
}

/** What the use case reads. */
export interface MyPulsesServiceDeps {
  readonly initiatives: Pick<InitiativeStore, 'list'>;
  readonly pulse: Pick<PulseStore, 'listWaves' | 'getAnswer'>;
  readonly snapshots: Pick<CollectionStore, 'listSnapshots'>;
  /** The person's pseudonym in the tenant, as pulse answers and snapshots store it. */
  readonly keyFor: (tenantId: string, userId: string) => string;
}

/** Most initiatives answered: a person is rarely in more, and the list stays cheap to build. */
export const maxMyInitiatives = 100;

const names = (audience: Audience | undefined, userId: string): boolean =>
  audience?.kind === 'people' && audience.ids.some((id) => id.toLowerCase() === userId);

/** Target-group pseudonyms the newest collection of an initiative recorded, when it did. */
function targetKeysOf(info: SnapshotInfo | undefined): readonly string[] {
  const keys = (info?.summary as { targetGroupKeys?: unknown } | undefined)?.targetGroupKeys;
  return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
}

function relationsOf(
  record: InitiativeRecord,
  userId: string,
  key: string,
  latest: SnapshotInfo | undefined,
): MyInitiativeRelation[] {
  const relations: MyInitiativeRelation[] = [];
  if (record.createdBy.toLowerCase() === userId) relations.push('lead');
  if (names(record.design?.designTeam, userId)) relations.push('designTeam');
  if (names(record.design?.targetGroup, userId) || targetKeysOf(latest).includes(key))
    relations.push('learner');
  return relations;
}

/** Waiting pulses first (soonest closing first), then answered ones, then initiatives without a pulse. */
function rank(item: MyPulseItem): number {
  if (item.wave && item.invited && item.answeredAt === null) return 0;
  if (item.wave && item.invited) return 1;
  return item.wave ? 2 : 3;
}

/** Wires the use case. Only the caller's own answer is looked up, by their own pseudonym. */
export function createMyPulsesService(deps: MyPulsesServiceDeps): MyPulsesService {
  return {
    async list(identity) {
      const { tenantId } = identity;
      const userId = identity.userId.toLowerCase();
      const key = deps.keyFor(tenantId, identity.userId);
      const [records, snapshots] = await Promise.all([
        deps.initiatives.list(tenantId),
        deps.snapshots.listSnapshots(tenantId),
      ]);
      const latest = new Map<string, SnapshotInfo>();
      for (const info of snapshots) {
        if (info.initiativeId === null) continue;
        const seen = latest.get(info.initiativeId);
        if (!seen || seen.dataAsOf.getTime() <= info.dataAsOf.getTime()) latest.set(info.initiativeId, info);
      }
      const mine = records
        .filter((record) => record.status !== 'archived')
        .map((record) => ({ record, relations: relationsOf(record, userId, key, latest.get(record.id)) }))
        .filter(({ relations }) => relations.length > 0)
        .slice(0, maxMyInitiatives);
      const items = await Promise.all(
        mine.map(async ({ record, relations }): Promise<MyPulseItem> => {
          const open = (await deps.pulse.listWaves(tenantId, record.id)).find(
            (wave) => wave.state === 'open',
          );
          const answer = open ? await deps.pulse.getAnswer(tenantId, open.id, key) : null;
          return {
            initiativeId: record.id,
            initiativeName: record.name,
            status: record.status,
            relations,
            invited: relations.includes('learner') || relations.includes('designTeam'),
            wave: open ? { id: open.id, closesAt: open.closesAt.toISOString() } : null,
            answeredAt: answer?.updatedAt.toISOString() ?? null,
          };
        }),
      );
      return items.sort(
        (a, b) =>
          rank(a) - rank(b) ||
          (a.wave?.closesAt ?? '').localeCompare(b.wave?.closesAt ?? '') ||
          a.initiativeName.localeCompare(b.initiativeName),
      );
    },
  };
}
