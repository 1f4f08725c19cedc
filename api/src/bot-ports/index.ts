import type { Client } from '@microsoft/microsoft-graph-client';
import type { LinkSettings, MessageExtensionPorts } from '@learnfit/bot';
import type { RateGovernor } from '../graph/pacing/governor';
import type { ApiServices } from '../services/api-services';
import type { DiagnosticsDeps, DiagnosticsService } from '../services/diagnostics-service';
import type { ReportService } from '../services/report-service';
import type { PrincipalRolesStore } from '../store/principal-roles-store';
import { createBotIdentity } from './bot-identity';
import { graphDirectReportCount } from './direct-reports';
import { createFitCheck } from './fit-check';
import { createMessageExtensionPorts } from './message-extension-ports';

/** Everything the bot's ports are built from (compose.ts has all of it at hand). */
export interface BotPortDeps {
  readonly services: ApiServices;
  readonly diagnostics: DiagnosticsService;
  readonly reports: ReportService;
  readonly diagnosticsDeps: DiagnosticsDeps;
  readonly principalRoles: PrincipalRolesStore;
  readonly appClientFor: (tenantId: string) => Client;
  readonly governorFor: (tenantId: string) => RateGovernor;
  /** The SSO validator's tenant list: the bot serves the same tenants as the API. */
  readonly allowedTenants: readonly string[];
  readonly links: LinkSettings;
  readonly now: () => Date;
}

/** Builds the message extension's ports over the API's services. */
export function createBotPorts(deps: BotPortDeps): MessageExtensionPorts {
  return createMessageExtensionPorts({
    identity: createBotIdentity({
      principalRoles: deps.principalRoles,
      directReportCount: graphDirectReportCount(deps.appClientFor, deps.governorFor),
      allowedTenants: deps.allowedTenants,
      now: () => deps.now().getTime(),
    }),
    services: deps.services,
    reports: deps.reports,
    diagnostics: deps.diagnostics,
    fitCheck: createFitCheck(deps.diagnosticsDeps),
    links: deps.links,
  });
}
