// The demo server and a fake conversation roster for the message extension's tests: invoke activities
// POSTed to /api/messages, the roster served by a loopback Bot Framework connector (the serviceUrl).
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maxCardBytes } from '@learnfit/bot';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { DemoTenant } from '../../api/src/demo/tenant/model';
import { callApi } from './http';
import { startTestServer, type TestServer } from './server';

/** A tenant that is not the demo's. */
export const otherTenant = '99999999-9999-4999-8999-999999999999';
/** The server's PUBLIC_URL: links the extension unfurls and builds start here. */
export const publicUrl = 'https://learnfit.example.com';
/** Set through TEAMS_APP_ID (not the demo's default), so the deep links prove the configured id is used. */
export const teamsAppId = '9f3d2a71-4c5e-4b8a-8e21-6d0c7b9a1e52';

/** One card of a message-extension result. */
export interface Attachment {
  contentType: string;
  content: { version: string; body: unknown[]; actions?: Array<{ title: string; url: string }> };
  preview: { contentType: string; content: { title: string; text: string } };
}
interface ExtensionBody {
  composeExtension: { type: string; attachmentLayout: string; attachments: Attachment[] };
}

/** The fake connector: set `members` to the conversation's roster; `requests` records the calls. */
export interface FakeRoster {
  readonly server: Server;
  readonly url: string;
  readonly members: string[];
  readonly requests: string[];
}

/** The running demo server, its tenant and roster, and helpers that invoke the extension. */
export interface MessageExtensionHarness {
  readonly server: TestServer;
  readonly tenant: DemoTenant;
  /** The demo's sample initiative. */
  readonly initiativeId: string;
  readonly connector: FakeRoster;
  /** An invoke activity from `who` in a group chat (`extra.tenantId` / `extra.channelTenant` override). */
  activity(name: string, who: string, value: unknown, extra?: Record<string, unknown>): unknown;
  invoke(body: unknown): Promise<{ status: number; json: unknown; text: string }>;
  /** Invokes and returns the attachments, asserting the result shape and every card's size. */
  attachments(body: unknown): Promise<Attachment[]>;
  close(): Promise<void>;
}

async function startRoster(): Promise<FakeRoster> {
  const members: string[] = [];
  const requests: string[] = [];
  const fake = http.createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.setHeader('Content-Type', 'application/json');
    if (req.method === 'GET' && /\/v3\/conversations\/[^/]+\/pagedMembers/.test(req.url ?? '')) {
      res.end(
        JSON.stringify({
          members: members.map((id) => ({ id: `29:${id}`, name: 'Member', aadObjectId: id })),
        }),
      );
      return;
    }
    res.end('{}');
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  return {
    server: fake,
    url: `http://127.0.0.1:${(fake.address() as AddressInfo).port}/`,
    members,
    requests,
  };
}

/** Everyone opens the tab once (the API records their app roles); returns the sample initiative's id. */
async function visitTab(server: TestServer, tenant: DemoTenant): Promise<string> {
  const { identity } = server.composed.demo!;
  for (const persona of Object.values(tenant.personas)) {
    const token = await identity.issueSsoToken(persona);
    expect((await callApi(server.baseUrl, 'GET', '/api/initiatives', token)).status).toBe(200);
  }
  const leaderToken = await identity.issueSsoToken(tenant.personas.learningLeader);
  const list = (await (await callApi(server.baseUrl, 'GET', '/api/initiatives', leaderToken)).json()) as {
    items: Array<{ id: string; name: string }>;
  };
  const initiativeId = list.items.find((item) => item.name === tenant.sampleInitiative.name)?.id;
  if (!initiativeId) throw new Error('the demo has no sample initiative');
  // The role writes run behind the requests; wait until all four are stored.
  for (let tries = 0; tries < 100; tries++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from principal_roles`.execute(
      server.composed.store.db,
    );
    if ((rows[0]?.n ?? 0) >= 4) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return initiativeId;
}

/** Starts the demo server (no workers) and the fake roster, and records everyone's roles. */
export async function startMessageExtensionHarness(): Promise<MessageExtensionHarness> {
  const server = await startTestServer({
    WORKER_CONCURRENCY: '0',
    PUBLIC_URL: publicUrl,
    TEAMS_APP_ID: teamsAppId,
  });
  const tenant = server.composed.demo!.tenant;
  const connector = await startRoster();
  const initiativeId = await visitTab(server, tenant);

  const activity = (name: string, who: string, value: unknown, extra: Record<string, unknown> = {}) => {
    const tenantId = (extra['tenantId'] as string | undefined) ?? tenant.tenantId;
    return {
      type: 'invoke',
      name,
      id: `f:${name}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: `29:${who}`, name: 'Someone', aadObjectId: who },
      recipient: { id: '28:00000000-0000-4000-8000-00000000b07d', name: 'LearnFit' },
      conversation: { id: '19:chat-1@thread.v2', conversationType: 'groupChat', tenantId },
      channelData: { tenant: { id: (extra['channelTenant'] as string | undefined) ?? tenantId } },
      locale: 'en-US',
      value,
    };
  };

  const invoke = async (body: unknown) => {
    const response = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null, text };
  };

  const attachments = async (body: unknown): Promise<Attachment[]> => {
    const { status, json } = await invoke(body);
    expect(status).toBe(200);
    const result = (json as ExtensionBody).composeExtension;
    expect(result.type).toBe('result');
    for (const attachment of result.attachments) {
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(attachment.content.version).toBe('1.5');
      expect(Buffer.byteLength(JSON.stringify(attachment))).toBeLessThanOrEqual(maxCardBytes);
      // Theme-safe: semantic colours only, never a colour value.
      expect(JSON.stringify(attachment)).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
    }
    return result.attachments;
  };

  return {
    server,
    tenant,
    initiativeId,
    connector,
    activity,
    invoke,
    attachments,
    close: async () => {
      connector.server.close();
      await server.close();
    },
  };
}
