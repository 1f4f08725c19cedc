// The synthetic demo tenant: people, org tree, Teams, channel messages and daily activity counts.
// Produced by generate.ts, served over Graph's wire format by ../graph-sim.

/** How a person works and shares today; drives all of their activity rates. */
export type Archetype = 'activeSharer' | 'responder' | 'lurker' | 'chatOnly' | 'emailFirst' | 'meetingHeavy';

/** How a person with direct reports shows up in their group's channels. */
export type ManagerArchetype = 'genuineModeller' | 'launchBurst' | 'broadcastOnly' | 'absent';

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
  officeLocation: string;
  managerId: string | null; // null for the CEO and a few others
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  archetype: Archetype;
  managerArchetype: ManagerArchetype | null; // managerArchetype set for people with reports
  /**
   * Per day counts over the whole window, index 0 = first day of the window (UTC days).
   * meetingsAttended excludes meetings the person organized; a report's Meeting Count is the sum of both.
   */
  daily: {
    privateChatMessages: number[];
    calls: number[];
    meetingsAttended: number[];
    meetingsOrganized: number[];
    emailsSent: number[];
    emailsRead: number[];
    engagePosts: number[];
    engageReads: number[];
    engageLikes: number[];
  };
}

/** A channel of a team. */
export interface DemoChannel {
  id: string /* '19:<32 hex>@thread.tacv2' */;
  displayName: string;
  description: string;
  membershipType: 'standard' | 'private';
  createdDateTime: string;
}

/** A team (and its Microsoft 365 group). */
export interface DemoTeam {
  id: string /* GUID, same as the group id */;
  displayName: string;
  description: string;
  ownerIds: string[];
  memberIds: string[];
  channels: DemoChannel[];
}

/** A reaction on a channel message. */
export interface DemoReaction {
  userId: string;
  reactionType: 'like' | 'heart' | 'laugh' | 'surprised' | 'sad' | 'angry';
  createdDateTime: string;
}

/** A channel message: a root post (replyToId null) or a reply to one. Bodies are synthesised on demand. */
export interface DemoMessage {
  id: string /* epoch-ms string, unique */;
  teamId: string;
  channelId: string;
  replyToId: string | null;
  fromUserId: string;
  createdDateTime: string;
  mentionIds: string[];
  reactions: DemoReaction[];
  subject: string | null;
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
  users: DemoUser[];
  teams: DemoTeam[];
  messages: DemoMessage[];
  appRoles: Record<string, Array<'LearningLeader' | 'Admin'>>; // user id -> app roles of LearnFit
  personas: DemoPersonas;
  sampleInitiative: { name: string; goal: string; targetTeamId: string; designTeamMemberIds: string[] };
  reportsConcealed: boolean; // default false for the demo
}
