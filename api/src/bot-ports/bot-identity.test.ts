import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoIdentity } from '../identity/sso-token-validator';
import { openStore, type Store } from '../store/database';
import { createPrincipalRolesRecorder } from '../store/principal-roles-recorder';
import { createPrincipalRolesStore } from '../store/principal-roles-store';
import { createBotIdentity, defaultRolesTtlMs } from './bot-identity';

const tenant = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const seconds = (n: number) => n * 1000;
const minutes = (n: number) => n * 60_000;

let store: Store;
beforeAll(async () => {
  store = await openStore({ kind: 'pglite', dataDir: null });
});
afterAll(async () => {
  await store?.close();
});

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * The bot's identity over the real store, with the tab's side (the recorder the API's SSO validator
 * feeds) on the same clock, and a scripted direct-report count in place of Graph.
 */
function setUp(reports: (userId: string) => Promise<number> = () => Promise.resolve(0)) {
  let now = new Date('2026-03-02T09:00:00Z').getTime();
  const principalRoles = createPrincipalRolesStore(store.db);
  const recorder = createPrincipalRolesRecorder({
    store: principalRoles,
    logger: silent,
    now: () => new Date(now),
  });
  const graphCalls: string[] = [];
  const identity = createBotIdentity({
    principalRoles,
    directReportCount: (tenantId, userId) => {
      graphCalls.push(userId);
      return reports(userId);
    },
    allowedTenants: [tenant.toUpperCase()],
    now: () => now,
  });
  /** The person opens the tab: the API validates their SSO token carrying these app roles. */
  const visitTab = async (userId: string, roles: readonly string[]) => {
    const seen: SsoIdentity = {
      tenantId: tenant,
      userId,
      name: null,
      preferredUsername: null,
      roles,
      token: 't',
    };
    recorder.seen(seen);
    await recorder.settled();
  };
  const rolesOf = async (userId: string) => (await identity.identify(tenant, userId))?.roles ?? null;
  const advance = (ms: number) => {
    now += ms;
  };
  return { identity, visitTab, rolesOf, advance, graphCalls };
}

let people = 0;
/** A fresh Entra object id per test, so tests sharing the database do not meet. */
const person = () => `00000000-0000-4000-8000-${String(++people).padStart(12, '0')}`;

describe('bot identity: app roles', () => {
  it('gives someone who never opened the tab no app role', async () => {
    const { rolesOf } = setUp();
    expect(await rolesOf(person())).toEqual(['Learner']);
  });

  it('gives the app roles the tab last saw, and ignores roles the app does not know', async () => {
    const { rolesOf, visitTab } = setUp();
    const leader = person();
    await visitTab(leader, ['LearningLeader', 'Admin', 'Reader']);
    expect(await rolesOf(leader.toUpperCase())).toEqual(['Learner', 'LearningLeader', 'Admin']);
  });

  it('ignores roles not seen for seven days', async () => {
    const { rolesOf, visitTab, advance } = setUp();
    const leader = person();
    await visitTab(leader, ['LearningLeader']);
    advance(defaultRolesTtlMs - 1);
    expect(await rolesOf(leader)).toEqual(['Learner', 'LearningLeader']);
    advance(seconds(15));
    expect(await rolesOf(leader)).toEqual(['Learner']);
    // The next visit to the tab brings them back.
    await visitTab(leader, ['LearningLeader']);
    advance(seconds(15));
    expect(await rolesOf(leader)).toEqual(['Learner', 'LearningLeader']);
  });

  it('stops counting a removed role at the next visit, once its 15-second copy is read again', async () => {
    const { rolesOf, visitTab, advance } = setUp();
    const admin = person();
    await visitTab(admin, ['Admin']);
    expect(await rolesOf(admin)).toEqual(['Learner', 'Admin']);
    // The role is removed in Entra; the person's next token no longer carries it.
    advance(seconds(5));
    await visitTab(admin, []);
    advance(seconds(9));
    expect(await rolesOf(admin)).toEqual(['Learner', 'Admin']);
    advance(seconds(1));
    expect(await rolesOf(admin)).toEqual(['Learner']);
  });

  it('serves only the configured tenants', async () => {
    const { identity } = setUp();
    expect(await identity.identify('99999999-9999-4999-8999-999999999999', person())).toBeNull();
    expect((await identity.identify(tenant.toUpperCase(), person()))?.tenantId).toBe(tenant);
  });

  it('hands services the app roles only, and no token', async () => {
    const { identity } = setUp();
    const seen = identity.asIdentity({
      tenantId: tenant,
      userId: 'u',
      roles: ['Learner', 'Manager', 'Admin'],
    });
    expect(seen).toMatchObject({ tenantId: tenant, userId: 'u', roles: ['Admin'], token: '' });
  });
});

describe('bot identity: manager', () => {
  it('is a manager with direct reports, and not without', async () => {
    const boss = person();
    const { rolesOf } = setUp((userId) => Promise.resolve(userId === boss ? 3 : 0));
    expect(await rolesOf(boss)).toEqual(['Learner', 'Manager']);
    expect(await rolesOf(person())).toEqual(['Learner']);
  });

  it('asks Graph once for activities arriving together, and again after a minute', async () => {
    const boss = person();
    const { rolesOf, advance, graphCalls } = setUp(() => Promise.resolve(2));
    await Promise.all([rolesOf(boss), rolesOf(boss), rolesOf(boss)]);
    expect(graphCalls).toHaveLength(1);
    advance(seconds(59));
    await rolesOf(boss);
    expect(graphCalls).toHaveLength(1);
    advance(seconds(1));
    await rolesOf(boss);
    expect(graphCalls).toHaveLength(2);
  });

  it('is not a manager when Graph fails, and asks again next time', async () => {
    const boss = person();
    let graphUp = false;
    const { rolesOf, graphCalls } = setUp(() =>
      graphUp ? Promise.resolve(4) : Promise.reject(new Error('Graph 503')),
    );
    expect(await rolesOf(boss)).toEqual(['Learner']);
    graphUp = true;
    expect(await rolesOf(boss)).toEqual(['Learner', 'Manager']);
    expect(graphCalls).toHaveLength(2);
  });

  it('keeps a known answer for ten minutes while Graph fails, then stops treating them as a manager', async () => {
    const boss = person();
    let graphUp = true;
    const { rolesOf, advance } = setUp(() =>
      graphUp ? Promise.resolve(4) : Promise.reject(new Error('down')),
    );
    expect(await rolesOf(boss)).toEqual(['Learner', 'Manager']);
    graphUp = false;
    // Within ten minutes the last answer is served while a refresh is tried in the background.
    advance(minutes(5));
    expect(await rolesOf(boss)).toEqual(['Learner', 'Manager']);
    advance(minutes(5) - 1);
    expect(await rolesOf(boss)).toEqual(['Learner', 'Manager']);
    // After ten minutes nothing recent is known: least privilege.
    advance(1);
    expect(await rolesOf(boss)).toEqual(['Learner']);
    graphUp = true;
    expect(await rolesOf(boss)).toEqual(['Learner', 'Manager']);
  });

  it('drops the role when the reports are gone', async () => {
    const boss = person();
    let reports = 1;
    const { rolesOf, advance } = setUp(() => Promise.resolve(reports));
    expect(await rolesOf(boss)).toEqual(['Learner', 'Manager']);
    reports = 0;
    // The answer is refreshed behind a request after a minute, and counts from the next one.
    advance(minutes(1));
    await rolesOf(boss);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await rolesOf(boss)).toEqual(['Learner']);
  });
});
