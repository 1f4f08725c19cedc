import { ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import { createLogger } from '../logger';
import type { AuditStore } from '../store/audit-store';
import type { SnapshotInfo } from '../store/collection-store';
import type { SettingsStore } from '../store/settings-store';
import { appPermissions, createAdminService, rolesOfAppToken } from './admin-service';

const identity = (roles: string[]): SsoIdentity => ({
  tenantId: 'tenant-1',
  userId: 'user-1',
  name: null,
  preferredUsername: null,
  roles,
  token: 'sso',
});

const jwt = (claims: object): string =>
  [{ alg: 'RS256', typ: 'JWT' }, claims]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.') + '.signature';

const snapshot = (id: string, dataAsOf: string, coverage: SnapshotInfo['coverage']): SnapshotInfo => ({
  id,
  tenantId: 'tenant-1',
  runId: `run-${id}`,
  initiativeId: null,
  kind: 'adhoc',
  dataAsOf: new Date(dataAsOf),
  weeks: 4,
  people: 10,
  coverage,
  summary: {},
  frozen: false,
  createdAt: new Date(dataAsOf),
});

function service(appToken: () => Promise<string>, snapshots: SnapshotInfo[] = []) {
  return createAdminService({
    settings: {} as SettingsStore,
    audit: {} as AuditStore,
    appToken,
    snapshots: { listSnapshots: () => Promise.resolve(snapshots) },
    clientId: 'client-1',
    consentRedirectUrl: 'https://learnfit.example.com/tab/index.html',
    now: () => new Date('2026-12-01T00:00:00Z'),
    logger: createLogger('silent'),
  });
}

async function problemOf(work: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof HttpProblem)) throw new Error(`expected an HttpProblem, got ${String(error)}`);
  return { status: error.status, code: error.code };
}

describe('consent status', () => {
  it('marks what the token lacks as missing, case-insensitively', async () => {
    const token = jwt({ roles: ['user.read.all', 'Reports.Read.All'], tid: 'tenant-1' });
    const consent = await service(() => Promise.resolve(token)).consent(identity(['Admin']));
    expect(
      consent.applicationPermissions
        .filter((entry) => entry.status === 'granted')
        .map((entry) => entry.permission),
    ).toEqual(['User.Read.All', 'Reports.Read.All']);
    expect(consent.applicationPermissions).toHaveLength(appPermissions.length);
    expect(
      consent.applicationPermissions.find((entry) => entry.permission === 'ChannelMessage.Read.All'),
    ).toMatchObject({ status: 'missing', sources: ['channelMessages'] });
  });

  it('treats a token without roles as no permission granted', async () => {
    const consent = await service(() => Promise.resolve(jwt({ tid: 'tenant-1' }))).consent(
      identity(['Admin']),
    );
    expect(consent.applicationPermissions.every((entry) => entry.status === 'missing')).toBe(true);
  });

  it('answers 502 when the token endpoint refuses, 503 when it cannot be reached, 502 for a non-JWT', async () => {
    const refused = service(() => Promise.reject(new ServerError('invalid_client', 'AADSTS7000215')));
    expect(await problemOf(refused.consent(identity(['Admin'])))).toEqual({
      status: 502,
      code: 'graph_error',
    });
    const down = service(() => Promise.reject(new TypeError('fetch failed')));
    expect(await problemOf(down.consent(identity(['Admin'])))).toEqual({
      status: 503,
      code: 'graph_unavailable',
    });
    const garbage = service(() => Promise.resolve('not-a-jwt'));
    expect(await problemOf(garbage.consent(identity(['Admin'])))).toEqual({
      status: 502,
      code: 'graph_error',
    });
  });

  it('is refused to non-admins before any token is asked for', async () => {
    let asked = 0;
    const counting = service(() => {
      asked += 1;
      return Promise.resolve(jwt({ roles: [] }));
    });
    expect(await problemOf(counting.consent(identity(['LearningLeader'])))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(asked).toBe(0);
  });

  it("takes each source's coverage from the newest snapshot that has it", async () => {
    const consent = await service(
      () => Promise.resolve(jwt({ roles: [] })),
      [
        snapshot('old', '2026-10-01T00:00:00Z', [
          { source: 'directory', status: 'complete', coveredPeople: 9, detail: null },
          { source: 'emailActivityReport', status: 'concealed', coveredPeople: 0, detail: 'concealed names' },
        ]),
        snapshot('new', '2026-11-01T00:00:00Z', [
          { source: 'directory', status: 'complete', coveredPeople: 10, detail: null },
        ]),
      ],
    ).consent(identity(['Admin']));
    const bySource = new Map(consent.coverage.map((entry) => [entry.source, entry]));
    expect(bySource.get('directory')).toEqual({
      source: 'directory',
      status: 'complete',
      coveredPeople: 10,
      detail: null,
      snapshotId: 'new',
      dataAsOf: '2026-11-01T00:00:00.000Z',
    });
    expect(bySource.get('emailActivityReport')).toMatchObject({ status: 'concealed', snapshotId: 'old' });
    expect(bySource.get('channelMessages')).toMatchObject({ status: 'notCollected', snapshotId: null });
  });
});

describe('rolesOfAppToken', () => {
  it('reads the roles claim and refuses what is not a JWT payload', () => {
    expect(rolesOfAppToken(jwt({ roles: ['A', 3, 'B'] }))).toEqual(['A', 'B']);
    expect(rolesOfAppToken(jwt({ roles: 'A' }))).toBeNull();
    expect(rolesOfAppToken('a.%%%.c')).toBeNull();
    expect(rolesOfAppToken('')).toBeNull();
  });
});
