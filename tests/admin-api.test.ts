import { readFileSync } from 'node:fs';
import {
  auditPageSchema,
  buildCollaborationSnapshot,
  consentStatusSchema,
  dataSources,
  tenantSettingsViewSchema,
} from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClientId } from '../api/src/config';
import { truthSources } from '../api/src/demo/tenant-records';
import { sweepRetention } from '../api/src/jobs/retention';
import { createAuditStore } from '../api/src/store/audit-store';
import { createCollectionStore } from '../api/src/store/collection-store';
import { createSettingsStore } from '../api/src/store/settings-store';
import { createFingerprint } from './support/fuzz';
import { callApi } from './support/http';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

let server: TestServer;
let admin: string;
let leader: string;
let learner: string;
let tenantId: string;
let fingerprint: () => Promise<string>;

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

const saved = {
  k: 8,
  retentionDays: 90,
  initiativeCreators: 'learningLeadersAndManagers',
  nameManagersInParticipation: true,
} as const;

beforeAll(async () => {
  server = await startTestServer({ WORKER_CONCURRENCY: '0', RETENTION_DAYS: '120' });
  const demo = server.composed.demo!;
  tenantId = demo.tenant.tenantId;
  admin = await demo.identity.issueSsoToken(demo.tenant.personas.admin);
  leader = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
  learner = await demo.identity.issueSsoToken(demo.tenant.personas.learner);
  fingerprint = await createFingerprint(server.composed.store.db);
});
afterAll(async () => {
  await server?.close();
});

describe('tenant settings', () => {
  it('answers the defaults until an admin saves: the core minimum k and the server retention', async () => {
    const response = await call('GET', '/api/admin/settings', admin);
    expect(response.status).toBe(200);
    expect(tenantSettingsViewSchema.parse(await response.json())).toEqual({
      k: 5,
      retentionDays: 120,
      initiativeCreators: 'learningLeaders',
      nameManagersInParticipation: false,
      savedAt: null,
    });
  });

  it('refuses non-admins and invalid settings without writing anything', async () => {
    const start = await fingerprint();
    await expectProblem(await call('GET', '/api/admin/settings', leader), 403, 'forbidden');
    await expectProblem(await call('PUT', '/api/admin/settings', leader, saved), 403, 'forbidden');
    for (const body of [
      { ...saved, k: 4 },
      { ...saved, k: 101 },
      { ...saved, k: 5.5 },
      { ...saved, retentionDays: 29 },
      { ...saved, retentionDays: 731 },
      { ...saved, initiativeCreators: 'everyone' },
      { ...saved, nameManagersInParticipation: 'yes' },
      { k: 8, retentionDays: 90, initiativeCreators: 'learningLeaders' },
      { ...saved, extra: 1 },
    ])
      await expectProblem(await call('PUT', '/api/admin/settings', admin, body), 400, 'bad_request');
    expect(await fingerprint()).toBe(start);
  });

  it('saves the whole object, reads it back, serves it to other services and audits the change', async () => {
    const response = await call('PUT', '/api/admin/settings', admin, saved);
    expect(response.status).toBe(200);
    const body = tenantSettingsViewSchema.parse(await response.json());
    expect(body).toEqual({ ...saved, savedAt: expect.any(String) });
    expect(await (await call('GET', '/api/admin/settings', admin)).json()).toEqual(body);
    // Another tenant still reads the defaults.
    const reader = createSettingsStore(server.composed.store.db, {
      k: 5,
      retentionDays: 180,
      initiativeCreators: 'learningLeaders',
      nameManagersInParticipation: false,
    });
    expect(await reader.get(tenantId)).toMatchObject(saved);
    expect(await reader.get('another-tenant')).toMatchObject({ k: 5, retentionDays: 180, savedAt: null });
    const audit = auditPageSchema.parse(await (await call('GET', '/api/admin/audit', admin)).json());
    expect(audit.items[0]).toMatchObject({
      action: 'settings.update',
      actorId: server.composed.demo!.tenant.personas.admin,
      target: 'tenant-settings',
      detail: saved,
    });
  });

  it("applies each tenant's own retention in the sweep", async () => {
    const db = server.composed.store.db;
    const store = createCollectionStore(db);
    const demo = server.composed.demo!.tenant;
    const now = new Date(demo.asOf);
    const day = 86_400_000;
    const save = (tenant: string, runId: string, ageDays: number) =>
      store.saveSnapshot({
        id: `snap-${runId}`,
        tenantId: tenant,
        runId,
        initiativeId: null,
        kind: 'adhoc',
        dataAsOf: new Date(now.getTime() - ageDays * day),
        weeks: demo.weeks,
        summary: {},
        snapshot: buildCollaborationSnapshot({ ...truthSources(demo), tenantId: tenant }),
        frozen: false,
      });
    await save(tenantId, 'retention-a-100', 100);
    await save(tenantId, 'retention-a-60', 60);
    await save('tenant-with-defaults', 'retention-b-100', 100);
    const reader = createSettingsStore(db, {
      k: 5,
      retentionDays: 120,
      initiativeCreators: 'learningLeaders',
      nameManagersInParticipation: false,
    });
    const purged: string[] = [];
    const totals = await sweepRetention(
      store,
      async (tenant) => (await reader.get(tenant)).retentionDays,
      () => now,
      (tenant, before) => {
        purged.push(`${tenant}<${before.toISOString().slice(0, 10)}`);
        return Promise.resolve(2);
      },
    );
    // Other rows (unfinished pulse answers) get each tenant's own cut-off too.
    const cutoff = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    expect(purged).toContain(`${tenantId}<${cutoff(90)}`);
    expect(purged).toContain(`tenant-with-defaults<${cutoff(120)}`);
    expect(totals.other).toBe(2 * purged.length);
    const ids = async (tenant: string) => (await store.listSnapshots(tenant)).map((info) => info.id);
    // This tenant keeps 90 days (saved above); the other keeps the server's 120.
    expect(await ids(tenantId)).toContain('snap-retention-a-60');
    expect(await ids(tenantId)).not.toContain('snap-retention-a-100');
    expect(await ids('tenant-with-defaults')).toEqual(['snap-retention-b-100']);
  });
});

