// Each role sees exactly what it may: every route, called by the learner, manager, learning leader and
// admin personas of the demo tenant with valid input. A role the route does not admit gets 403 `forbidden`
// and writes nothing; a role it admits is never refused (401/403). Roles come from GET /api/me, so the
// manager role is the one the org chart gives, as the API derives it.
import type { RoleName } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type Operation } from '../api/src/http/openapi';
import { createFingerprint } from './support/fuzz';
import { callApi } from './support/http';
import { sampleBody, samplePath } from './support/route-samples';
import { startTestServer, type TestServer } from './support/server';

const personaNames = ['learner', 'manager', 'learningLeader', 'admin'] as const;
type Persona = (typeof personaNames)[number];

let server: TestServer;
const tokens = {} as Record<Persona, string>;
const roles = {} as Record<Persona, RoleName[]>;
const ids: Record<string, string> = {};
let fingerprint: () => Promise<string>;

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

/**
 * Reads first, then writes, then the writes that end something (archive, close), then deletions: each
 * call should find the records the ones before it left, and an erasure must come last of all.
 */
function order(operation: Operation): number {
  if (operation.method === 'get') return 0;
  if (operation.method === 'delete') return 3;
  return /\/(archive|close)$/.test(operation.path) ? 2 : 1;
}

beforeAll(async () => {
  server = await startTestServer({
    WORKER_CONCURRENCY: '0',
    API_RATE_PER_USER: '100000',
    API_RATE_PER_TENANT: '1000000',
    // No worker: a queued run's progress stream would otherwise stay open for its full five minutes.
    EVENT_STREAM_MAX_SECONDS: '1',
  });
  const demo = server.composed.demo!;
  for (const persona of personaNames) {
    tokens[persona] = await demo.identity.issueSsoToken(demo.tenant.personas[persona]);
    const me = await call('GET', '/api/me', tokens[persona]);
    expect(me.status).toBe(200);
    roles[persona] = ((await me.json()) as { roles: RoleName[] }).roles;
  }
  const post = operations.find((op) => op.method === 'post' && op.path === '/api/initiatives')!;
  const made = await call('POST', '/api/initiatives', tokens.learningLeader, sampleBody(post, demo.tenant));
  expect(made.status).toBe(201);
  ids['initiatives'] = ((await made.json()) as { id: string }).id;
  const run = await call('POST', '/api/collections', tokens.learningLeader, {
    teamIds: [demo.tenant.sampleInitiative.targetTeamId],
  });
  expect(run.status).toBe(202);
  ids['collections'] = ((await run.json()) as { id: string }).id;
  ids['userId'] = demo.tenant.personas.learner;
  ids['kpiId'] = 'k1';
  const wave = await call(
    'POST',
    `/api/initiatives/${ids['initiatives']}/pulse/waves`,
    tokens.learningLeader,
    sampleBody(
      operations.find((op) => op.method === 'post' && op.path.endsWith('/pulse/waves'))!,
      demo.tenant,
    ),
  );
  expect(wave.status).toBe(201);
  ids['waveId'] = ((await wave.json()) as { id: string }).id;
  fingerprint = await createFingerprint(server.composed.store.db);
});
afterAll(async () => {
  await server?.close();
});

describe('role matrix', () => {
  it('derives the personas their roles (the matrix below means something only if they differ)', () => {
    expect(roles.learner).not.toContain('Manager');
    expect(roles.manager).toContain('Manager');
    expect(roles.learningLeader).toContain('LearningLeader');
    expect(roles.admin).toContain('Admin');
    expect(roles.learner.some((role) => ['LearningLeader', 'Admin'].includes(role))).toBe(false);
  });

  it(
    'admits exactly the roles each route names, and a refused call writes nothing',
    { timeout: 240_000 },
    async () => {
      const wrong: string[] = [];
      const rows: string[] = [];
      const routes = operations
        .filter((operation) => !operation.public && operation.path !== '/api/messages')
        .sort((a, b) => order(a) - order(b));
      for (const operation of routes) {
        const cells: string[] = [];
        for (const persona of personaNames) {
          const admitted =
            operation.roles.length === 0 || operation.roles.some((role) => roles[persona].includes(role));
          const before = admitted ? null : await fingerprint();
          const response = await call(
            operation.method.toUpperCase(),
            samplePath(operation, ids),
            tokens[persona],
            sampleBody(operation, server.composed.demo!.tenant, 'sample', ids),
          );
          const text = await response.text();
          cells.push(`${persona}=${response.status}`);
          const name = `${persona} ${operation.method.toUpperCase()} ${operation.path}`;
          if (response.status === 401 || response.status >= 500) wrong.push(`${name}: ${response.status}`);
          if (admitted && response.status === 403) wrong.push(`${name}: refused an admitted role: ${text}`);
          if (!admitted) {
            if (response.status !== 403 || !text.includes('"forbidden"'))
              wrong.push(`${name}: expected 403 forbidden, got ${response.status}`);
            if ((await fingerprint()) !== before) wrong.push(`${name}: a refused call wrote`);
          }
        }
        rows.push(
          `  ${operation.method.toUpperCase()} ${operation.path} [${operation.roles.join(', ') || 'any'}]: ${cells.join(' ')}`,
        );
      }
      process.stdout.write(`role matrix (status per persona):\n${rows.join('\n')}\n`);
      expect(wrong).toEqual([]);
      expect(rows.length).toBeGreaterThan(10);
    },
  );
});
