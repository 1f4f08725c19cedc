import type { Client } from '@microsoft/microsoft-graph-client';
import type { Audience } from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import { collectGroupMembers } from './collectors/team-structure';
import { createMemoryJournal } from './collectors/journal';
import type { RateGovernor } from './pacing/governor';

/**
 * Resolves an initiative audience to Entra user ids with the app's Graph client: people as named,
 * Teams and groups through their Microsoft 365 / security group's transitive user members (a team's id
 * is its group's id). Paced by the tenant's governor like the collectors, so a diagnostics read and a
 * running collection share one budget. A team or group Graph will not show is an error the caller can
 * act on (404, or 502 naming the permission to grant), never an empty audience passed off as a real one.
 */
export function createGraphAudienceMembers(
  clientFor: (tenantId: string) => Client,
  governorFor: (tenantId: string) => RateGovernor,
): (tenantId: string, audience: Audience) => Promise<string[]> {
  return async (tenantId, audience) => {
    if (audience.kind === 'people') return [...new Set(audience.ids)];
    const found = await collectGroupMembers(
      clientFor(tenantId),
      governorFor(tenantId),
      createMemoryJournal(),
      audience.ids,
    );
    const members = new Set<string>();
    for (const [id, { memberIds, failedStatus }] of found) {
      const what = audience.kind === 'teams' ? 'team' : 'group';
      if (failedStatus === 404)
        throw new HttpProblem(404, 'not_found', `No such ${what}`, `The ${what} ${id} no longer exists.`);
      if (failedStatus !== null)
        throw new HttpProblem(
          502,
          'graph_error',
          `LearnFit cannot read the members of ${what} ${id}`,
          'An admin grants GroupMember.ReadBasic.All to the LearnFit app (see the consent page).',
        );
      for (const member of memberIds) members.add(member);
    }
    return [...members];
  };
}
