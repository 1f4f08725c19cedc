import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../tenant/generate';
import type { DemoTeam } from '../tenant/model';
import { startTestSimulator, type TestSimulator } from './test-harness';

const tenant = generateTenant({ seed: 42, people: 300, weeks: 6, asOf: new Date('2026-11-30T00:00:00Z') });
const team = tenant.teams.find((t) => t.id === tenant.sampleInitiative.targetTeamId) as DemoTeam;
const general = team.channels[0]?.id ?? '';
const messages = tenant.messages.filter((m) => m.teamId === team.id && m.channelId === general);
const roots = messages.filter((m) => m.replyToId === null);
const base = `/v1.0/teams/${team.id}/channels/${general}/messages`;
let sim: TestSimulator;

/** The latest creation or reaction in a root's thread. */
const threadChange = (rootId: string) =>
  Math.max(
    ...messages
      .filter((m) => m.id === rootId || m.replyToId === rootId)
      .flatMap((m) => [m.createdDateTime, ...m.reactions.map((r) => r.createdDateTime)])
      .map((t) => Date.parse(t)),
  );

interface Message {
  id: string;
  '@odata.type'?: string;
  messageType: string;
  lastModifiedDateTime: string;
  from: unknown;
  body: { content: string };
  eventDetail: Record<string, unknown> | null;
  replies?: Message[];
}
interface DeltaPage {
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  value: Message[];
}

async function get<T>(url: string, headers: Record<string, string> = {}) {
  const res = await sim.fetch(url, { token: 'app', headers });
  return { status: res.status, body: (await res.json()) as T };
}

async function sync(url: string): Promise<{ items: Message[]; deltaLink: string; pages: number }> {
  const items: Message[] = [];
  let pages = 0;
  for (let next = url; ;) {
    const { body }: { body: DeltaPage } = await get<DeltaPage>(next);
    pages++;
    items.push(...body.value);
    if (body['@odata.deltaLink']) return { items, deltaLink: body['@odata.deltaLink'], pages };
    next = body['@odata.nextLink'] ?? '';
    expect(next).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/teams\/.+\/messages\/delta\?\$skiptoken=/);
  }
}

beforeAll(async () => {
  sim = await startTestSimulator(tenant, { now: () => new Date('2026-11-30T08:00:00Z') });
});
afterAll(() => sim.close());

describe('channel messages delta', () => {
  it('returns every root once, typed, oldest change first, then a deltaLink that has nothing new', async () => {
    const { items, deltaLink, pages } = await sync(`${base}/delta?$top=10`);
    expect(pages).toBe(Math.ceil(roots.length / 10) + (roots.length % 10 === 0 ? 1 : 0));
    expect(items.map((m) => m.id).sort()).toEqual(roots.map((m) => m.id).sort());
    expect(items.every((m) => m['@odata.type'] === '#microsoft.graph.chatMessage')).toBe(true);
    const changes = items.map((m) => threadChange(m.id));
    expect(deltaLink).toMatch(/\/messages\/delta\?\$deltatoken=[\w-]+$/);
    const again = await get<DeltaPage>(deltaLink);
    expect(again.body.value).toEqual([]);
    expect(again.body['@odata.deltaLink']).toBeDefined();
    expect(changes).toEqual([...changes].sort((a, b) => a - b));
  });

  it('filters on lastModifiedDateTime gt and returns whole reply chains with $expand=replies', async () => {
    const cut = '2026-11-23T00:00:00Z';
    const filter = encodeURIComponent(`lastModifiedDateTime gt ${cut}`);
    const { items } = await sync(`${base}/delta?$filter=${filter}&$expand=replies&$top=50`);
    const changed = (rootId: string) =>
      messages.some(
        (m) =>
          (m.id === rootId || m.replyToId === rootId) &&
          [m.createdDateTime, ...m.reactions.map((r) => r.createdDateTime)].some((t) => t > cut),
      );
    expect(items.map((m) => m.id).sort()).toEqual(
      roots
        .filter((r) => changed(r.id))
        .map((r) => r.id)
        .sort(),
    );
    for (const m of items) {
      expect(threadChange(m.id)).toBeGreaterThan(Date.parse(cut));
      expect(m.replies?.length).toBe(messages.filter((r) => r.replyToId === m.id).length);
    }
  });

  it('rejects unsupported filters, page sizes and foreign tokens', async () => {
    expect((await get(`${base}/delta?$filter=${encodeURIComponent("subject eq 'x'")}`)).status).toBe(400);
    expect((await get(`${base}/delta?$top=51`)).status).toBe(400);
    expect((await get(`${base}/delta?$deltatoken=nope`)).status).toBe(400);
    const other = team.channels[1]?.id ?? '';
    const { body } = await get<DeltaPage>(`${base}/delta?$top=1`);
    const token = /\$skiptoken=([\w-]+)/.exec(body['@odata.nextLink'] ?? '')?.[1];
    expect(
      (await get(`/v1.0/teams/${team.id}/channels/${other}/messages/delta?$skiptoken=${token}`)).status,
    ).toBe(400);
  });
});

describe('system event messages', () => {
  const event = roots.find((m) => m.event);

  it('are unknownFutureValue by default and systemEventMessage with Prefer: include-unknown-enum-members', async () => {
    expect(event).toBeDefined();
    const plain = await get<Message>(`${base}/${event?.id}`);
    expect(plain.body.messageType).toBe('unknownFutureValue');
    expect(plain.body.from).toBeNull();
    expect(plain.body.body.content).toBe('<systemEventMessage/>');
    expect(plain.body.eventDetail?.['@odata.type']).toBe('#microsoft.graph.membersAddedEventMessageDetail');
    const preferred = await get<Message>(`${base}/${event?.id}`, { Prefer: 'include-unknown-enum-members' });
    expect(preferred.body.messageType).toBe('systemEventMessage');
    const listed = await get<{ value: Message[] }>(`${base}?$top=50`, {
      Prefer: 'include-unknown-enum-members',
    });
    const types = new Set(listed.body.value.map((m) => m.messageType));
    expect([...types].every((t) => t === 'message' || t === 'systemEventMessage')).toBe(true);
  });
});
