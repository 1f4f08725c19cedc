import { primaryRoleOf, type MeResponse, type MyActivity, type RoleName } from '@learnfit/core';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { UsageReports, UserDirectory } from './ports';

/** Dependencies of the "who am I" use case. */
export interface MeServiceDeps {
  readonly directory: UserDirectory;
  readonly reports: UsageReports;
}

/** Builds `GET /api/me`: profile, roles, chain of three managers, and 30-day channel-versus-chat counts. */
export async function describeMe(deps: MeServiceDeps, identity: SsoIdentity): Promise<MeResponse> {
  const [me, report] = await Promise.all([
    deps.directory.me(identity, 3),
    deps.reports.teamsUserActivity(identity.tenantId, 'D30'),
  ]);
  const roles: RoleName[] = ['Learner'];
  if (me.directReportCount > 0) roles.push('Manager');
  if (identity.roles.includes('LearningLeader')) roles.push('LearningLeader');
  if (identity.roles.includes('Admin')) roles.push('Admin');

  return {
    tenantId: identity.tenantId,
    user: me.profile,
    roles,
    primaryRole: primaryRoleOf(roles),
    directReportCount: me.directReportCount,
    managementChain: me.managementChain.slice(0, 3),
    activity: activityFrom(report, identity.userId, me.profile.userPrincipalName),
  };
}

function activityFrom(
  report: Awaited<ReturnType<UsageReports['teamsUserActivity']>>,
  userId: string,
  upn: string,
): MyActivity {
  const unavailable = (reason: string, concealed = false, refreshDate: string | null = null): MyActivity => ({
    period: 'D30',
    available: false,
    reportRefreshDate: refreshDate,
    channelMessages: null,
    channelPosts: null,
    channelReplies: null,
    chatMessages: null,
    concealed,
    reason,
  });
  if (!report.ok) {
    return unavailable(
      report.reason === 'not_consented'
        ? 'LearnFit has not been granted the Reports.Read.All permission; an admin can grant it in the Teams admin center.'
        : 'The Teams usage report could not be read just now; try again later.',
    );
  }
  if (report.concealed) {
    return unavailable(
      'Your organisation conceals user names in Microsoft 365 usage reports, so your own row cannot be found. An admin can change this in the Microsoft 365 admin center (Org settings, Reports).',
      true,
      report.refreshDate,
    );
  }
  const lowerUpn = upn.toLowerCase();
  const row = report.rows.find(
    (candidate) => candidate.userId === userId || candidate.userPrincipalName.toLowerCase() === lowerUpn,
  );
  if (!row) {
    return unavailable(
      'You have no row in the Teams usage report yet; new accounts appear after about two days.',
      false,
      report.refreshDate,
    );
  }
  return {
    period: 'D30',
    available: true,
    reportRefreshDate: report.refreshDate,
    channelMessages: row.teamChatMessages,
    channelPosts: row.postMessages,
    channelReplies: row.replyMessages,
    chatMessages: row.privateChatMessages,
    concealed: false,
    reason: null,
  };
}
