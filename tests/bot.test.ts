import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A `composeExtension/query` invoke as Teams sends it to the messaging endpoint. */
function queryActivity(tenantId: string, text: string, commandId = 'searchInitiatives') {
  return {
    type: 'invoke',
    name: 'composeExtension/query',
    id: 'f:invoke-1',
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:user-1', name: 'Test user', aadObjectId: '00000000-0000-4000-8000-000000000001' },
    recipient: { id: '28:00000000-0000-4000-8000-00000000b07d', name: 'LearnFit' },
    conversation: { id: 'a:conversation-1', conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId }, source: { name: 'compose' } },
    locale: 'en-US',
    value: { commandId, parameters: [{ name: 'query', value: text }], queryOptions: { skip: 0, count: 10 } },
  };
}

async function invoke(activity: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.json() };
}

interface SearchBody {
  composeExtension: {
    type: string;
    attachments: Array<{
      contentType: string;
      content: { version: string; body: Array<{ text?: string }> };
      preview: { content: { title: string } };
    }>;
  };
}

describe('message extension search', () => {
  it('answers a composeExtension/query with an Adaptive Card for the matching initiative', async () => {
    const tenant = server.composed.demo?.tenant;
    if (!tenant) throw new Error('demo tenant missing');
    const word = tenant.sampleInitiative.name.split(' ')[0] ?? '';
    const { status, body } = await invoke(queryActivity(tenant.tenantId, word.toLowerCase()));
    expect(status).toBe(200);
    const result = (body as SearchBody).composeExtension;
    expect(result.type).toBe('result');
    expect(result.attachments).toHaveLength(1);
    const [attachment] = result.attachments;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment?.content.version).toBe('1.5');
    expect(attachment?.content.body[0]?.text).toBe(tenant.sampleInitiative.name);
    expect(attachment?.preview.content.title).toBe(tenant.sampleInitiative.name);
    expect(Buffer.byteLength(JSON.stringify(attachment))).toBeLessThan(28 * 1024);
  });

  it('finds nothing for text that matches no initiative, and nothing across tenants', async () => {
    const tenant = server.composed.demo?.tenant;
    if (!tenant) throw new Error('demo tenant missing');
    const none = await invoke(queryActivity(tenant.tenantId, 'zzz-no-such-initiative'));
    expect((none.body as SearchBody).composeExtension.attachments).toEqual([]);
    const otherTenant = await invoke(queryActivity('99999999-9999-4999-8999-999999999999', ''));
    expect((otherTenant.body as SearchBody).composeExtension.attachments).toEqual([]);
  });
});

// Signature checks outside demo mode: tests/bot-security.test.ts. Permissions, unfurling and the fit
// check: tests/bot-message-extension.test.ts.
