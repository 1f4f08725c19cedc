import { randomUUID } from 'node:crypto';
import {
  createInitiativeSchema,
  updateInitiativeSchema,
  type InitiativeDesign,
  type InitiativeDetail,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import { toSummary } from './api-services';
import type { InitiativeRecord, InitiativeStore, TenantSettingsReader } from './ports';

/** Creating, reading, editing and archiving initiatives. */
export interface InitiativeService {
  create(identity: SsoIdentity, body: unknown): Promise<InitiativeDetail>;
  get(identity: SsoIdentity, id: string): Promise<InitiativeDetail>;
  update(identity: SsoIdentity, id: string, body: unknown): Promise<InitiativeDetail>;
  archive(identity: SsoIdentity, id: string): Promise<InitiativeDetail>;
}

const editors = ['LearningLeader', 'Admin'];

function requireEditor(identity: SsoIdentity): void {
  if (!identity.roles.some((role) => editors.includes(role)))
    throw new HttpProblem(
      403,
      'forbidden',
      'Only learning leaders and admins create or change initiatives',
      'Ask an admin to assign you the LearningLeader role in the LearnFit enterprise application.',
    );
}

/** People named directly count now; Teams and groups are counted when a collection reads them. */
function knownSize(design: InitiativeDesign): number {
  return design.targetGroup.kind === 'people' ? new Set(design.targetGroup.ids).size : 0;
}

function toDetail(record: InitiativeRecord): InitiativeDetail {
  return {
    ...toSummary(record),
    design: record.design ?? null,
    updatedAt: (record.updatedAt ?? record.createdAt).toISOString(),
  };
}

/** Wires the initiative use cases to the store. */
export function createInitiativeService(deps: {
  readonly initiatives: InitiativeStore;
  readonly now: () => Date;
  /** The tenant's admin settings; without them only learning leaders and admins create initiatives. */
  readonly settings?: TenantSettingsReader;
  /** Whether the caller manages people (the org chart says so); asked only when the settings allow managers. */
  readonly managesPeople?: (identity: SsoIdentity) => Promise<boolean>;
}): InitiativeService {
  /** Editors create; so do managers when the tenant's admin allowed it. */
  const requireCreator = async (identity: SsoIdentity): Promise<void> => {
    if (identity.roles.some((role) => editors.includes(role))) return;
    const allowed = deps.settings ? (await deps.settings.get(identity.tenantId)).initiativeCreators : null;
    if (allowed === 'learningLeadersAndManagers' && (await deps.managesPeople?.(identity))) return;
    throw new HttpProblem(
      403,
      'forbidden',
      'You may not create initiatives',
      allowed === 'learningLeadersAndManagers'
        ? 'Learning leaders, admins and people managers create initiatives here.'
        : 'Ask an admin to assign you the LearningLeader role, or to let managers create initiatives.',
    );
  };
  const find = async (identity: SsoIdentity, id: string): Promise<InitiativeRecord> => {
    const record = await deps.initiatives.get(identity.tenantId, id);
    if (!record)
      throw new HttpProblem(404, 'not_found', 'No such initiative', `There is no initiative ${id}.`);
    return record;
  };
  return {
    async create(identity, body) {
      await requireCreator(identity);
      const input = createInitiativeSchema.parse(body);
      const at = deps.now();
      const record: InitiativeRecord = {
        id: randomUUID(),
        tenantId: identity.tenantId,
        name: input.name,
        goal: input.goal,
        status: 'draft',
        targetGroupSize: knownSize(input.design),
        createdBy: identity.userId,
        createdAt: at,
        design: input.design,
        updatedAt: at,
      };
      await deps.initiatives.create(record);
      return toDetail(record);
    },
    async get(identity, id) {
      return toDetail(await find(identity, id));
    },
    async update(identity, id, body) {
      requireEditor(identity);
      const change = updateInitiativeSchema.parse(body);
      const current = await find(identity, id);
      if (current.status === 'archived')
        throw new HttpProblem(
          409,
          'conflict',
          'The initiative is archived',
          'Archived initiatives are read-only.',
        );
      const updated = await deps.initiatives.update(
        identity.tenantId,
        id,
        { ...change, ...(change.design ? { targetGroupSize: knownSize(change.design) } : {}) },
        deps.now(),
      );
      if (!updated)
        throw new HttpProblem(404, 'not_found', 'No such initiative', `There is no initiative ${id}.`);
      return toDetail(updated);
    },
    async archive(identity, id) {
      requireEditor(identity);
      const current = await find(identity, id);
      if (current.status === 'archived') return toDetail(current);
      const updated = await deps.initiatives.update(
        identity.tenantId,
        id,
        { status: 'archived' },
        deps.now(),
      );
      if (!updated)
        throw new HttpProblem(404, 'not_found', 'No such initiative', `There is no initiative ${id}.`);
      return toDetail(updated);
    },
  };
}
