import { buildCollaborationSnapshot, type CollaborationSnapshot } from '@learnfit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../demo/graph-sim/test-harness';
import { generateTenant } from '../../demo/tenant/generate';
import type { DemoTenant } from '../../demo/tenant/model';
import { createGraphClient } from '../graph-client';
import { createRoutedFetch, microsoftHosts, type FetchLike } from '../transport';
import { createRateGovernor, type RateGovernor } from '../pacing/governor';
import { collectTenant, unreadDetail, type CollectedSources } from './collect-tenant';
import { truthSnapshot } from '../../demo/tenant-records';

const asOf = new Date('2026-11-30T00:00:00Z');
const makeTenant = (): DemoTenant => generateTenant({ seed: 7, people: 50, weeks: 4, asOf });

let sim: TestSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

interface Run {
  sources: CollectedSources;
  governor: RateGovernor;
  raw429: number;
  requests: number;
  snapshot: CollaborationSnapshot;
}

/** Virtual milliseconds per real millisecond: ten minutes of report quota pass in 1.2 s. */
const speed = 500;

/**
 * Runs the simulator and the collectors on one fast clock: virtual time runs `speed` times faster than
 * real time for everyone, so waits shrink but every party still sees the same, smooth clock.
 */
async function collect(
  tenant: DemoTenant,
  options: { faultRate?: number; token?: string; concealed?: boolean } = {},
): Promise<Run> {
  const realStart = performance.now();
  const now = (): number => asOf.getTime() + (performance.now() - realStart) * speed;
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => setTimeout(resolve, Math.ceil(ms / speed)));
  tenant.reportsConcealed = options.concealed ?? false;
  sim = await startTestSimulator(tenant, {
    now: () => new Date(now()),
    throttling: {},
    // The clock runs 500x fast, so Graph's few-minute link lifetime would be under a second of real
    // time: a loaded CI machine then sees links expire between the 302 and the download.
    downloadTtlMs: 60 * 60 * 1000,
    ...(options.faultRate ? { faults: { rate: options.faultRate, seed: 3, retryAfterSeconds: 1 } } : {}),
  });
  const routes = new Map([
    [microsoftHosts.graph, sim.base],
    [microsoftHosts.reportsDownload, sim.base],
  ]);
  let raw429 = 0;
  let requests = 0;
  const counting: FetchLike = async (input, init) => {
    requests += 1;
    const response = await fetch(input, { ...init, redirect: 'manual' });
    if (response.status === 429) raw429 += 1;
    return response;
  };
  const client = createGraphClient({
    fetch: createRoutedFetch(routes, counting),
    accessToken: () => Promise.resolve(options.token ?? 'app'),
    maxRetries: 0,
  });
  const governor = createRateGovernor({ now, sleep });
  const phases: string[] = [];
  const sources = await collectTenant(
    client,
    governor,
    {
      teamIds: tenant.teams.map((team) => team.id),
      dataAsOf: new Date(tenant.asOf),
      weeks: tenant.weeks,
    },
    undefined,
    (progress) => {
      if (phases[phases.length - 1] !== progress.phase) phases.push(progress.phase);
    },
  );
  // The directory comes first, assembling only at the very end; the reports lie between the two.
  expect(phases[0]).toBe('directory');
  expect(phases.indexOf('assembling')).toBe(phases.length - 1);
  expect(phases).toContain('reports');
  const snapshot = buildCollaborationSnapshot({
    tenantId: tenant.tenantId,
    dataAsOf: new Date(tenant.asOf),
    weeks: tenant.weeks,
    ...sources,
    pseudonymize: (id) => id,
  });
  return { sources, governor, raw429, requests, snapshot };
}

describe('collectTenant against the simulator', () => {
  it('builds the ground-truth snapshot with no 429s while the governor paces', async () => {
    const tenant = makeTenant();
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => undefined),
    );
    const run = await collect(tenant);
    // Nothing is logged, and records carry only the allowed fields: no body, subject or summary.
    for (const spy of logs) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    const allowed = [
      'channelId',
      'createdAt',
      'fromId',
      'id',
      'mentionIds',
      'reactions',
      'replyToId',
      'teamId',
    ];
    for (const message of run.sources.messages) expect(Object.keys(message).sort()).toEqual(allowed);
    expect(run.raw429).toBe(0);
    expect(run.governor.stats.throttled).toBe(0);
    expect(run.snapshot).toEqual(truthSnapshot(tenant));
  });
});

const roles = (...names: string[]): string => `app:${names.join(',')}`;
const base = ['User.Read.All', 'TeamMember.Read.All', 'Channel.ReadBasic.All', 'Reports.Read.All'];

describe('collectTenant with faults and reduced access', () => {
  it('equals the fault-free snapshot with 20% injected 429/503/504 and dropped connections', async () => {
    const tenant = makeTenant();
    const run = await collect(tenant, { faultRate: 0.2 });
    expect(run.governor.stats.retried).toBeGreaterThan(10);
    expect(run.snapshot).toEqual(truthSnapshot(tenant));
  });

  it('reports concealed usage reports from the tenant setting and keeps the rest', async () => {
    const tenant = makeTenant();
    const run = await collect(tenant, { concealed: true });
    const reports = run.sources.coverage.filter((entry) => entry.source.endsWith('Report'));
    expect(reports).toHaveLength(5);
    expect(reports.every((entry) => entry.status === 'concealed' && entry.coveredPeople === 0)).toBe(true);
    expect(run.sources.daily).toHaveLength(0);
    expect(run.snapshot.edges).toEqual(truthSnapshot(tenant).edges);
  });

  it('detects concealment from 32-hex values when the setting cannot be read', async () => {
    const tenant = makeTenant();
    const run = await collect(tenant, { concealed: true, token: roles(...base, 'ChannelMessage.Read.All') });
    const statuses = run.sources.coverage.filter((entry) => entry.source.endsWith('Report'));
    expect(statuses.map((entry) => entry.status)).toEqual(Array(5).fill('concealed'));
    expect(run.sources.daily).toHaveLength(0);
  });

  it('turns a 403 on channel messages into missing coverage, not a crash', async () => {
    const tenant = makeTenant();
    const run = await collect(tenant, { token: roles(...base, 'ReportSettings.Read.All') });
    const messages = run.sources.coverage.find((entry) => entry.source === 'channelMessages');
    expect(messages).toMatchObject({ status: 'missing', coveredPeople: 0 });
    expect(messages?.detail).toContain('ChannelMessage.Read.All');
    expect(run.sources.messages).toHaveLength(0);
    expect(run.sources.people).toHaveLength(tenant.users.length);
    expect(run.sources.daily.length).toBeGreaterThan(0);
  });
});

describe('unreadDetail', () => {
  it('tells refused access (what to grant) from teams and channels that are gone', () => {
    expect(unreadDetail([404], [])).toBe(
      '1 team and 0 channels were not found (deleted during the run, or a wrong id); their messages are not in this snapshot.',
    );
    const forbidden = unreadDetail([], [403, 403]);
    expect(forbidden).toMatch(/^0 teams and 2 channels refused access/);
    expect(forbidden).toContain('ChannelMessage.Read.All');
    expect(forbidden).not.toContain('not found');
    expect(unreadDetail([403], [404])).toMatch(/refused access.*not found/);
  });
});
