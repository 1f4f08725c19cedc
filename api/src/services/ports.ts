import type { InitiativeDesign, ManagerLink } from '@learnfit/core';
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
