import type { AttributeName, PersonScores } from '../attributes/learns-social';
import type { DiagnosticResult } from '../model/result';
import type { Owned } from '../privacy/types';

/** One attribute, design team beside target group, after the privacy guard. */
export interface LeaderAttributeComparison {
  readonly attribute: AttributeName;
  readonly leadersMeetingBar: number | null;
  readonly leadersShareMeetingBar: number | null;
  readonly leadersMedian: number | null;
  readonly learnersShareMeetingBar: number | null;
  readonly learnersMedian: number | null;
  /** Mean self-assessment of responding leaders on the 0–100 scale ((rating − 1) × 25). */
  readonly leadersSelfScore: number | null;
  /** Self minus observed for the responding leaders, in points. */
  readonly selfMinusObserved: number | null;
}

/** How much each group posts and replies in channels, per person per week. */
export interface ChannelContrast {
  readonly leadersPerPersonWeek: number | null;
  readonly learnersPerPersonWeek: number | null;
  /** Leaders divided by learners; null when either is withheld or the learners post nothing. */
  readonly ratio: number | null;
}

/** A design-team member's own profile; released only to them or, with their opt-in, to their team. */
export interface LeaderProfile extends PersonScores {
  readonly selfAssessment: Readonly<Record<AttributeName, number>> | null;
}

/** Everything the leader diagnostic found, after the privacy guard. */
export interface LeadersData {
  /** Design-team members found in the snapshot (the team is the leader's own input). */
  readonly teamSize: number;
  readonly notInSnapshot: number;
  readonly learnSocial: number | null;
  readonly shareLearnSocial: number | null;
  readonly learnersShareLearnSocial: number | null;
  readonly attributes: readonly LeaderAttributeComparison[];
  readonly channelContrast: ChannelContrast;
  readonly respondents: number | null;
  /** One per design-team member; pass each through `guard.releaseOwned` for the viewer. */
  readonly profiles: readonly Owned<LeaderProfile>[];
}

/** The leader diagnostic's result. */
export type LeadersResult = DiagnosticResult<'leaders', LeadersData>;
