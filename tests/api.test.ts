import { meResponseSchema } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';
import { expectProblem } from './support/problem';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function demo() {
  const environment = server.composed.demo;
  if (!environment) throw new Error('demo environment missing');
  return environment;
}

async function getMe(token?: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/me`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
}

describe('health', () => {
  it('answers liveness and readiness with the database and Graph transport up', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', graph: 'ok' } });
  });
});

describe('GET /api/me', () => {
  it('shows the learner their name, chain of managers and 30-day channel-versus-chat counts from Graph', async () => {
    const { tenant, identity } = demo();
    const learner = tenant.users.find((user) => user.id === tenant.personas.learner);
    if (!learner) throw new Error('learner persona missing');
    const response = await getMe(await identity.issueSsoToken(learner.id));
    expect(response.status).toBe(200);
    const me = meResponseSchema.parse(await response.json());

    expect(me.user.displayName).toBe(learner.displayName);
    expect(me.tenantId).toBe(tenant.tenantId);
    expect(me.primaryRole).toBe('Learner');

    const expectedChain: string[] = [];
    for (let id = learner.managerId; id && expectedChain.length < 3;) {
      expectedChain.push(id);
      id = tenant.users.find((user) => user.id === id)?.managerId ?? null;
    }
    expect(me.managementChain.map((link) => link.id)).toEqual(expectedChain);
    expect(me.managementChain.map((link) => link.level)).toEqual(expectedChain.map((_, index) => index + 1));

    expect(me.activity.available).toBe(true);
    const refresh = new Date(`${me.activity.reportRefreshDate ?? ''}T00:00:00Z`);
    const from = refresh.getTime() - 29 * 86_400_000;
    const until = refresh.getTime() + 86_400_000;
    const mine = tenant.messages.filter((message) => {
      const at = Date.parse(message.createdDateTime);
      return message.fromUserId === learner.id && at >= from && at < until;
    });
    expect(me.activity.channelMessages).toBe(mine.length);
    expect(me.activity.channelPosts).toBe(mine.filter((message) => message.replyToId === null).length);
    expect(me.activity.channelReplies).toBe(mine.filter((message) => message.replyToId !== null).length);
    expect(me.activity.chatMessages).toBeGreaterThan(0);
  });

  it('gives the manager and the learning leader their own roles', async () => {
    const { tenant, identity } = demo();
    const manager = meResponseSchema.parse(
      await (await getMe(await identity.issueSsoToken(tenant.personas.manager))).json(),
    );
    expect(manager.roles).toContain('Manager');
    expect(manager.directReportCount).toBeGreaterThanOrEqual(3);
    const leader = meResponseSchema.parse(
      await (await getMe(await identity.issueSsoToken(tenant.personas.learningLeader))).json(),
    );
    expect(leader.primaryRole).toBe('LearningLeader');
    const admin = meResponseSchema.parse(
      await (await getMe(await identity.issueSsoToken(tenant.personas.admin))).json(),
    );
    expect(admin.primaryRole).toBe('Admin');
  });
});

describe('token validation', () => {
  it('refuses a missing, malformed, expired, foreign or tampered token with 401 and a code', async () => {
    const { tenant, identity } = demo();
    const user = tenant.personas.learner;
    await expectProblem(await getMe(), 401, 'missing_token');
    await expectProblem(await getMe('not-a-jwt'), 401, 'invalid_token');
    await expectProblem(await getMe(await identity.issueSsoToken(user, {}, -900)), 401, 'token_expired');
    await expectProblem(
      await getMe(await identity.issueSsoToken(user, { aud: 'api://someone-else' })),
      401,
      'wrong_audience',
    );
    await expectProblem(
      await getMe(
        await identity.issueSsoToken(user, {
          iss: 'https://login.microsoftonline.com/99999999-9999-4999-8999-999999999999/v2.0',
        }),
      ),
      401,
      'wrong_issuer',
    );
    await expectProblem(
      await getMe(await identity.issueSsoToken(user, { tid: '99999999-9999-4999-8999-999999999999' })),
      401,
      'wrong_tenant',
    );
    await expectProblem(
      await getMe(await identity.issueSsoToken(user, { scp: 'User.Read' })),
      401,
      'insufficient_scope',
    );
    await expectProblem(
      await getMe(await identity.issueSsoToken(user, { nbf: Math.floor(Date.now() / 1000) + 3600 })),
      401,
      'invalid_token',
    );

    const valid = await identity.issueSsoToken(user);
    const [header, payload, signature] = valid.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
        oid: tenant.personas.admin,
      }),
    ).toString('base64url');
    await expectProblem(await getMe(`${header}.${forgedPayload}.${signature}`), 401, 'invalid_token');

    // alg "none" with no signature, and an HS256 token (a validator that took the key type from the
    // token would accept an HMAC made with public material).
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const kid = (JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as { kid: string }).kid;
    await expectProblem(
      await getMe(`${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`),
      401,
      'invalid_token',
    );
    const { createHmac } = await import('node:crypto');
    const confused = `${encode({ alg: 'HS256', typ: 'JWT', kid })}.${encode(claims)}`;
    const mac = createHmac('sha256', 'the tenant public key, used as an HMAC secret')
      .update(confused)
      .digest('base64url');
    await expectProblem(await getMe(`${confused}.${mac}`), 401, 'invalid_token');
  });
});

describe('bad input', () => {
  it('answers unknown routes, malformed JSON and oversized bodies with problem+json', async () => {
    const { identity, tenant } = demo();
    const token = await identity.issueSsoToken(tenant.personas.learner);
    await expectProblem(
      await fetch(`${server.baseUrl}/api/nothing-here`, { headers: { Authorization: `Bearer ${token}` } }),
      404,
      'not_found',
    );
    await expectProblem(await fetch(`${server.baseUrl}/no/such/page`), 404, 'not_found');
    await expectProblem(
      await fetch(`${server.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"type": "invoke",',
      }),
      400,
      'malformed_json',
    );
    await expectProblem(
      await fetch(`${server.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) }),
      }),
      413,
      'payload_too_large',
    );
  });

  it('serves the tab with a frame-ancestors policy that lets Teams frame it', async () => {
    const response = await fetch(`${server.baseUrl}/tab/index.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('https://teams.microsoft.com');
    expect(response.headers.get('x-frame-options')).toBeNull();
  });
});