/** `permission|type` of each row of the table in docs/permissions.md, sorted. */
function documentedPermissions(): string[] {
  const text = readFileSync(new URL('../docs/permissions.md', import.meta.url), 'utf8');
  const rows = [...text.matchAll(/^\|\s*`([A-Za-z.]+)`\s*\|\s*(delegated|application)\s*\|/gm)];
  return [...new Set(rows.map((row) => `${row[1]}|${row[2]}`))].sort();
}

describe('consent and coverage', () => {
  it('lists every permission of docs/permissions.md, granted as the app-only token says', async () => {
    const response = await call('GET', '/api/admin/consent', admin);
    expect(response.status).toBe(200);
    const consent = consentStatusSchema.parse(await response.json());
    const listed = [
      ...consent.applicationPermissions.map((entry) => `${entry.permission}|application`),
      ...consent.delegatedScopes.map((entry) => `${entry.permission}|delegated`),
    ].sort();
    expect(listed).toEqual(documentedPermissions());
    // The demo tenant's admin granted every application permission.
    expect(consent.applicationPermissions.map((entry) => [entry.permission, entry.status])).toEqual([
      ['User.Read.All', 'granted'],
      ['TeamMember.Read.All', 'granted'],
      ['GroupMember.ReadBasic.All', 'granted'],
      ['Channel.ReadBasic.All', 'granted'],
      ['ChannelMessage.Read.All', 'granted'],
      ['Reports.Read.All', 'granted'],
      ['ReportSettings.Read.All', 'granted'],
    ]);
    expect(consent.delegatedScopes.every((entry) => entry.status === 'requested on sign-in')).toBe(true);
    // Entra sends the admin back to the tab, a reply address the registration lists (infra/aad.manifest.json).
    const consentUrl = new URL(consent.adminConsentUrl);
    expect(`${consentUrl.origin}${consentUrl.pathname}`).toBe(
      `https://login.microsoftonline.com/${tenantId}/adminconsent`,
    );
    expect(consentUrl.searchParams.get('client_id')).toBe(demoClientId);
    expect(consentUrl.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/tab\/index\.html$/);
    // Coverage comes from the newest snapshot holding each source.
    const newest = (await createCollectionStore(server.composed.store.db).listSnapshots(tenantId)).at(-1);
    expect(consent.coverage.map((entry) => entry.source)).toEqual([...dataSources]);
    if (newest)
      for (const entry of consent.coverage) {
        const stored = newest.coverage.find((candidate) => candidate.source === entry.source);
        expect(entry).toEqual({
          source: entry.source,
          status: stored?.status ?? 'notCollected',
          coveredPeople: stored?.coveredPeople ?? 0,
          detail: stored ? stored.detail : 'No snapshot has been collected yet.',
          snapshotId: stored ? newest.id : null,
          dataAsOf: stored ? newest.dataAsOf.toISOString() : null,
        });
      }
  });

  it('is for admins only', async () => {
    await expectProblem(await call('GET', '/api/admin/consent', learner), 403, 'forbidden');
    await expectProblem(await call('GET', '/api/admin/consent', leader), 403, 'forbidden');
  });
});

describe('audit log', () => {
  it('pages newest first with `before`, and keeps other tenants out', async () => {
    const audit = createAuditStore(server.composed.store.db);
    for (let index = 1; index <= 5; index += 1)
      await audit.record(tenantId, {
        actorId: 'someone',
        action: 'report.export',
        target: `initiative:i${index}`,
        detail: { format: 'csv', rows: index },
      });
    await audit.record('another-tenant', {
      actorId: 'x',
      action: 'report.export',
      target: 'initiative:other',
    });
    const targets: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const response = await call(
        'GET',
        `/api/admin/audit?limit=2${before ? `&before=${before}` : ''}`,
        admin,
      );
      expect(response.status).toBe(200);
      const page = auditPageSchema.parse(await response.json());
      targets.push(...page.items.map((entry) => entry.target));
      before = page.nextBefore;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(targets.slice(0, 5)).toEqual([
      'initiative:i5',
      'initiative:i4',
      'initiative:i3',
      'initiative:i2',
      'initiative:i1',
    ]);
    expect(targets).not.toContain('initiative:other');
    expect(targets).toContain('tenant-settings');
    const first = auditPageSchema.parse(await (await call('GET', '/api/admin/audit?limit=1', admin)).json());
    expect(first.items[0]).toMatchObject({ actorId: 'someone', detail: { format: 'csv', rows: 5 } });
  });

  it('refuses bad paging and non-admins', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=x', 'before=abc', 'before=0', 'limit=1&limit=2'])
      await expectProblem(await call('GET', `/api/admin/audit?${query}`, admin), 400, 'bad_request');
    await expectProblem(await call('GET', '/api/admin/audit', leader), 403, 'forbidden');
  });
});
