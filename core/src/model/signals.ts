/**
 * Weekly collaboration signals per person. Counts only: no message text, subject or file name ever
 * reaches the model.
 */
export const signalNames = [
  'channelPosts',
  'channelReplies',
  'repliesToOthers',
  'reactionsGiven',
  'reactionsReceived',
  'mentionsGiven',
  'privateChatMessages',
  'calls',
  'meetingsAttended',
  'meetingsOrganized',
  'emailsSent',
  'emailsRead',
  'engagePosts',
  'engageReads',
  'engageLikes',
  'filesShared',
] as const;

/** One weekly count kept per person. */
export type SignalName = (typeof signalNames)[number];

/**
 * Columnar weekly counts: for each signal, `people × weeks` values, person-major
 * (`index = personIndex * weeks + week`). Columnar typed arrays keep 100,000 people × 26 weeks in
 * about 170 MB and let the diagnostics scan without allocating per person-week.
 */
export type SignalMatrix = Readonly<Record<SignalName, Uint32Array>>;

/** Creates an all-zero signal matrix. */
export function emptySignalMatrix(people: number, weeks: number): SignalMatrix {
  const size = people * weeks;
  return Object.fromEntries(
    signalNames.map((name) => [name, new Uint32Array(size)]),
  ) as unknown as SignalMatrix;
}

/** The kinds of interaction edges between two people. */
export const edgeKinds = ['reply', 'mention', 'reaction'] as const;

/** A kind of interaction edge. */
export type EdgeKind = (typeof edgeKinds)[number];

/**
 * Aggregated interactions over the window, one entry per (from, to, kind): `from` replied to,
 * mentioned or reacted to `to`, `count` times. Parallel arrays of equal length.
 */
export interface InteractionEdges {
  readonly from: Uint32Array;
  readonly to: Uint32Array;
  readonly kind: Uint8Array;
  readonly count: Uint32Array;
}

/**
 * Reply-latency samples: minutes from a thread's root (posted by someone else) to this person's first
 * reply in it, for threads the person joined. Parallel arrays; `week` is the week of the reply.
 */
export interface LatencySamples {
  readonly person: Uint32Array;
  readonly week: Uint16Array;
  readonly minutes: Float32Array;
}

/** Hours in a week; bin `day * 24 + hour`, day 0 = Monday, in the person's local time. */
export const hoursPerWeek = 168;
