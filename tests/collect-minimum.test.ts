// The collection benchmark's yardstick (scripts/bench/collect-minimum.ts): the fewest Graph requests and
// the throttle-bound least time a tenant's collection can take. Lives here because vitest picks up tests
// under `scripts/src/` only, and the bench helpers sit in `scripts/bench/`.
import { describe, expect, it } from 'vitest';
import {
  chainMs,
  channelPages,
  collectionMinimum,
  replyPages,
  type CollectionTruth,
  type RootTruth,
} from '../scripts/bench/collect-minimum';

const windowStart = Date.parse('2026-11-02T00:00:00Z');
const inWindow = windowStart + 3_600_000;
const before = windowStart - 3_600_000;
const roots = (touched: number, older: number, replies = 0): RootTruth[] => [
  ...Array.from({ length: touched }, () => ({ touchedAt: inWindow, replies })),
  ...Array.from({ length: older }, () => ({ touchedAt: before, replies })),
];
const network = { latencyMs: 80, inlineReplies: 1000 };

describe('channelPages', () => {
  it('reads one root past the touched ones so it knows it can stop', () => {
    expect(channelPages(roots(60, 60), windowStart)).toBe(2);
    expect(channelPages(roots(49, 10), windowStart)).toBe(1);
    // The 50th root is touched, so only a second page shows that the 51st is older.
    expect(channelPages(roots(50, 10), windowStart)).toBe(2);
  });

  it('stops at the last page when no older root exists', () => {
    expect(channelPages(roots(50, 0), windowStart)).toBe(1);
    expect(channelPages(roots(101, 0), windowStart)).toBe(3);
  });

  it('needs one page for an empty or untouched channel', () => {
    expect(channelPages([], windowStart)).toBe(1);
    expect(channelPages(roots(0, 500), windowStart)).toBe(1);
  });

  it('reaches an old root whose thread was touched in the window', () => {
    const list = roots(3, 80);
    list[70] = { touchedAt: inWindow, replies: 4 };
    expect(channelPages(list, windowStart)).toBe(2);
  });
});

describe('replyPages', () => {
  it('counts next-link pages of touched roots past the inline replies only', () => {
    const list: RootTruth[] = [
      { touchedAt: inWindow, replies: 1075 },
      { touchedAt: inWindow, replies: 1000 },
      { touchedAt: before, replies: 5000 },
    ];
    expect(replyPages(list, windowStart, 1000)).toBe(2);
  });
});

describe('chainMs', () => {
  it('is latency-bound up to four requests a second and rate-bound beyond', () => {
    expect(chainMs(0, 80, 4)).toBe(0);
    expect(chainMs(4, 80, 4)).toBe(320);
    expect(chainMs(5, 80, 4)).toBe(1080);
    expect(chainMs(9, 80, 4)).toBe(2080);
    // Slow answers make the chain latency-bound again.
    expect(chainMs(5, 400, 4)).toBe(2000);
  });
});

describe('collectionMinimum', () => {
  const truth: CollectionTruth = {
    users: 50_000,
    teams: 10,
    structureNextPages: 0,
    channels: [roots(120, 30), roots(10, 0), []],
    windowStart,
    reportDays: 28,
    reports: 5,
  };

  it('adds up users pages, the settings read, batches, channel pages and two requests per report-day', () => {
    const { requests } = collectionMinimum(truth, network);
    expect(requests).toEqual({
      users: 51,
      reportSettings: 1,
      teamBatches: 1,
      channelPages: 3 + 1 + 1,
      replyPages: 0,
      reports: 280,
      total: 51 + 1 + 1 + 5 + 280,
    });
    expect(
      collectionMinimum({ ...truth, teams: 11, structureNextPages: 2 }, network).requests.teamBatches,
    ).toBe(4);
  });

  it('bounds the time by the users chain and then the report quota, beside the message path', () => {
    const { ms } = collectionMinimum(truth, network);
    expect(ms.users).toBe(51 * 80);
    // 28 days of each report: the second window of 14 opens 10 minutes after the first.
    expect(ms.reports).toBe(600_000 + 160);
    // One batch, then the three-page chain of the busiest channel (under 4 a second).
    expect(ms.messages).toBe(80 + 240);
    // The message path runs beside the user list, so the longer of the two bounds the non-report part.
    expect(ms.nonReport).toBe(51 * 80);
    expect(ms.total).toBe(51 * 80 + 600_000 + 160);
  });

  it('lets 20 channel pages a second tenant-wide bind when many channels are read at once', () => {
    const many = { ...truth, channels: Array.from({ length: 45 }, () => roots(5, 5)), reportDays: 14 };
    const { ms } = collectionMinimum(many, network);
    expect(ms.reports).toBe(160);
    expect(ms.messages).toBe(80 + 2000 + 80);
    expect(ms.total).toBe(51 * 80 + 160);
    // With fewer users the message path is the longer chain.
    const small = collectionMinimum({ ...many, users: 999 }, network).ms;
    expect(small.nonReport).toBe(80 + 2080);
    expect(small.total).toBe(80 + 2080);
  });
});
