import type { Client } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';
import type { RateGovernor } from '../pacing/governor';
import { commitBehind, isStaleLink, startOf, type CollectedPerson, type CollectionJournal } from './journal';

interface UserPage {
  value: Array<User & { manager?: { id?: string } | null }>;
  '@odata.nextLink'?: string;
}

const SELECT = 'id,userPrincipalName,department,officeLocation,jobTitle,accountEnabled,userType';
/** Identity cost of one page: /users is 2, $select takes 1 off, $expand adds 1. */
const PAGE_UNITS = 2;
/** The journal unit of the user list. */
export const usersUnit = 'users';

/** Maps a Graph user (with its expanded manager) to a directory person; nothing else is kept. */
export function toDirectoryPerson(user: User & { manager?: { id?: string } | null }): CollectedPerson {
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
    userPrincipalName: user.userPrincipalName?.toLowerCase() ?? null,
    guest: user.userType === 'Guest',
  };
}

/**
 * Reads every user in pages of 999 with the manager expanded on each row (no extra request per person),
 * committing each page with the link to the next, so a restarted run continues where it stopped; a
 * page's commit overlaps the request for the next one.
 */
export async function collectOrgChart(
  client: Client,
  governor: RateGovernor,
  journal: CollectionJournal,
  onPage: (people: number) => void = () => undefined,
): Promise<void> {
  const first = `/users?$select=${SELECT}&$expand=manager($select=id)&$top=999`;
  const lane = { service: 'identity', units: PAGE_UNITS } as const;
  let link = startOf((await journal.units()).get(usersUnit), first);
  let resumed = link !== null && link !== first;
  const commits = commitBehind(journal);
  while (link !== null) {
    const url: string = link;
    let page: UserPage;
    try {
      page = (await governor.run(lane, () => client.api(url).get())) as UserPage;
    } catch (error) {
      if (!resumed || !isStaleLink(error)) throw error;
      link = first;
      resumed = false;
      continue;
    }
    resumed = false;
    const people = page.value.flatMap((user) => (user.id ? [toDirectoryPerson(user)] : []));
    const next = page['@odata.nextLink'];
    await commits.commit(usersUnit, next ? { state: 'next', link: next } : { state: 'done', info: {} }, {
      people,
    });
    onPage(people.length);
    link = next ?? null;
  }
  await commits.settle();
}
