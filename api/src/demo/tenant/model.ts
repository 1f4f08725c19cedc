// The synthetic demo tenant: people, org tree, groups, Teams, channel messages and daily activity counts.
// Produced by generate.ts, served over Graph's wire format by ../graph-sim. Sizes run from 50 to 100,000
// people, so per-day counts are compact typed arrays and channel messages are generated per team on
// demand (message-log.ts) instead of being held all at once.

/** How a person works and shares today; drives all of their activity rates. */
export type Archetype = 'activeSharer' | 'responder' | 'lurker' | 'chatOnly' | 'emailFirst' | 'meetingHeavy';

/** How a person with direct reports shows up in their group's channels. */
export type ManagerArchetype = 'genuineModeller' | 'launchBurst' | 'broadcastOnly' | 'absent';

/** The per-day activity metrics of a person, in storage order. */
export const ACTIVITY_METRICS = [
  'privateChatMessages',
  'calls',
  'meetingsAttended',
  'meetingsOrganized',
  'emailsSent',
  'emailsRead',
  'engagePosts',
  'engageReads',
  'engageLikes',
  'filesViewedOrEdited',
  'filesSynced',
  'filesSharedInternally',
  'filesSharedExternally',
  'sitePagesVisited',
  'channelPosts',
  'channelReplies',
] as const;

/** One per-day activity metric. */
export type ActivityMetric = (typeof ACTIVITY_METRICS)[number];

/**
 * Per-day counts over the whole window, index 0 = first day of the window (UTC days), one byte per day
 * (counts saturate at 255, far above any archetype's rate). meetingsAttended excludes meetings the person
 * organized; channelPosts/channelReplies are the person's channel messages (system events excluded).
 * File metrics cover SharePoint and OneDrive together; the reports split them per person.
 */
export type DailyCounts = Readonly<Record<ActivityMetric, Uint8Array>>;

/** One directory user with their per-day activity counts. */
export interface DemoUser {
  id: string; // GUID, deterministic from the seed
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string; // given.surname@<domain>, unique
  mail: string;
  jobTitle: string;
  department: string;
  officeLocation: string; // decides the time zone, working days and holidays (calendar.ts)
  timeZone: string; // IANA name of the office location's zone
  managerId: string | null; // null for the CEO and a few others
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  archetype: Archetype;
  managerArchetype: ManagerArchetype | null; // managerArchetype set for people with reports
  daily: DailyCounts;
}

/** A channel of a team. */
export interface DemoChannel {
  id: string /* '19:<32 hex>@thread.tacv2' */;
  displayName: string;
  description: string;
  membershipType: 'standard' | 'private';
  createdDateTime: string;
}

/**
 * What a team is for: a department community, the leadership forum, a manager's own unit, or a
 * cross-department cohort (only when generateTenant is asked for cohorts).
 */
export type TeamKind = 'department' | 'leadership' | 'unit' | 'cohort';

/** A team (and its Microsoft 365 group, which has the same id). */
export interface DemoTeam {
  id: string /* GUID, same as the group id */;
  displayName: string;
  description: string;
  kind: TeamKind;
  createdDateTime: string;
  visibility: 'public' | 'private';
  ownerIds: string[];
  memberIds: string[];
  channels: DemoChannel[];
}

/** A directory group: a team's Microsoft 365 group, or a security group that nests other groups. */
export interface DemoGroup {
  id: string;
  displayName: string;
  description: string;
  mailNickname: string;
  kind: 'unified' | 'security';
  createdDateTime: string;
  ownerIds: string[];
  memberIds: string[]; // direct user members
  memberGroupIds: string[]; // direct group members (nested groups)
  teamId: string | null; // the team a unified group backs
}

/** A reaction on a channel message. */
export interface DemoReaction {
  userId: string;
  reactionType: 'like' | 'heart' | 'laugh' | 'surprised' | 'sad' | 'angry';
  createdDateTime: string;
}

