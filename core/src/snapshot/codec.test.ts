import { describe, expect, it } from 'vitest';
import type { CollaborationSnapshot } from '../model/snapshot';
import { buildCollaborationSnapshot } from './build-snapshot';
import type { ChannelMessageRecord } from './records';
import { decodeSnapshot, encodeSnapshot } from './codec';

const start = Date.parse('2026-10-05T09:00:00Z');

/** A small snapshot with every array non-empty: posts, replies with latency, mentions, reactions, daily counts. */
function sample(people: number, weeks: number): CollaborationSnapshot {
  const ids = Array.from({ length: people }, (_, index) => `p${index}`);
  const messages: ChannelMessageRecord[] = [];
  for (let index = 0; index < people * 3; index += 1) {
    const author = ids[index % people]!;
    const other = ids[(index + 1) % people]!;
    const at = start + index * 7_200_000;
    messages.push({
      id: `r${index}`,
      teamId: 't',
      channelId: 'c',
      replyToId: null,
      fromId: author,
      createdAt: at,
      mentionIds: [other],
      reactions: [{ userId: other, createdAt: at + 60_000 }],
    });
    messages.push({
      id: `x${index}`,
      teamId: 't',
      channelId: 'c',
      replyToId: `r${index}`,
      fromId: other,
      createdAt: at + 1_800_000,
      mentionIds: [],
      reactions: [],
    });
  }
  return buildCollaborationSnapshot({
    tenantId: 'tenant',
    dataAsOf: new Date(start + weeks * 7 * 86_400_000),
    weeks,
    people: ids.map((id, index) => ({
      id,
      department: index % 2 ? 'Sales' : null,
      location: null,
      jobTitle: 'Rep',
      managerId: index ? 'p0' : null,
      accountEnabled: true,
      utcOffsetHours: 1,
    })),
    messages,
    daily: ids.map((id) => ({ personId: id, day: '2026-10-06', emailsSent: 4, calls: 1 })),
    coverage: [{ source: 'directory', status: 'complete', coveredPeople: people, detail: null }],
    pseudonymize: (id) => `k-${id}`,
  });
}

describe('snapshot codec', () => {
  it('round-trips every field, typed arrays included', () => {
    const snapshot = sample(40, 6);
    const decoded = decodeSnapshot(encodeSnapshot(snapshot));
    expect(decoded).toEqual(snapshot);
    expect(decoded.latencies.minutes).toBeInstanceOf(Float32Array);
    expect(decoded.edges.kind).toBeInstanceOf(Uint8Array);
    expect(decoded.latencies.minutes.length).toBeGreaterThan(0);
    expect(decoded.edges.from.length).toBeGreaterThan(0);
  });

  it('decodes from an unaligned view, as a database driver may hand it over', () => {
    const snapshot = sample(12, 3);
    const encoded = encodeSnapshot(snapshot);
    const shifted = new Uint8Array(encoded.length + 1);
    shifted.set(encoded, 1);
    expect(decodeSnapshot(shifted.subarray(1))).toEqual(snapshot);
  });

  it('refuses a truncated buffer and an unknown version', () => {
    const encoded = encodeSnapshot(sample(5, 2));
    expect(() => decodeSnapshot(encoded.subarray(0, encoded.length - 8))).toThrow(/truncated/);
    const length = new DataView(encoded.buffer).getUint32(0, true);
    const header = new TextDecoder()
      .decode(encoded.subarray(4, 4 + length))
      .replace('"version":1', '"version":9');
    const tampered = encoded.slice();
    tampered.set(new TextEncoder().encode(header), 4);
    expect(() => decodeSnapshot(tampered)).toThrow(/version 9/);
  });
});
