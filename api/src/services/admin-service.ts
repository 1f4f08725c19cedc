import { ServerError } from '@azure/msal-node';
import {
  auditQuerySchema,
  dataSources,
  tenantSettingsSchema,
  type AuditPage,
  type ConsentStatus,
  type DataSource,
  type TenantSettingsView,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { Logger } from '../logger';
import type { AuditStore } from '../store/audit-store';
import type { SnapshotInfo } from '../store/collection-store';
import type { SettingsStore, StoredSettings } from '../store/settings-store';

/** The admin page's use cases: settings, consent and coverage, the audit log. */
export interface AdminService {
  settings(identity: SsoIdentity): Promise<TenantSettingsView>;
  saveSettings(identity: SsoIdentity, body: unknown): Promise<TenantSettingsView>;
  consent(identity: SsoIdentity): Promise<ConsentStatus>;
  audit(identity: SsoIdentity, query: unknown): Promise<AuditPage>;
}

/** Refuses anyone without the Admin app role. */
export function requireAdmin(identity: SsoIdentity): void {
  if (!identity.roles.includes('Admin'))
    throw new HttpProblem(
      403,
      'forbidden',
      'Only admins manage LearnFit for the organisation',
      'Ask a Global or Cloud Application admin to assign you the Admin role in the LearnFit enterprise application.',
    );
}

/** An application permission LearnFit asks for, with what needs it (docs/permissions.md). */
export interface AppPermission {
  readonly permission: string;
  readonly features: readonly string[];
  readonly withoutIt: string;
  readonly sources: readonly DataSource[];
}

const usageReports: readonly DataSource[] = dataSources.filter((source) => source.endsWith('Report'));

/** Application permissions, one entry each even when several features share one. */
export const appPermissions: readonly AppPermission[] = [
  {
    permission: 'User.Read.All',
    features: [
      'Org chart of every snapshot: department, office, job title, enabled, manager links',
      "The bot's check of whom a manager manages, for their org report",
    ],
    withoutIt: 'No collection can run: the directory is the base of every snapshot.',
    sources: ['directory'],
  },
  {
    permission: 'TeamMember.Read.All',
    features: ["Members of the target group's teams"],
    withoutIt: 'Collections that name teams cannot tell who the target group is.',
    sources: [],
  },
  {
    permission: 'GroupMember.ReadBasic.All',
    features: [
      'Members of the teams and Entra groups an initiative names (target group, design team, comparison group), nested groups included',
    ],
    withoutIt:
      'Diagnostics cannot resolve audiences named by team or group, and collections that name Entra groups fail.',
    sources: [],
  },
  {
    permission: 'Channel.ReadBasic.All',
    features: ["Channels of the target group's teams, to read their messages"],
    withoutIt: 'No channel messages are read.',
    sources: ['channelMessages'],
  },
  {
    permission: 'ChannelMessage.Read.All',
    features: ['Who posted, replied, mentioned and reacted in channels, and when (never the text)'],
    withoutIt:
      'Channel activity is missing from every diagnostic. It is a protected API: Microsoft must approve access too.',
    sources: ['channelMessages'],
  },
  {
    permission: 'Reports.Read.All',
    features: [
      'Daily Teams, email, Viva Engage, SharePoint and OneDrive activity per person',
      "The signed-in person's 30-day channel and chat counts",
    ],
    withoutIt: 'Chat, calls, meetings, email, Engage and file signals are missing.',
    sources: usageReports,
  },
  {
    permission: 'ReportSettings.Read.All',
    features: ['Whether the tenant conceals names in usage reports'],
    withoutIt: 'Concealment is detected from the report data instead; nothing else is lost.',
    sources: [],
  },
];

/** Delegated scopes the tab's sign-in is exchanged for (on behalf of the user). */
export const delegatedScopes: ReadonlyArray<{ permission: string; features: readonly string[] }> = [
  { permission: 'User.Read', features: ["The signed-in person's profile and whether they manage anyone"] },
  {
    permission: 'User.ReadBasic.All',
    features: [
      'Names and titles of the three managers above the person',
      'Finding people by name when picking a target group, design team or comparison group',
    ],
  },
  {
    permission: 'Group.ReadBasic.All',
    features: ['Finding groups and teams by name when picking a target group (needs admin consent)'],
  },
];

/** The `roles` claim of an app-only token, read without verifying: it came straight from the token endpoint. */
export function rolesOfAppToken(token: string): string[] | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown };
    if (claims.roles === undefined) return [];
    return Array.isArray(claims.roles) ? claims.roles.filter((role) => typeof role === 'string') : null;
  } catch {
    return null;
  }
}

/** The newest snapshot's coverage of each source (snapshots come oldest first). */
function latestCoverage(snapshots: readonly SnapshotInfo[]): ConsentStatus['coverage'] {
  return dataSources.map((source) => {
    for (let index = snapshots.length - 1; index >= 0; index -= 1) {
      const snapshot = snapshots[index]!;
      const entry = snapshot.coverage.find((candidate) => candidate.source === source);
      if (entry)
        return {
          source,
          status: entry.status,
          coveredPeople: entry.coveredPeople,
          detail: entry.detail,
          snapshotId: snapshot.id,
          dataAsOf: snapshot.dataAsOf.toISOString(),
        };
    }
    return {
      source,
      status: 'notCollected' as const,
      coveredPeople: 0,
      detail: 'No snapshot has been collected yet.',
      snapshotId: null,
      dataAsOf: null,
    };
  });
}

