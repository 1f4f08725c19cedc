import type {
  DiagnosticName,
  DiagnosticView,
  Finding,
  InitiativeSummary,
  RoleName,
  SnapshotRef,
  SolutionFeature,
  WorkflowFitResult,
  WorkflowReport,
} from '@learnfit/core';

/**
 * The person behind an activity, with the same permissions the tab gives them. App roles
 * (LearningLeader, Admin) are the ones their SSO token carried on their last visit to the tab; the bot
 * receives no such token, so a role granted or removed in Entra takes effect in the bot at that
 * person's next tab visit, and roles not seen for a while are ignored (see the port's implementation).
 * `Manager` is derived from the org chart exactly as `/api/me` does. `Learner` is always present.
 */
export interface BotUser {
  readonly tenantId: string;
  /** Entra object id. */
  readonly userId: string;
  readonly roles: readonly RoleName[];
}

/** The tab's diagnostic views (one list in core, shared with the tab's routes). */
export { diagnosticViews, type DiagnosticView } from '@learnfit/core';

/** Which diagnostic result a view shows. */
export const diagnosticOfView: Readonly<Record<DiagnosticView, DiagnosticName>> = {
  leaders: 'leaders',
  learners: 'learners',
  'workflow-fit': 'workflowFit',
  'change-plan': 'changePlan',
  management: 'managementParticipation',
};

/** A report the bot can show: an initiative (optionally one diagnostic view of it) or the viewer's org. */
export type ReportTarget =
  | { readonly kind: 'initiative'; readonly initiativeId: string; readonly view: DiagnosticView | null }
  | { readonly kind: 'my-org' };

/** What a report card shows: the workflow-fit report, or one diagnostic's headline and findings. */
export type ReportPreview =
  | { readonly kind: 'workflow-report'; readonly report: WorkflowReport }
  | {
      readonly kind: 'diagnostic';
      readonly initiative: { readonly id: string; readonly name: string };
      readonly view: DiagnosticView;
      readonly snapshot: SnapshotRef;
      readonly headline: { readonly label: string; readonly value: number | null; readonly unit: string };
      readonly findings: readonly Finding[];
    };

/** One search result: an initiative (with its report when the viewer may read it), or the viewer's org. */
export type SearchHit =
  | {
      readonly kind: 'initiative';
      readonly initiative: InitiativeSummary;
      /** Null when the viewer may not read the report, or it does not exist yet. */
      readonly report: WorkflowReport | null;
    }
  | { readonly kind: 'my-org'; readonly report: WorkflowReport };

/** What the quick fit check evaluates: the proposed features over the conversation's members. */
export interface FitCheckRequest {
  readonly features: readonly SolutionFeature[];
  /** Entra object ids of the conversation's members (the roster), the asking person included. */
  readonly memberIds: readonly string[];
}

/** The outcome of a quick fit check. */
export type FitCheckOutcome =
  | {
      readonly kind: 'estimate';
      /** `conversation`: all members found; `my-org`: only members in the asking manager's org. */
      readonly scope: 'conversation' | 'my-org';
      readonly rosterSize: number;
      readonly snapshot: SnapshotRef;
      readonly k: number;
      readonly result: WorkflowFitResult;
    }
  | {
      readonly kind: 'too-small';
      readonly scope: 'conversation' | 'my-org';
      readonly rosterSize: number;
      /** Members found in the latest snapshot (and in scope). */
      readonly found: number;
      readonly k: number;
    }
  | { readonly kind: 'not-allowed' }
  | { readonly kind: 'no-snapshot' };

/** Where links on cards point. */
export interface LinkSettings {
  /** Public https base URL of LearnFit, without a trailing slash. */
  readonly publicUrl: string;
  /** The Teams app id (manifest `id`) for deep links into the tab; null: web links only. */
  readonly teamsAppId: string | null;
}

/** What the message extension needs from the rest of LearnFit; the API supplies it. */
export interface MessageExtensionPorts {
  /** The person behind an activity, or null when their tenant is not served by this deployment. */
  identifyUser(tenantId: string, aadObjectId: string): Promise<BotUser | null>;
  /** Initiatives and reports matching the text that the user may see, as the tab shows them. */
  search(user: BotUser, text: string, limit: number): Promise<SearchHit[]>;
  /** The report behind a link, or null when it does not exist or the user may not see it. */
  preview(user: BotUser, target: ReportTarget): Promise<ReportPreview | null>;
  /** A workflow-fit estimate of the proposed features over the members the user may assess. */
  fitCheck(user: BotUser, request: FitCheckRequest): Promise<FitCheckOutcome>;
  readonly links: LinkSettings;
}
