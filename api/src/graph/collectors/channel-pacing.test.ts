import { afterEach, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../demo/graph-sim/test-harness';
import { generateTenant } from '../../demo/tenant/generate';
import { createGraphClient } from '../graph-client';
import { DOCUMENTED_LIMITS, type PacingLimits } from '../pacing/graph-limits';
import { createRateGovernor, mapConcurrent } from '../pacing/governor';
import { createRoutedFetch, microsoftHosts, type FetchLike } from '../transport';
import { collectChannelMessages } from './channel-messages';
import { createMemoryJournal } from './journal';

const asOf = new Date('2026-11-30T00:00:00Z');
const tenant = generateTenant({ seed: 7, people: 50, weeks: 4, asOf });
const channels = tenant.teams.flatMap((team) =>
  team.channels.map((channel) => ({ teamId: team.id, channelId: channel.id })),
);

let sim: TestSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

/** Reads every channel at once on a clock 5× real time, so per-second limits really bind. */
async function readAllChannels(limits: PacingLimits): Promise<{ raw429: number; records: number }> {
  const speed = 5;
  const realStart = performance.now();
  const now = (): number => asOf.getTime() + (performance.now() - realStart) * speed;
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => setTimeout(resolve, Math.ceil(ms / speed)));
  sim = await startTestSimulator(tenant, { now: () => new Date(now()), throttling: {} });
  let raw429 = 0;
  const counting: FetchLike = async (input, init) => {
    const response = await fetch(input, { ...init, redirect: 'manual' });
    if (response.status === 429) raw429 += 1;
    return response;
  };
  const client = createGraphClient({
    fetch: createRoutedFetch(new Map([[microsoftHosts.graph, sim.base]]), counting),
    accessToken: () => Promise.resolve('app'),
    maxRetries: 0,
  });
  const governor = createRateGovernor({ now, sleep, limits });
  const journal = createMemoryJournal();
  await mapConcurrent(channels, channels.length, ({ teamId, channelId }) =>
    collectChannelMessages(client, governor, journal, teamId, channelId, Date.parse(tenant.windowStart)),
  );
  return { raw429, records: (await journal.messages()).length };
}

describe('channel reads under the Teams limits', () => {
  it('makes no 429 with every channel read at once', async () => {
    expect(channels.length).toBeGreaterThan(20);
    const paced = await readAllChannels(DOCUMENTED_LIMITS);
    expect(paced.raw429).toBe(0);
    expect(paced.records).toBeGreaterThan(0);
  });

  it('is what keeps them away: with the limits lifted the simulator throttles', async () => {
    const lifted: PacingLimits = {
      teamsPerSecond: { teamGet: 1e6, channelMessage: 1e6, teamMembers: 1e6, channels: 1e6 },
      perTeamOrChannelPerSecond: 1e6,
      identityUnitsPer10s: 1e6,
      reportsPer10Minutes: 1e6,
    };
    const unpaced = await readAllChannels(lifted);
    expect(unpaced.raw429).toBeGreaterThan(0);
  });
});
