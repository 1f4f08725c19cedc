import type { Client } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';
import type { DirectoryPerson } from '@learnfit/core';
import type { RateGovernor } from '../pacing/governor';

/** The org chart plus the UPN → id map the usage reports (keyed by UPN) are joined with. */
export interface OrgChart {
  readonly people: DirectoryPerson[];
  readonly idByUpn: ReadonlyMap<string, string>;
}

interface UserPage {
  value: Array<User & { manager?: { id?: string } | null }>;
  '@odata.nextLink'?: string;
}

const SELECT = 'id,userPrincipalName,department,officeLocation,jobTitle,accountEnabled,userType';
/** Identity cost of one page: /users is 2, $select takes 1 off, $expand adds 1. */
const PAGE_UNITS = 2;

/** Maps a Graph user (with its expanded manager) to a directory person; nothing else is kept. */
export function toDirectoryPerson(user: User & { manager?: { id?: string } | null }): DirectoryPerson {
  return {
    id: user.id ?? '',
    department: user.department ?? null,
    location: user.officeLocation ?? null,
    jobTitle: user.jobTitle ?? null,
    managerId: user.manager?.id ?? null,
    accountEnabled: user.accountEnabled ?? true,
    // TODO(time zones): stays 0 until the collectors hold MailboxSettings.Read and the simulator serves
    // /users/{id}/mailboxSettings; officeLocation names a building, not a zone, so it is not mapped.
    utcOffsetHours: 0,
  };
}

/**
 * Reads every user in pages of 999 with the manager expanded on each row, so the manager links cost no
 * extra request per person.
 */
export async function collectOrgChart(client: Client, governor: RateGovernor): Promise<OrgChart> {
  const people: DirectoryPerson[] = [];
  const idByUpn = new Map<string, string>();
  const lane = { service: 'identity', units: PAGE_UNITS } as const;
  let page = (await governor.run(lane, () =>
    client.api('/users').select(SELECT).expand('manager($select=id)').top(999).get(),
  )) as UserPage;
  for (;;) {
    for (const user of page.value) {
      if (!user.id) continue;
      people.push(toDirectoryPerson(user));
      if (user.userPrincipalName) idByUpn.set(user.userPrincipalName.toLowerCase(), user.id);
    }
    const next = page['@odata.nextLink'];
    if (!next) break;
    page = (await governor.run(lane, () => client.api(next).get())) as UserPage;
  }
  return { people, idByUpn };
}
