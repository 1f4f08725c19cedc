import {
  buildCollaborationSnapshot,
  dataSources,
  type ChannelMessageRecord,
  type CollaborationSnapshot,
  type DailyActivityRecord,
  type DirectoryPerson,
} from '@learnfit/core';
import type { DemoTenant } from '../../api/src/demo/tenant/model';

const dayMs = 86_400_000;

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
 * Reads a synthetic tenant the way the collectors will read Graph (directory, channel messages without
 * bodies, daily report counts) and builds the snapshot from it. Keys are the user ids, so tests can
 * compare with the tenant's ground truth.
 */
export function snapshotOfTenant(tenant: DemoTenant): CollaborationSnapshot {
  const asOf = new Date(tenant.asOf);
  const people: DirectoryPerson[] = tenant.users.map((user) => ({
    id: user.id,
    department: user.department,
    location: user.officeLocation,
    jobTitle: user.jobTitle,
    managerId: user.managerId,
    accountEnabled: user.accountEnabled,
    utcOffsetHours: utcOffsetHours(user.timeZone, asOf),
  }));
  function* messages(): Generator<ChannelMessageRecord> {
    for (const team of tenant.teams) {
      for (const message of tenant.messageLog.forTeam(team.id)) {
        // System events have no author; the collectors drop them too.
        if (message.fromUserId === null) continue;
        yield {
          id: message.id,
          teamId: message.teamId,
          channelId: message.channelId,
          replyToId: message.replyToId,
          fromId: message.fromUserId,
          createdAt: Date.parse(message.createdDateTime),
          mentionIds: message.mentionIds,
          reactions: message.reactions.map((reaction) => ({
            userId: reaction.userId,
            createdAt: Date.parse(reaction.createdDateTime),
          })),
        };
      }
    }
  }
  function* daily(): Generator<DailyActivityRecord> {
    const start = Date.parse(tenant.windowStart);
    for (const user of tenant.users) {
      const days = user.daily.privateChatMessages.length;
      for (let day = 0; day < days; day += 1) {
        yield {
          personId: user.id,
          day: new Date(start + day * dayMs).toISOString().slice(0, 10),
          privateChatMessages: user.daily.privateChatMessages[day] ?? 0,
          calls: user.daily.calls[day] ?? 0,
          meetingsAttended: user.daily.meetingsAttended[day] ?? 0,
          meetingsOrganized: user.daily.meetingsOrganized[day] ?? 0,
          emailsSent: user.daily.emailsSent[day] ?? 0,
          emailsRead: user.daily.emailsRead[day] ?? 0,
          engagePosts: user.daily.engagePosts[day] ?? 0,
          engageReads: user.daily.engageReads[day] ?? 0,
          engageLikes: user.daily.engageLikes[day] ?? 0,
          filesShared:
            (user.daily.filesSharedInternally[day] ?? 0) + (user.daily.filesSharedExternally[day] ?? 0),
        };
      }
    }
  }
  return buildCollaborationSnapshot({
    tenantId: tenant.tenantId,
    dataAsOf: asOf,
    weeks: tenant.weeks,
    people,
    messages: messages(),
    daily: daily(),
    coverage: dataSources.map((source) => ({
      source,
      status: 'complete',
      coveredPeople: people.length,
      detail: null,
    })),
    pseudonymize: (id) => id,
  });
}
