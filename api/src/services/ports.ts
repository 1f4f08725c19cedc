import type { Kysely } from 'kysely';
import type { InitiativeDesign, ManagerLink, PulseResponse } from '@learnfit/core';
import type { Database } from '../store/schema';
import type { SsoIdentity } from '../identity/sso-token-validator';

/** A person's directory profile as the use cases need it. */
export interface DirectoryProfile {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly officeLocation: string | null;
}

/** Directory reads on behalf of the signed-in user (delegated permissions). */
export interface UserDirectory {
  /** The caller's profile, management chain (up to `levels`) and number of direct reports. */
  me(
    identity: SsoIdentity,
    levels: number,
  ): Promise<{
    profile: DirectoryProfile;
    managementChain: ManagerLink[];
    directReportCount: number;
  }>;
}

/** One person's row of the Teams user activity report. */
export interface TeamsActivityRow {
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly teamChatMessages: number;
  readonly postMessages: number;
  readonly replyMessages: number;
  readonly privateChatMessages: number;
}

/** A usage report as read, or why it could not be read. */
export type ReportResult<T> =
  | {
      readonly ok: true;
      readonly rows: readonly T[];
      readonly refreshDate: string | null;
      readonly concealed: boolean;
    }
  | { readonly ok: false; readonly reason: 'not_consented' | 'unavailable'; readonly detail: string };

/** Tenant-wide usage reports (application permissions). */
export interface UsageReports {
  teamsUserActivity(
    tenantId: string,
    period: 'D7' | 'D30' | 'D90' | 'D180',
  ): Promise<ReportResult<TeamsActivityRow>>;
}

/** Initiatives as stored. */
export interface InitiativeRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly goal: string;
  readonly status: 'draft' | 'active' | 'archived';
  readonly targetGroupSize: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Null for initiatives stored before designs existed (their detail shows no design). */
  readonly design?: InitiativeDesign | null;
  readonly updatedAt?: Date;
}

/** What an update may change. */
export interface InitiativeChange {
  readonly name?: string | undefined;
  readonly goal?: string | undefined;
  readonly status?: 'draft' | 'active' | 'archived' | undefined;
  readonly design?: InitiativeDesign | undefined;
  readonly targetGroupSize?: number | undefined;
}

/** Storage of initiatives, always scoped to one tenant. */
export interface InitiativeStore {
  list(tenantId: string): Promise<InitiativeRecord[]>;
  search(tenantId: string, text: string, limit: number): Promise<InitiativeRecord[]>;
  /** Writes the record unless one with its id exists (idempotent). */
  create(record: InitiativeRecord): Promise<void>;
  get(tenantId: string, id: string): Promise<InitiativeRecord | null>;
  /** Applies the change; null when the tenant has no such initiative. */
  update(tenantId: string, id: string, change: InitiativeChange, at: Date): Promise<InitiativeRecord | null>;
}

// ---- Ports shared by the issue-6 services (settings, audit, pulse, KPIs, sharing, erasure) ----

/** Tenant settings the services read (the admin service owns them; defaults apply until an admin saves). */
export interface TenantSettingsReader {
  get(tenantId: string): Promise<{
    /** Smallest group any aggregate is shown for (≥ the core's minimum). */
    readonly k: number;
    readonly retentionDays: number;
    /** Who may create initiatives besides admins. */
    readonly initiativeCreators: 'learningLeaders' | 'learningLeadersAndManagers';
    /** Whether participation reports may name managers (off by default). */
    readonly nameManagersInParticipation: boolean;
  }>;
}

/** What happened, by whom, to what: written only after the action succeeded. */
export interface AuditEntry {
  readonly actorId: string;
  /** e.g. `diagnostics.view`, `report.export`, `settings.update`, `erasure.person`. */
  readonly action: string;
  /** What was viewed or changed, e.g. `initiative:<id>` or `snapshot:<id>`; never a message body. */
  readonly target: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** Appends to the tenant's audit log. */
export interface AuditLog {
  record(tenantId: string, entry: AuditEntry): Promise<void>;
}

/** Pulse answers of an initiative as the diagnostics read them (person keys are pseudonyms). */
export interface PulseReader {
  responses(tenantId: string, initiativeId: string): Promise<PulseResponse[]>;
}

/** Entered KPI values of an initiative, by KPI id. */
export interface KpiValuesReader {
  values(
    tenantId: string,
    initiativeId: string,
  ): Promise<
    Map<
      string,
      {
        readonly baseline: readonly number[];
        readonly followUp: readonly number[];
        readonly comparisonBaseline: readonly number[];
        readonly comparisonFollowUp: readonly number[];
      }
    >
  >;
}

/** Design-team members who opted in to share their own profile within an initiative's design team. */
export interface SharingReader {
  /** Person keys (pseudonyms) of people who opted in for this initiative. */
  sharedProfiles(tenantId: string, initiativeId: string): Promise<string[]>;
}

/**
 * Tables a feature owns, erasable for one person or a whole tenant inside the erasure transaction.
 * `personKey` is the person's pseudonym (snapshots and pulse answers use it), `userId` their Entra id.
 */
export interface ErasableTables {
  readonly name: string;
  erasePerson(trx: Kysely<Database>, tenantId: string, userId: string, personKey: string): Promise<number>;
  eraseTenant(trx: Kysely<Database>, tenantId: string): Promise<number>;
}