/** A system event in a channel (Graph's systemEventMessage): people were added to the team. */
export interface DemoSystemEvent {
  kind: 'membersAdded';
  initiatorId: string;
  memberIds: string[];
}

/**
 * A channel message: a root post (replyToId null) or a reply to one. Bodies are synthesised on demand.
 * Ids are epoch-ms strings, unique within a team. System events have no author and carry `event`.
 */
export interface DemoMessage {
  id: string;
  teamId: string;
  channelId: string;
  replyToId: string | null;
  fromUserId: string | null;
  createdDateTime: string;
  mentionIds: string[];
  reactions: DemoReaction[];
  subject: string | null;
  event?: DemoSystemEvent;
}

/** Channel messages of the tenant, generated per team on demand (deterministic for the seed). */
export interface MessageLog {
  /** Every message of a team (all its channels), oldest first; empty for an unknown team. */
  forTeam(teamId: string): readonly DemoMessage[];
  /** Number of messages in the whole tenant (counted once at generation). */
  readonly total: number;
}

/** How a design-team leader was generated to behave (see ground-truth.ts for each profile's flags). */
export type LeaderProfile =
  | 'champion'
  | 'lapsedChampion'
  | 'slowSharer'
  | 'busyConnector'
  | 'privateHelper'
  | 'occasionalSlow'
  | 'inboxFirst'
  | 'quietQuick'
  | 'chattyParticipant'
  | 'fadingParticipant';

/** A design-team leader's generated attributes (the article's four words) and the rule's verdict. */
export interface LeaderTruth {
  userId: string;
  profile: LeaderProfile;
  participatory: boolean;
  timely: boolean;
  transparent: boolean;
  current: boolean;
  attributesMet: number;
  learnsSocial: boolean; // attributesMet >= 3
}

/** A manager above the target group and the archetype they were generated with. */
export interface ManagerTruth {
  userId: string;
  archetype: ManagerArchetype;
  genuine: boolean; // archetype === 'genuineModeller'
}

/** One level above the target group (1 = direct managers of its members). */
export interface LevelTruth {
  level: 1 | 2 | 3;
  dominant: ManagerArchetype | null; // null when the level has no managers
  managers: ManagerTruth[];
  genuineCount: number;
  models: boolean; // at least half of the level's managers are genuine modellers
}

/** What the generator built in on purpose, written beside the tenant (definitions in ground-truth.ts). */
export interface GroundTruth {
  designTeam: LeaderTruth[];
  designTeamLearningSocial: number;
  targetTeamId: string;
  targetGroupIds: string[]; // enabled members of the target team without direct reports
  levels: LevelTruth[];
  levelsModelling: number;
}

/** The user ids that the host emulator's persona switcher signs in as. */
export interface DemoPersonas {
  learner: string;
  manager: string;
  learningLeader: string;
  admin: string;
} // user ids

/** The whole synthetic tenant. */
export interface DemoTenant {
  tenantId: string;
  displayName: string;
  domain: string; // domain e.g. 'learnfit-demo.onmicrosoft.com'
  seed: number;
  asOf: string;
  windowStart: string; // ISO; window = weeks*7 days ending at asOf
  weeks: number;
  users: DemoUser[];
  teams: DemoTeam[];
  groups: DemoGroup[];
  /** Channel messages per team, generated on demand. */
  messageLog: MessageLog;
  /** Every channel message of the tenant, oldest first; materialised on first read (small tenants, tests). */
  readonly messages: readonly DemoMessage[];
  appRoles: Record<string, Array<'LearningLeader' | 'Admin'>>; // user id -> app roles of LearnFit
  personas: DemoPersonas;
  sampleInitiative: { name: string; goal: string; targetTeamId: string; designTeamMemberIds: string[] };
  /** What the generator built in on purpose, for tests of the diagnostics (see ground-truth.ts). */
  groundTruth: GroundTruth;
  reportsConcealed: boolean; // default false for the demo; /admin/reportSettings can change it at runtime
}
