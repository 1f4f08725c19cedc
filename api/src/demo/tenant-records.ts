// The records a perfect collection of a synthetic tenant yields, straight from the tenant, for tests of
// the collectors and of the diagnostics. Time-zone offsets are 0, as the collectors cannot read
// mailboxSettings yet; a guest's empty department, office or title is null, as Graph serves unset
// properties.
import {
  buildCollaborationSnapshot,
  dataSources,
  type ChannelMessageRecord,
  type CollaborationSnapshot,
  type DailyActivityRecord,
  type SnapshotSources,
} from '@learnfit/core';
import { byTimeThenId } from '../graph/collectors/collect-tenant';
import type { DemoTenant } from './tenant/model';

const dayMs = 86_400_000;

/** Every channel message of the tenant as a record (system events dropped). */
export function truthMessages(tenant: DemoTenant): ChannelMessageRecord[] {
  return tenant.teams.flatMap((team) =>
    tenant.messageLog.forTeam(team.id).flatMap((message) =>
      message.fromUserId === null
        ? []
        : [
            {
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
            },
          ],
    ),
  );
}

/** Every person's daily counts over the window. */
export function truthDaily(tenant: DemoTenant): DailyActivityRecord[] {
  const start = Date.parse(tenant.windowStart);
  return tenant.users.flatMap((user) =>
    Array.from({ length: user.daily.privateChatMessages.length }, (_, day) => {
      const d = user.daily;
      return {
        personId: user.id,
        day: new Date(start + day * dayMs).toISOString().slice(0, 10),
        privateChatMessages: d.privateChatMessages[day] ?? 0,
        calls: d.calls[day] ?? 0,
        meetingsAttended: d.meetingsAttended[day] ?? 0,
        meetingsOrganized: d.meetingsOrganized[day] ?? 0,
        emailsSent: d.emailsSent[day] ?? 0,
        emailsRead: d.emailsRead[day] ?? 0,
        engagePosts: d.engagePosts[day] ?? 0,
        engageReads: d.engageReads[day] ?? 0,
        engageLikes: d.engageLikes[day] ?? 0,
        filesShared: (d.filesSharedInternally[day] ?? 0) + (d.filesSharedExternally[day] ?? 0),
      };
    }),
  );
}

/** The snapshot of the tenant's ground truth, keyed by user id. */
export function truthSnapshot(tenant: DemoTenant): CollaborationSnapshot {
  return buildCollaborationSnapshot(truthSources(tenant));
}

/** The ground-truth sources of the tenant. */
export function truthSources(tenant: DemoTenant): SnapshotSources {
  const people = tenant.users.map((user) => ({
    id: user.id,
    department: user.department || null,
    location: user.officeLocation || null,
    jobTitle: user.jobTitle || null,
    managerId: user.managerId,
    accountEnabled: user.accountEnabled,
    utcOffsetHours: 0,
  }));
  return {
    tenantId: tenant.tenantId,
    dataAsOf: new Date(tenant.asOf),
    weeks: tenant.weeks,
    people,
    messages: truthMessages(tenant).sort(byTimeThenId),
    daily: truthDaily(tenant),
    coverage: dataSources.map((source) => ({
      source,
      status: 'complete',
      coveredPeople: people.length,
      detail: null,
    })),
    pseudonymize: (id) => id,
  };
}
