/**
 * Graph's documented limits the governor keeps under (graph-wire-contract.md §1.7 and §5.3;
 * throttling-limits.md): Teams requests per second per app per tenant by class and 4 per second per team
 * or channel; identity resource units per 10 s per app+tenant; 14 CSV downloads per 10 min per report.
 */
export interface PacingLimits {
  /** Teams: requests per second per app per tenant, by request class. */
  readonly teamsPerSecond: Readonly<Record<TeamsRequestClass, number>>;
  /** Teams: requests per second on one team or channel. */
  readonly perTeamOrChannelPerSecond: number;
  /** Identity: resource units per 10 seconds per app and tenant. */
  readonly identityUnitsPer10s: number;
  /** Reports: CSV requests per 10 minutes per app per tenant, counted per report. */
  readonly reportsPer10Minutes: number;
}

/** Request classes of the Teams per-app-per-tenant limits. */
export type TeamsRequestClass = 'teamGet' | 'channelMessage' | 'teamMembers' | 'channels';

/** Identity budget for a tenant of this many users (S under 50, M up to 500, L above). */
export function identityUnitsFor(users: number): number {
  return users < 50 ? 3500 : users <= 500 ? 5000 : 8000;
}

/** The documented limits; identity uses the small-tenant budget unless the tenant size is known. */
export const DOCUMENTED_LIMITS: PacingLimits = {
  teamsPerSecond: { teamGet: 30, channelMessage: 20, teamMembers: 60, channels: 60 },
  perTeamOrChannelPerSecond: 4,
  identityUnitsPer10s: 3500,
  reportsPer10Minutes: 14,
};
