import type { Cadence, WorkMode } from '../model/initiative';
import type { SignalName } from '../model/signals';
import type { CollaborationSnapshot, DataSource } from '../model/snapshot';
import { isUsable } from './coverage';

/** How a work mode is seen in the weekly signals. */
export interface ModeSignals {
  /** Any of these above zero in a week means the person used the mode that week. */
  readonly use: readonly SignalName[];
  /** The person's own contributions in the mode; their count per active week is its intensity. */
  readonly contribute: readonly SignalName[];
  /** The data sources the signals come from; a missing or concealed source makes the mode unmeasurable. */
  readonly sources: readonly DataSource[];
}

/** The modes that have Graph signals, in the order of `workModes`. */
export const observableModes = [
  'channelPosts',
  'chat',
  'meetings',
  'calls',
  'email',
  'engage',
  'sharedFiles',
] as const satisfies readonly WorkMode[];

/** A mode LearnFit can observe. */
export type ObservableMode = (typeof observableModes)[number];

/**
 * Work mode → signals. Reading counts as use where Graph reports reads (email, Engage); channels have
 * no read signal, so channel use is a lower bound. `externalLms` has no Graph signal at all.
 */
export const modeSignals: Readonly<Record<ObservableMode, ModeSignals>> = {
  channelPosts: {
    use: ['channelPosts', 'channelReplies'],
    contribute: ['channelPosts', 'channelReplies'],
    sources: ['channelMessages'],
  },
  chat: {
    use: ['privateChatMessages'],
    contribute: ['privateChatMessages'],
    sources: ['teamsActivityReport'],
  },
  meetings: {
    use: ['meetingsAttended', 'meetingsOrganized'],
    contribute: ['meetingsAttended', 'meetingsOrganized'],
    sources: ['teamsActivityReport'],
  },
  calls: { use: ['calls'], contribute: ['calls'], sources: ['teamsActivityReport'] },
  email: { use: ['emailsSent', 'emailsRead'], contribute: ['emailsSent'], sources: ['emailActivityReport'] },
  engage: {
    use: ['engagePosts', 'engageReads', 'engageLikes'],
    contribute: ['engagePosts'],
    sources: ['engageActivityReport'],
  },
  sharedFiles: {
    use: ['filesShared'],
    contribute: ['filesShared'],
    sources: ['sharePointActivityReport', 'oneDriveActivityReport'],
  },
};

/** Whether Graph shows the mode at all (`externalLms` has no signal). */
export function isObservable(mode: WorkMode): mode is ObservableMode {
  return (observableModes as readonly WorkMode[]).includes(mode);
}

/** Plain words for each mode, as sentences need them: "Teams channels", "posts or replies in Teams
 * channels", "you post and reply in Teams channels", "a thread". */
export const modeWords: Readonly<
  Record<
    WorkMode,
    { readonly noun: string; readonly verb: string; readonly you: string; readonly unit: string }
  >
> = {
  channelPosts: {
    noun: 'Teams channels',
    verb: 'posts or replies in Teams channels',
    you: 'post and reply in Teams channels',
    unit: 'thread',
  },
  chat: { noun: 'Teams chat', verb: 'chats in Teams', you: 'chat in Teams', unit: 'chat' },
  meetings: { noun: 'Teams meetings', verb: 'joins Teams meetings', you: 'meet in Teams', unit: 'meeting' },
  calls: { noun: 'Teams calls', verb: 'makes Teams calls', you: 'call each other in Teams', unit: 'call' },
  email: { noun: 'email', verb: 'sends or reads email', you: 'email each other', unit: 'message' },
  engage: {
    noun: 'Viva Engage',
    verb: 'posts, reads or likes in Viva Engage',
    you: 'follow Viva Engage',
    unit: 'conversation',
  },
  sharedFiles: { noun: 'shared files', verb: 'shares files', you: 'share files', unit: 'file' },
  externalLms: {
    noun: 'the external learning platform',
    verb: 'uses the external learning platform',
    you: 'use the learning platform',
    unit: 'course',
  },
};

/**
 * Occasions per year a cadence asks of each participant: five working days a week, 52 weeks, 12 months.
 * Whole numbers, so that per-person matches add up exactly in any order. Null when the cadence sets no
 * rhythm (`once`, `onDemand`).
 */
export const cadencePerYear: Readonly<Record<Cadence, number | null>> = {
  daily: 260,
  weekly: 52,
  biweekly: 26,
  monthly: 12,
  once: null,
  onDemand: null,
};

/** The cadences that set a rhythm, in a fixed order, for per-cadence accumulators. */
export const rhythmCadences = [
  'daily',
  'weekly',
  'biweekly',
  'monthly',
] as const satisfies readonly Cadence[];

/** A cadence that sets a rhythm. */
export type RhythmCadence = (typeof rhythmCadences)[number];

/** Whether at least one source of the mode was readable (not missing, not concealed). */
export function modeMeasurable(snapshot: CollaborationSnapshot, mode: WorkMode): boolean {
  return isObservable(mode) && modeSignals[mode].sources.some((source) => isUsable(snapshot, source));
}
