import { signalNames, type SignalMatrix } from '../model/signals';
import type { CollaborationSnapshot } from '../model/snapshot';

/** Format version of encoded snapshots; bump it and keep a reader for the old one when the layout changes. */
export const snapshotCodecVersion = 1;

type ArrayKind = 'u8' | 'u16' | 'u32' | 'f32';
type Typed = Uint8Array | Uint16Array | Uint32Array | Float32Array;

interface Header {
  readonly version: number;
  readonly tenantId: string;
  readonly dataAsOf: string;
  readonly weekStarts: CollaborationSnapshot['weekStarts'];
  readonly people: CollaborationSnapshot['people'];
  readonly lastSocialActivity: CollaborationSnapshot['lastSocialActivity'];
  readonly coverage: CollaborationSnapshot['coverage'];
  readonly arrays: ReadonlyArray<{
    readonly name: string;
    readonly kind: ArrayKind;
    readonly length: number;
  }>;
}

const bytesPer: Record<ArrayKind, number> = { u8: 1, u16: 2, u32: 4, f32: 4 };
const kindOf = (array: Typed): ArrayKind =>
  array instanceof Uint8Array
    ? 'u8'
    : array instanceof Uint16Array
      ? 'u16'
      : array instanceof Uint32Array
        ? 'u32'
        : 'f32';
const padded = (length: number): number => Math.ceil(length / 4) * 4;

function arraysOf(snapshot: CollaborationSnapshot): Array<[string, Typed]> {
  return [
    ...signalNames.map((name): [string, Typed] => [`signals.${name}`, snapshot.signals[name]]),
    ['edges.from', snapshot.edges.from],
    ['edges.to', snapshot.edges.to],
    ['edges.kind', snapshot.edges.kind],
    ['edges.count', snapshot.edges.count],
    ['latencies.person', snapshot.latencies.person],
    ['latencies.week', snapshot.latencies.week],
    ['latencies.minutes', snapshot.latencies.minutes],
    ['hourOfWeek', snapshot.hourOfWeek],
  ];
}

/**
 * Encodes a snapshot for storage: a length-prefixed JSON header (people, weeks, coverage) followed by
 * the typed arrays' bytes, each 4-byte aligned, so decoding copies no numbers one by one.
 */
export function encodeSnapshot(snapshot: CollaborationSnapshot): Uint8Array {
  const arrays = arraysOf(snapshot);
  const header: Header = {
    version: snapshotCodecVersion,
    tenantId: snapshot.tenantId,
    dataAsOf: snapshot.dataAsOf,
    weekStarts: snapshot.weekStarts,
    people: snapshot.people,
    lastSocialActivity: snapshot.lastSocialActivity,
    coverage: snapshot.coverage,
    arrays: arrays.map(([name, array]) => ({ name, kind: kindOf(array), length: array.length })),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  let size = 4 + padded(headerBytes.length);
  for (const [, array] of arrays) size += padded(array.byteLength);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  let offset = 4 + padded(headerBytes.length);
  for (const [, array] of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += padded(array.byteLength);
  }
  return out;
}

/** Reads what `encodeSnapshot` wrote; throws on a truncated buffer or an unknown version. */
export function decodeSnapshot(bytes: Uint8Array): CollaborationSnapshot {
  // Typed arrays need aligned offsets: work on an aligned copy of the bytes.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  if (data.length < 4) throw new Error('Encoded snapshot is truncated.');
  const headerLength = new DataView(data.buffer).getUint32(0, true);
  if (4 + headerLength > data.length) throw new Error('Encoded snapshot is truncated.');
  const header = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + headerLength))) as Header;
  if (header.version !== snapshotCodecVersion)
    throw new Error(
      `Encoded snapshot has version ${header.version}; this build reads ${snapshotCodecVersion}.`,
    );
  const arrays = new Map<string, Typed>();
  let offset = 4 + padded(headerLength);
  for (const { name, kind, length } of header.arrays) {
    const byteLength = length * bytesPer[kind];
    if (offset + byteLength > data.length) throw new Error('Encoded snapshot is truncated.');
    const slice = data.buffer.slice(offset, offset + byteLength);
    arrays.set(
      name,
      kind === 'u8'
        ? new Uint8Array(slice)
        : kind === 'u16'
          ? new Uint16Array(slice)
          : kind === 'u32'
            ? new Uint32Array(slice)
            : new Float32Array(slice),
    );
    offset += padded(byteLength);
  }
  const take = <T extends Typed>(name: string): T => {
    const array = arrays.get(name);
    if (!array) throw new Error(`Encoded snapshot lacks ${name}.`);
    return array as T;
  };
  const signals = Object.fromEntries(
    signalNames.map((name) => [name, take<Uint32Array>(`signals.${name}`)]),
  ) as unknown as SignalMatrix;
  return {
    tenantId: header.tenantId,
    dataAsOf: header.dataAsOf,
    weekStarts: header.weekStarts,
    people: header.people,
    signals,
    edges: {
      from: take('edges.from'),
      to: take('edges.to'),
      kind: take('edges.kind'),
      count: take('edges.count'),
    },
    latencies: {
      person: take('latencies.person'),
      week: take('latencies.week'),
      minutes: take('latencies.minutes'),
    },
    hourOfWeek: take('hourOfWeek'),
    lastSocialActivity: header.lastSocialActivity,
    coverage: header.coverage,
  };
}
