import type { BotUser, FitCheckOutcome, FitCheckRequest } from '@learnfit/bot';
import { createPrivacyGuard, diagnoseWorkflowFit, seededRandom } from '@learnfit/core';
import {
  newestOf,
  seedOf,
  settingsWithK,
  snapshotRef,
  tenantInputs,
  type DiagnosticsDeps,
} from '../services/diagnostics-service';
import { orgBelow } from '../services/report-service';

/** Runs a quick fit check for a bot user. */
export type FitCheck = (user: BotUser, request: FitCheckRequest) => Promise<FitCheckOutcome>;

/** The id the quick check's ad-hoc initiative carries in the core computation. */
export const quickCheckInitiativeId = 'quick-fit-check';

/**
 * The quick workflow-fit check: core's `diagnoseWorkflowFit` over the tenant's newest stored snapshot,
 * with the conversation's members as the target group and the tenant's k. Who may assess whom follows
 * the tab: learning leaders and admins read any group's aggregates, so they get all members found in
 * the snapshot; a manager reads only their own org's aggregates, so only members below them in the
 * snapshot's reporting lines count; a learner reads no group's aggregates and gets no estimate (their
 * own profile stays in the tab). A group under k is refused, never estimated. Each estimate is audited.
 */
export function createFitCheck(deps: DiagnosticsDeps): FitCheck {
  const read = tenantInputs(deps);
  return async (user, request) => {
    const leader = user.roles.includes('LearningLeader') || user.roles.includes('Admin');
    if (!leader && !user.roles.includes('Manager')) return { kind: 'not-allowed' };
    const { tenantId } = user;
    const info = newestOf(await read.snapshots(tenantId));
    if (!info) return { kind: 'no-snapshot' };
    const snapshot = await read.snapshot(tenantId, info.id);
    const k = settingsWithK((await read.settings(tenantId)).k).privacy.k;
    const pseudonymize = deps.pseudonymizerFor(tenantId);
    const inSnapshot = new Set(snapshot.people.map((person) => person.key));
    const scope = leader ? 'conversation' : 'my-org';
    const allowed = leader ? null : new Set(orgBelow(snapshot, pseudonymize(user.userId)) ?? []);
    const rosterSize = new Set(request.memberIds.map((id) => id.toLowerCase())).size;
    const keys = [...new Set(request.memberIds.map((id) => pseudonymize(id.toLowerCase())))]
      .filter((key) => inSnapshot.has(key) && (allowed === null || allowed.has(key)))
      .sort();
    if (keys.length < k) return { kind: 'too-small', scope, rosterSize, found: keys.length, k };
    const result = diagnoseWorkflowFit({
      snapshot,
      initiative: {
        id: quickCheckInitiativeId,
        name: 'Quick fit check',
        targetGroup: keys,
        designTeam: [],
        comparisonGroup: null,
        features: request.features,
        kpis: [],
        launchDate: null,
      },
      pulse: [],
      settings: settingsWithK(k),
      random: seededRandom(seedOf(info.id)),
      guard: createPrivacyGuard({ k }),
    });
    await deps.audit.record(tenantId, {
      actorId: user.userId,
      action: 'bot.fit-check',
      target: `snapshot:${info.id}`,
      detail: { people: keys.length, scope, features: request.features.length },
    });
    return { kind: 'estimate', scope, rosterSize, snapshot: snapshotRef(info), k, result };
  };
}