function view(settings: StoredSettings): TenantSettingsView {
  return {
    k: settings.k,
    retentionDays: settings.retentionDays,
    initiativeCreators: settings.initiativeCreators,
    nameManagersInParticipation: settings.nameManagersInParticipation,
    savedAt: settings.savedAt?.toISOString() ?? null,
  };
}

/** What the admin service needs. */
export interface AdminServiceDeps {
  readonly settings: SettingsStore;
  readonly audit: AuditStore;
  /** An app-only Graph access token for the tenant (client credentials). */
  readonly appToken: (tenantId: string) => Promise<string>;
  readonly snapshots: { listSnapshots(tenantId: string): Promise<SnapshotInfo[]> };
  /** LearnFit's app registration, for the admin consent link. */
  readonly clientId: string;
  /** Where Entra sends the admin back after consent: a reply address of the registration (infra/aad.manifest.json). */
  readonly consentRedirectUrl: string;
  readonly now: () => Date;
  /** Called after settings were saved, so caches drop the tenant's old k and naming rule. */
  readonly onSettingsSaved?: (tenantId: string) => Promise<void>;
  readonly logger: Logger;
}

/** Wires the admin use cases. */
export function createAdminService(deps: AdminServiceDeps): AdminService {
  const appRoles = async (tenantId: string): Promise<string[]> => {
    let token: string;
    try {
      token = await deps.appToken(tenantId);
    } catch (error) {
      // The token endpoint answered with an error (bad secret, app not in the tenant): 502. Anything
      // else (no answer) is an outage: 503. Neither is LearnFit's bug, and neither message is sent on.
      const refused = error instanceof ServerError;
      deps.logger.warn('app-only token for the consent check failed', {
        error: error instanceof Error ? error.name : typeof error,
        code: error instanceof ServerError ? error.errorCode : undefined,
      });
      throw new HttpProblem(
        refused ? 502 : 503,
        refused ? 'graph_error' : 'graph_unavailable',
        refused
          ? 'The Microsoft identity platform refused LearnFit an app-only token'
          : 'The Microsoft identity platform is not reachable right now',
        refused
          ? 'Check that LearnFit is consented in this tenant (adminConsentUrl) and that its client secret is valid.'
          : 'Try again in a few minutes.',
      );
    }
    const roles = rolesOfAppToken(token);
    if (!roles)
      throw new HttpProblem(
        502,
        'graph_error',
        'The app-only token could not be read',
        'The token endpoint answered with something other than a JWT.',
      );
    return roles;
  };

  return {
    async settings(identity) {
      requireAdmin(identity);
      return view(await deps.settings.get(identity.tenantId));
    },
    async saveSettings(identity, body) {
      requireAdmin(identity);
      const settings = tenantSettingsSchema.parse(body);
      const saved = await deps.settings.save(identity.tenantId, settings, deps.now());
      await deps.onSettingsSaved?.(identity.tenantId);
      await deps.audit.record(identity.tenantId, {
        actorId: identity.userId,
        action: 'settings.update',
        target: 'tenant-settings',
        detail: { ...settings },
      });
      return view(saved);
    },
    async consent(identity) {
      requireAdmin(identity);
      const [roles, snapshots] = await Promise.all([
        appRoles(identity.tenantId),
        deps.snapshots.listSnapshots(identity.tenantId),
      ]);
      const granted = new Set(roles.map((role) => role.toLowerCase()));
      return {
        checkedAt: deps.now().toISOString(),
        adminConsentUrl:
          `https://login.microsoftonline.com/${encodeURIComponent(identity.tenantId)}/adminconsent` +
          `?client_id=${encodeURIComponent(deps.clientId)}` +
          `&redirect_uri=${encodeURIComponent(deps.consentRedirectUrl)}`,
        applicationPermissions: appPermissions.map((entry) => ({
          permission: entry.permission,
          status: granted.has(entry.permission.toLowerCase()) ? ('granted' as const) : ('missing' as const),
          features: [...entry.features],
          withoutIt: entry.withoutIt,
          sources: [...entry.sources],
        })),
        delegatedScopes: delegatedScopes.map((entry) => ({
          permission: entry.permission,
          status: 'requested on sign-in' as const,
          features: [...entry.features],
        })),
        coverage: latestCoverage(snapshots),
      };
    },
    async audit(identity, query) {
      requireAdmin(identity);
      const page = auditQuerySchema.parse(query);
      const entries = await deps.audit.list(identity.tenantId, page);
      return {
        items: entries.map((entry) => ({
          id: entry.id,
          at: entry.at.toISOString(),
          actorId: entry.actorId,
          action: entry.action,
          target: entry.target,
          detail: { ...entry.detail },
        })),
        nextBefore: entries.length === page.limit ? (entries.at(-1)?.id ?? null) : null,
      };
    },
  };
}
