import { describe, expect, it } from 'vitest';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { Logger } from '../logger';
import { createPrincipalRolesRecorder } from './principal-roles-recorder';
import type { PrincipalRolesStore } from './principal-roles-store';

const start = new Date('2026-03-02T09:00:00Z').getTime();
const minutes = (n: number) => n * 60_000;

function identity(userId: string, roles: readonly string[], tenantId = 't1'): SsoIdentity {
  return { tenantId, userId, name: null, preferredUsername: null, roles, token: 'raw-token' };
}

/** A store that keeps its writes in a list and fails while `failing` is set. */
function fakeStore() {
  const writes: Array<{ tenantId: string; userId: string; roles: readonly string[]; at: Date }> = [];
  const state = { failing: false };
  const store: PrincipalRolesStore = {
    record(tenantId, userId, roles, at) {
      if (state.failing) return Promise.reject(new Error('connection terminated'));
      writes.push({ tenantId, userId, roles, at });
      return Promise.resolve();
    },
    get: () => Promise.resolve(null),
  };
  return { store, writes, state };
}

function recordingLogger() {
  const lines: Array<{ message: string; fields: Record<string, unknown> | undefined }> = [];
  const log = (message: string, fields?: Record<string, unknown>) => {
    lines.push({ message, fields });
  };
  const logger: Logger = { debug: log, info: log, warn: log, error: log };
  return { logger, lines };
}

function setUp(maxEntries?: number) {
  let now = start;
  const { store, writes, state } = fakeStore();
  const { logger, lines } = recordingLogger();
  const recorder = createPrincipalRolesRecorder({
    store,
    logger,
    now: () => new Date(now),
    ...(maxEntries === undefined ? {} : { maxEntries }),
  });
  const advance = (ms: number) => {
    now += ms;
  };
  return { recorder, writes, state, lines, advance };
}

describe('principal roles recorder', () => {
  it('writes on the first visit, then only when the roles change or ten minutes have passed', async () => {
    const { recorder, writes, advance } = setUp();
    recorder.seen(identity('u1', ['LearningLeader']));
    await recorder.settled();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ tenantId: 't1', userId: 'u1', roles: ['LearningLeader'] });

    // A busy tab: the same roles, in any order or case of the id, cost no writes.
    advance(minutes(9));
    recorder.seen(identity('U1', ['LearningLeader', 'LearningLeader']));
    await recorder.settled();
    expect(writes).toHaveLength(1);

    // A role assigned in Entra arrives with the next token and is written at once.
    recorder.seen(identity('u1', ['Admin', 'LearningLeader']));
    await recorder.settled();
    expect(writes).toHaveLength(2);
    expect(writes[1]?.at.getTime()).toBe(start + minutes(9));

    // Unchanged roles are written again after ten minutes, which refreshes the time they were seen.
    advance(minutes(10) - 1);
    recorder.seen(identity('u1', ['LearningLeader', 'Admin']));
    await recorder.settled();
    expect(writes).toHaveLength(2);
    advance(1);
    recorder.seen(identity('u1', ['LearningLeader', 'Admin']));
    await recorder.settled();
    expect(writes).toHaveLength(3);
    expect(writes[2]?.at.getTime()).toBe(start + minutes(19));
  });

  it('keeps people and tenants apart', async () => {
    const { recorder, writes } = setUp();
    recorder.seen(identity('u1', []));
    recorder.seen(identity('u2', []));
    recorder.seen(identity('u1', [], 't2'));
    recorder.seen(identity('u1', []));
    await recorder.settled();
    expect(writes.map((write) => `${write.tenantId}/${write.userId}`)).toEqual(['t1/u1', 't1/u2', 't2/u1']);
  });

  it('forgets the oldest person when its memory is full, and then writes them again', async () => {
    const { recorder, writes } = setUp(2);
    for (const user of ['u1', 'u2', 'u3', 'u2', 'u1']) recorder.seen(identity(user, []));
    await recorder.settled();
    expect(writes.map((write) => write.userId)).toEqual(['u1', 'u2', 'u3', 'u1']);
  });

  it('never fails the request when the write fails, logs without the person, and retries next time', async () => {
    const { recorder, writes, state, lines } = setUp();
    state.failing = true;
    expect(() => recorder.seen(identity('u1', ['Admin']))).not.toThrow();
    await recorder.settled();
    expect(writes).toEqual([]);
    expect(lines).toEqual([
      { message: 'principal roles not recorded', fields: { error: 'connection terminated' } },
    ]);
    expect(JSON.stringify(lines)).not.toContain('u1');

    state.failing = false;
    recorder.seen(identity('u1', ['Admin']));
    await recorder.settled();
    expect(writes.map((write) => write.roles)).toEqual([['Admin']]);
  });

  it('answers the request without waiting for the write', async () => {
    let finish = (): void => undefined;
    const slow: PrincipalRolesStore = {
      record: () => new Promise<void>((resolve) => (finish = resolve)),
      get: () => Promise.resolve(null),
    };
    const recorder = createPrincipalRolesRecorder({
      store: slow,
      logger: recordingLogger().logger,
      now: () => new Date(start),
    });
    // The write never finishes on its own, yet `seen` returns at once.
    recorder.seen(identity('u1', []));
    let written = false;
    const settled = recorder.settled().then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(written).toBe(false);
    finish();
    await settled;
    expect(written).toBe(true);
  });
});
