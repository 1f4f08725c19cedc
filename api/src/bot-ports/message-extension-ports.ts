import {
  diagnosticOfView,
  type BotUser,
  type LinkSettings,
  type MessageExtensionPorts,
  type ReportPreview,
  type SearchHit,
} from '@learnfit/bot';
import type { DiagnosticsResponse, WorkflowReport } from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { ApiServices } from '../services/api-services';
import type { DiagnosticsService } from '../services/diagnostics-service';
import type { ReportService } from '../services/report-service';
import type { BotIdentity } from './bot-identity';
import type { FitCheck } from './fit-check';

/** What the message extension's ports are built from: the API's own services, nothing re-implemented. */
export interface MessageExtensionPortDeps {
  readonly identity: BotIdentity;
  readonly services: Pick<ApiServices, 'searchInitiatives'>;
  readonly reports: ReportService;
  readonly diagnostics: Pick<DiagnosticsService, 'view'>;
  readonly fitCheck: FitCheck;
  readonly links: LinkSettings;
  /** Clock of the search cache (tests). */
  readonly now?: () => number;
}

/**
 * Answers of the tab's services that mean "this person may not see it" or "it is not there": the bot
 * then shows nothing, exactly where the tab would show an error instead of figures.
 */
function isHidden(error: unknown): boolean {
  return error instanceof HttpProblem && [403, 404, 409].includes(error.status);
}

async function unlessHidden<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isHidden(error)) return null;
    throw error;
  }
}

/** Words of the org report's title a search matches, e.g. "my org", "report", "fit". */
const myOrgWords = 'workflow fit of your org my org report team';

function matchesMyOrg(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.every((word) => myOrgWords.includes(word));
}

/** How long a search's initiative list is reused: as long as the API trusts any other input it read. */
const searchTtlMs = 2000;
const searchCacheSize = 500;

/**
 * Reuses a tenant's initiative matches for the same text for two seconds: people type, and Teams asks
 * again on every keystroke pause; under load the store's text search was most of a search's cost.
 * Requests that arrive together share one read; a failed read is not kept.
 */
function cachedSearch(
  search: ApiServices['searchInitiatives'],
  now: () => number,
): ApiServices['searchInitiatives'] {
  const entries = new Map<string, { at: number; value: ReturnType<ApiServices['searchInitiatives']> }>();
  return (tenantId, text, limit) => {
    const key = JSON.stringify([tenantId, limit, text]);
    const cached = entries.get(key);
    if (cached && now() - cached.at < searchTtlMs) return cached.value;
    const value = search(tenantId, text, limit);
    const entry = { at: now(), value };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > searchCacheSize) entries.delete(entries.keys().next().value ?? '');
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
}

/**
 * The message extension's ports over the API's services, called with the identity the tab would
 * have: initiative summaries for everyone in the tenant, initiative reports and diagnostics only
 * where `requireLeader` lets the person through, and the org report only for the person's own org.
 */
export function createMessageExtensionPorts(deps: MessageExtensionPortDeps): MessageExtensionPorts {
  const { identity } = deps;
  const searchInitiatives = cachedSearch(
    (tenantId, text, limit) => deps.services.searchInitiatives(tenantId, text, limit),
    deps.now ?? (() => performance.now()),
  );
  const initiativeReport = (user: BotUser, id: string) =>
    unlessHidden(async () => {
      const rendered = await deps.reports.initiativeReport(identity.asIdentity(user), id, 'json');
      return JSON.parse(rendered.body) as WorkflowReport;
    });
  const myOrgReport = (user: BotUser) =>
    unlessHidden(async () => {
      const rendered = await deps.reports.myOrgReport(identity.asIdentity(user), {}, 'json');
      return JSON.parse(rendered.body) as WorkflowReport;
    });

  return {
    identifyUser: (tenantId, aadObjectId) => identity.identify(tenantId, aadObjectId),

    async search(user, text, limit) {
      const [org, initiatives] = await Promise.all([
        matchesMyOrg(text) ? myOrgReport(user) : Promise.resolve(null),
        searchInitiatives(user.tenantId, text, limit),
      ]);
      const hits: SearchHit[] = org ? [{ kind: 'my-org', report: org }] : [];
      const reports = await Promise.all(initiatives.map((item) => initiativeReport(user, item.id)));
      initiatives.forEach((initiative, index) =>
        hits.push({ kind: 'initiative', initiative, report: reports[index] ?? null }),
      );
      return hits.slice(0, limit);
    },

    async preview(user, target): Promise<ReportPreview | null> {
      if (target.kind === 'my-org') {
        const report = await myOrgReport(user);
        return report ? { kind: 'workflow-report', report } : null;
      }
      if (target.view === null || target.view === 'workflow-fit') {
        const report = await initiativeReport(user, target.initiativeId);
        return report ? { kind: 'workflow-report', report } : null;
      }
      const view = target.view;
      const response = await unlessHidden(async () => {
        const body = await deps.diagnostics.view(identity.asIdentity(user), target.initiativeId, {});
        return JSON.parse(body) as DiagnosticsResponse;
      });
      if (!response) return null;
      const result = response.results[diagnosticOfView[view]];
      return {
        kind: 'diagnostic',
        initiative: { id: response.initiative.id, name: response.initiative.name },
        view,
        snapshot: response.snapshot,
        headline: result.headline,
        findings: result.findings,
      };
    },

    fitCheck: (user, request) => deps.fitCheck(user, request),
    links: deps.links,
  };
}
