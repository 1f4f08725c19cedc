// Privacy across the API: no answer to anyone carries a figure over fewer than k people, and a person's
// own profile reaches their design team only while they opt in. The first test walks every JSON answer
// of every GET route for every persona; the second follows one opt-in and opt-out through the diagnostics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../api/src/http/openapi';
import { callApi } from './support/http';
import { samplePath } from './support/route-samples';
import { startTestServer, type TestServer } from './support/server';

const personaNames = ['learner', 'manager', 'learningLeader', 'admin'] as const;

let server: TestServer;
const tokens: Record<string, string> = {};
let initiativeId: string;
let k: number;

const call = (method: string, path: string, token: string, body?: unknown): Promise<Response> =>
  callApi(server.baseUrl, method, path, token, body);

/** Every object in a JSON value that states a group size `n` beside a released number. */
function releasedFigures(value: unknown, path = '$', out: Array<{ path: string; n: number }> = []) {
  if (Array.isArray(value)) value.forEach((item, index) => releasedFigures(item, `${path}[${index}]`, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const released = ['value', 'mean', 'median', 'share', 'score'].some(
      (key) => typeof record[key] === 'number',
    );
    if (typeof record['n'] === 'number' && released) out.push({ path, n: record['n'] });
    for (const [key, child] of Object.entries(record)) releasedFigures(child, `${path}.${key}`, out);
  }
  return out;
}

beforeAll(async () => {
  server = await startTestServer({
    WORKER_CONCURRENCY: '0',
    EVENT_STREAM_MAX_SECONDS: '1',
    API_RATE_PER_USER: '100000',
    API_RATE_PER_TENANT: '1000000',
  });
  const demo = server.composed.demo!;
  for (const persona of personaNames)
    tokens[persona] = await demo.identity.issueSsoToken(demo.tenant.personas[persona]);
  const list = (await (await call('GET', '/api/initiatives', tokens['learningLeader']!)).json()) as {
    items: Array<{ id: string }>;
  };
  initiativeId = list.items[0]!.id;
  const settings = (await (await call('GET', '/api/admin/settings', tokens['admin']!)).json()) as {
    k: number;
  };
  k = settings.k;
});
afterAll(async () => {
  await server?.close();
});

describe('privacy', () => {
  it(
    'releases no figure over fewer than k people to anyone, on any route',
    { timeout: 120_000 },
    async () => {
      const small: string[] = [];
      let figures = 0;
      const ids = { initiatives: initiativeId };
      for (const operation of operations) {
        if (operation.method !== 'get' || operation.public) continue;
        if ((operation.response?.mediaType ?? 'application/json') !== 'application/json') continue;
        for (const persona of personaNames) {
          const response = await call('GET', samplePath(operation, ids), tokens[persona]!);
          if (response.status !== 200) {
            await response.body?.cancel();
            continue;
          }
          const found = releasedFigures(await response.json());
          figures += found.length;
          for (const figure of found)
            if (figure.n < k) small.push(`${persona} ${operation.path} ${figure.path}: n=${figure.n}`);
        }
      }
      expect(small).toEqual([]);
      // The walk met real figures (the seeded baseline's diagnostics and reports), so it proves something.
      expect(figures).toBeGreaterThan(50);
    },
  );

  it("shows a design-team member's profile to the team only while they opt in", async () => {
    const demo = server.composed.demo!;
    const leaderId = demo.tenant.personas.learningLeader;
    const teammate = demo.tenant.sampleInitiative.designTeamMemberIds.find((id) => id !== leaderId)!;
    const teammateToken = await demo.identity.issueSsoToken(teammate);
    const profiles = async (): Promise<Array<{ userId: string; own: boolean }>> => {
      const response = await call(
        'GET',
        `/api/initiatives/${initiativeId}/diagnostics`,
        tokens['learningLeader']!,
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        results: { leaders: { data: { profiles: Array<{ userId: string; own: boolean }> } } };
      };
      return body.results.leaders.data.profiles;
    };
    expect((await profiles()).map((profile) => profile.userId)).toEqual([leaderId]);

    const optIn = await call('PUT', '/api/me/sharing', teammateToken, { initiativeId, share: true });
    expect(optIn.status).toBe(200);
    const shared = await profiles();
    expect(shared.map((profile) => profile.userId).sort()).toEqual([leaderId, teammate].sort());
    expect(shared.find((profile) => profile.userId === teammate)?.own).toBe(false);

    const optOut = await call('PUT', '/api/me/sharing', teammateToken, { initiativeId, share: false });
    expect(optOut.status).toBe(200);
    expect((await profiles()).map((profile) => profile.userId)).toEqual([leaderId]);

    // Someone outside the design team cannot opt in to it at all.
    const outsider = await call('PUT', '/api/me/sharing', tokens['learner']!, { initiativeId, share: true });
    expect(outsider.status).toBe(403);
  });
});
