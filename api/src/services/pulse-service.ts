import { randomUUID } from 'node:crypto';
import {
  createPrivacyGuard,
  maxPulseWaveDays,
  openPulseWaveSchema,
  pulseAnswerSchema,
  pulseDraftSchema,
  pulseQuestions,
  type MyPulseAnswer,
  type MyPulseDraft,
  type PulseResults,
  type PulseView,
  type PulseWave,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { PulseDraftStore } from '../store/pulse-draft-store';
import type { PulseStore, PulseWaveRecord } from '../store/pulse-store';
import type { InitiativeRecord, InitiativeStore, TenantSettingsReader } from './ports';
import { releasePulseResults } from './pulse-results';

/** The pulse survey: questions, waves, answers and aggregate results. */
export interface PulseService {
  view(identity: SsoIdentity, initiativeId: string): Promise<PulseView>;
  waves(identity: SsoIdentity, initiativeId: string): Promise<PulseWave[]>;
  openWave(identity: SsoIdentity, initiativeId: string, body: unknown): Promise<PulseWave>;
  closeWave(identity: SsoIdentity, initiativeId: string, waveId: string): Promise<PulseWave>;
  answer(identity: SsoIdentity, initiativeId: string, waveId: string, body: unknown): Promise<MyPulseAnswer>;
  /** Saves the caller's unfinished answer; only the caller ever reads it back, and it counts nowhere. */
  draft(identity: SsoIdentity, initiativeId: string, waveId: string, body: unknown): Promise<MyPulseDraft>;
  results(identity: SsoIdentity, initiativeId: string, waveId: string): Promise<PulseResults>;
}

/** What the service needs. */
export interface PulseServiceDeps {
  readonly initiatives: InitiativeStore;
  readonly pulse: PulseStore & PulseDraftStore;
  readonly settings: TenantSettingsReader;
  /** The person's pseudonym in the tenant: answers are stored under it, never under the user id. */
  readonly keyFor: (tenantId: string, userId: string) => string;
  readonly now: () => Date;
  /** B2: queues the bot's pulse invitation and its one reminder when a wave opens. */
  readonly onWaveOpened?: (tenantId: string, initiativeId: string, wave: PulseWaveRecord) => Promise<void>;
}

const leaders = ['LearningLeader', 'Admin'];

function requireLeader(identity: SsoIdentity, what: string): void {
  if (!identity.roles.some((role) => leaders.includes(role)))
    throw new HttpProblem(
      403,
      'forbidden',
      `Only learning leaders and admins ${what}`,
      'Ask an admin to assign you the LearningLeader role in the LearnFit enterprise application.',
    );
}

function toWave(record: PulseWaveRecord): PulseWave {
  return {
    id: record.id,
    initiativeId: record.initiativeId,
    state: record.state,
    openedAt: record.openedAt.toISOString(),
    closesAt: record.closesAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
  };
}

const archivedProblem = (): HttpProblem =>
  new HttpProblem(409, 'conflict', 'The initiative is archived', 'Archived initiatives are read-only.');

const closedProblem = (): HttpProblem =>
  new HttpProblem(
    409,
    'conflict',
    'The pulse wave is closed',
    'Answers can be changed only while a wave is open.',
  );

const missingWave = (waveId: string): HttpProblem =>
  new HttpProblem(404, 'not_found', 'No such pulse wave', `The initiative has no pulse wave ${waveId}.`);

/** Wires the pulse use cases to the stores. */
export function createPulseService(deps: PulseServiceDeps): PulseService {
  const findInitiative = async (identity: SsoIdentity, id: string): Promise<InitiativeRecord> => {
    const record = await deps.initiatives.get(identity.tenantId, id);
    if (!record)
      throw new HttpProblem(404, 'not_found', 'No such initiative', `There is no initiative ${id}.`);
    return record;
  };
  const findWave = async (
    identity: SsoIdentity,
    initiativeId: string,
    waveId: string,
  ): Promise<PulseWaveRecord> => {
    await findInitiative(identity, initiativeId);
    const wave = await deps.pulse.getWave(identity.tenantId, initiativeId, waveId);
    if (!wave) throw missingWave(waveId);
    return wave;
  };
  // Drafts live while their wave is open and within the tenant's retention period. This housekeeping
  // runs whenever someone in the tenant opens a pulse, saves a draft or closes a wave (the periodic
  // retention sweep covers snapshots only); an unread expired draft is never shown in the meantime.
  const settingsAfterPurge = async (tenantId: string) => {
    const settings = await deps.settings.get(tenantId);
    await deps.pulse.purgeDrafts(
      tenantId,
      new Date(deps.now().getTime() - settings.retentionDays * 86_400_000),
    );
    return settings;
  };
  return {
    async view(identity, initiativeId) {
      await findInitiative(identity, initiativeId);
      const { k, retentionDays } = await settingsAfterPurge(identity.tenantId);
      const open = (await deps.pulse.listWaves(identity.tenantId, initiativeId)).find(
        (wave) => wave.state === 'open',
      );
      const personKey = deps.keyFor(identity.tenantId, identity.userId);
      const [mine, draft] = open
        ? await Promise.all([
            deps.pulse.getAnswer(identity.tenantId, open.id, personKey),
            deps.pulse.getDraft(identity.tenantId, open.id, personKey),
          ])
        : [null, null];
      return {
        initiativeId,
        questions: [...pulseQuestions],
        wave: open ? toWave(open) : null,
        myAnswer: mine?.answer ?? null,
        myAnswerUpdatedAt: mine?.updatedAt.toISOString() ?? null,
        myDraft: draft?.draft ?? null,
        myDraftUpdatedAt: draft?.updatedAt.toISOString() ?? null,
        privacy: { k, retentionDays },
      };
    },
    async waves(identity, initiativeId) {
      requireLeader(identity, 'list pulse waves');
      await findInitiative(identity, initiativeId);
      return (await deps.pulse.listWaves(identity.tenantId, initiativeId)).map(toWave);
    },
    async openWave(identity, initiativeId, body) {
      requireLeader(identity, 'open pulse waves');
      const input = openPulseWaveSchema.parse(body);
      const openedAt = deps.now();
      const closesAt = new Date(input.closesAt);
      const latest = openedAt.getTime() + maxPulseWaveDays * 86_400_000;
      if (closesAt.getTime() <= openedAt.getTime() || closesAt.getTime() > latest)
        throw new HttpProblem(
          400,
          'bad_request',
          'The closing time is not valid',
          `closesAt must be in the future and at most ${maxPulseWaveDays} days away.`,
        );
      const initiative = await findInitiative(identity, initiativeId);
      if (initiative.status === 'archived') throw archivedProblem();
      const wave: PulseWaveRecord = {
        id: randomUUID(),
        initiativeId,
        state: 'open',
        openedAt,
        closesAt,
        closedAt: null,
      };
      if ((await deps.pulse.openWave(identity.tenantId, wave)) === 'conflict')
        throw new HttpProblem(
          409,
          'conflict',
          'A pulse wave is already open',
          'Close the open wave before opening another one.',
        );
      await deps.onWaveOpened?.(identity.tenantId, initiativeId, wave);
      return toWave(wave);
    },
    async closeWave(identity, initiativeId, waveId) {
      requireLeader(identity, 'close pulse waves');
      await findWave(identity, initiativeId, waveId);
      const closed = await deps.pulse.closeWave(identity.tenantId, initiativeId, waveId);
      if (!closed) throw missingWave(waveId);
      // The wave's drafts can never be finished now.
      await settingsAfterPurge(identity.tenantId);
      return toWave(closed);
    },
    async answer(identity, initiativeId, waveId, body) {
      const answer = pulseAnswerSchema.parse(body);
      const initiative = await findInitiative(identity, initiativeId);
      if (initiative.status === 'archived') throw archivedProblem();
      const personKey = deps.keyFor(identity.tenantId, identity.userId);
      const outcome = await deps.pulse.putAnswer(identity.tenantId, initiativeId, waveId, personKey, answer);
      if (outcome === 'missing') throw missingWave(waveId);
      if (outcome === 'closed') throw closedProblem();
      const stored = await deps.pulse.getAnswer(identity.tenantId, waveId, personKey);
      return {
        waveId,
        answer: stored?.answer ?? answer,
        updatedAt: (stored?.updatedAt ?? deps.now()).toISOString(),
      };
    },
    async draft(identity, initiativeId, waveId, body) {
      const draft = pulseDraftSchema.parse(body);
      const initiative = await findInitiative(identity, initiativeId);
      if (initiative.status === 'archived') throw archivedProblem();
      const personKey = deps.keyFor(identity.tenantId, identity.userId);
      const outcome = await deps.pulse.putDraft(identity.tenantId, initiativeId, waveId, personKey, draft);
      if (outcome === 'missing') throw missingWave(waveId);
      if (outcome === 'closed') throw closedProblem();
      // After the write, so a refused draft changes nothing; the fresh draft is never purged.
      await settingsAfterPurge(identity.tenantId);
      const stored = await deps.pulse.getDraft(identity.tenantId, waveId, personKey);
      return {
        waveId,
        draft: stored?.draft ?? draft,
        updatedAt: (stored?.updatedAt ?? deps.now()).toISOString(),
      };
    },
    async results(identity, initiativeId, waveId) {
      requireLeader(identity, 'read pulse results');
      const wave = await findWave(identity, initiativeId, waveId);
      const { k } = await deps.settings.get(identity.tenantId);
      const answers = await deps.pulse.answers(identity.tenantId, waveId);
      return releasePulseResults(
        toWave(wave),
        answers.map((stored) => stored.answer),
        createPrivacyGuard({ k }),
      );
    },
  };
}
