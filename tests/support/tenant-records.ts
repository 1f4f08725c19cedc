import { buildCollaborationSnapshot, type CollaborationSnapshot } from '@learnfit/core';
import { truthSources } from '../../api/src/demo/tenant-records';
import type { DemoTenant } from '../../api/src/demo/tenant/model';

/** Hours east of UTC of an IANA zone at a moment (e.g. 1 for Europe/Oslo in winter). */
export function utcOffsetHours(timeZone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const hours = Number(match[2]) + Number(match[3] ?? 0) / 60;
  return match[1] === '-' ? -hours : hours;
}

/**
 * The snapshot a perfect collection of the tenant would build, with each person's real time-zone
 * offset (the collectors cannot read it yet). Keys are the user ids, so tests can compare with the
 * tenant's ground truth.
 */
export function snapshotOfTenant(tenant: DemoTenant): CollaborationSnapshot {
  const sources = truthSources(tenant);
  const zones = new Map(tenant.users.map((user) => [user.id, user.timeZone]));
  const asOf = new Date(tenant.asOf);
  return buildCollaborationSnapshot({
    ...sources,
    people: sources.people.map((person) => ({
      ...person,
      utcOffsetHours: utcOffsetHours(zones.get(person.id) ?? 'UTC', asOf),
    })),
  });
}
