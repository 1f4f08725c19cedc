import type { SourceCoverage } from '../model/snapshot';

/** A directory person as the collectors read them (Entra object id; never stored past the builder). */
export interface DirectoryPerson {
  readonly id: string;
  readonly department: string | null;
  readonly location: string | null;
  readonly jobTitle: string | null;
  readonly managerId: string | null;
  readonly accountEnabled: boolean;
  /** Hours east of UTC of the person's working day. */
  readonly utcOffsetHours: number;
}

/** A channel message reduced to what the diagnostics may use: ids, authors, times, links. No body. */
export interface ChannelMessageRecord {
  readonly id: string;
  readonly teamId: string;
  readonly channelId: string;
  /** Null for a root post; the root's id for a reply. */
  readonly replyToId: string | null;
  readonly fromId: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly mentionIds: readonly string[];
  readonly reactions: readonly { readonly userId: string; readonly createdAt: number }[];
}

/** One person's daily counts from the usage reports (Teams, email, Viva Engage, SharePoint). */
export interface DailyActivityRecord {
  readonly personId: string;
  /** ISO date (UTC). */
  readonly day: string;
  readonly privateChatMessages?: number;
  readonly calls?: number;
  readonly meetingsAttended?: number;
  readonly meetingsOrganized?: number;
  readonly emailsSent?: number;
  readonly emailsRead?: number;
  readonly engagePosts?: number;
  readonly engageReads?: number;
  readonly engageLikes?: number;
  readonly filesShared?: number;
}

/** Everything the builder turns into a CollaborationSnapshot. */
export interface SnapshotSources {
  readonly tenantId: string;
  /** When the newest data was current; the window is the `weeks` whole weeks ending at its week. */
  readonly dataAsOf: Date;
  readonly weeks: number;
  readonly people: readonly DirectoryPerson[];
  /** Channel messages, any order; roots before replies is not required. */
  readonly messages: Iterable<ChannelMessageRecord>;
  readonly daily: Iterable<DailyActivityRecord>;
  readonly coverage: readonly SourceCoverage[];
  /** Maps a directory id to the pseudonymous key stored in the snapshot (a keyed hash in production). */
  readonly pseudonymize: (id: string) => string;
}
