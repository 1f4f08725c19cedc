import type { DiagnosticResult } from '../model/result';
import type { SuppressionReason } from '../privacy/types';

/** Ways a manager's social activity falls short of genuine modelling. */
export const managerFlags = ['burst', 'broadcastOnly', 'absent', 'sporadic', 'slow', 'notVisible'] as const;

/** One shortfall: a launch-style burst, posts without replies to the group, no social activity at all, too
 * few active weeks, slow replies, or no interaction the group could see. */
export type ManagerFlag = (typeof managerFlags)[number];

/** One level of management above the target group, after the privacy guard. */
export interface ManagementLevel {
  /** 1 = direct managers of group members, 2 = their managers, 3 = the level above. */
  readonly level: number;
  /** Managers at this level (each manager counts once, at the lowest level that reaches them). */
  readonly managers: number;
  /** Managers who genuinely model: consistent, not a burst, two-way, timely and visible to the group. */
  readonly genuine: number | null;
  readonly shareGenuine: number | null;
  /** Whether the level models the behaviour; null when withheld or when the level has no managers. */
  readonly models: boolean | null;
  readonly flags: Readonly<Record<ManagerFlag, number | null>>;
  /** Why the level's behaviour is withheld (fewer than k managers, or to protect another level). */
  readonly withheld: SuppressionReason | null;
}

/** How likely adoption stalls for lack of visible, genuine management modelling. */
export type AdoptionRisk = 'low' | 'moderate' | 'high';

/** Everything the management-participation diagnostic found, after the privacy guard. */
export interface ManagementData {
  /** People of the target group found in the snapshot. */
  readonly groupSize: number;
  readonly levels: readonly ManagementLevel[];
  /** Levels that have at least one manager (a flat organisation may have fewer than three). */
  readonly levelsPresent: number;
  /** Levels whose released figures show that they model the behaviour. */
  readonly levelsModelling: number;
  /** Levels with managers whose behaviour is withheld. */
  readonly levelsWithheld: number;
  /** Managers on all levels together, and how many of them genuinely model (released over all of them). */
  readonly managersInChain: number;
  readonly genuineInChain: number | null;
  readonly shareGenuineInChain: number | null;
  readonly adoptionRisk: AdoptionRisk | null;
  /** `levels`: from per-level verdicts; `pooled`: some levels withheld, so from all managers together. */
  readonly riskBasis: 'levels' | 'pooled' | null;
  /** Whether reply latency could be read; without it, timeliness is not required. */
  readonly timelyAssessed: boolean;
}

/** The management-participation diagnostic's result. */
export type ManagementResult = DiagnosticResult<'managementParticipation', ManagementData>;
