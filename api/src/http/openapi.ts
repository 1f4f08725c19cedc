import {
  auditPageSchema,
  changePlanPostListSchema,
  changePlanPostRequestSchema,
  auditQuerySchema,
  consentStatusSchema,
  erasureResultSchema,
  tenantErasureSchema,
  tenantSettingsSchema,
  tenantSettingsViewSchema,
  collectionRunListSchema,
  diagnosticsQuerySchema,
  diagnosticsResponseSchema,
  myOrgReportQuerySchema,
  workflowReportSchema,
  collectionRunSchema,
  createInitiativeSchema,
  initiativeDetailSchema,
  initiativeListSchema,
  kpiListSchema,
  kpiValuesCsvSchema,
  kpiWriteResultSchema,
  myPulseAnswerSchema,
  myPulseDraftSchema,
  openPulseWaveSchema,
  pulseAnswerSchema,
  pulseDraftSchema,
  pulseResultsSchema,
  pulseViewSchema,
  pulseWaveListSchema,
  pulseWaveSchema,
  putKpiValuesSchema,
  meResponseSchema,
  directoryGroupListSchema,
  directoryPeopleListSchema,
  directorySearchQuerySchema,
  directoryTeamListSchema,
  myProfileSchema,
  myPulseListSchema,
  sharingListSchema,
  sharingStateSchema,
  updateSharingSchema,
  problemCodes,
  problemSchema,
  snapshotListSchema,
  startCollectionSchema,
  updateInitiativeSchema,
  type RoleName,
} from '@learnfit/core';
import { z } from 'zod';

/** One API operation as the OpenAPI document describes it. */
export interface Operation {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under the server root, e.g. `/api/collections/:id`. */
  readonly path: string;
  readonly summary: string;
  /** Roles that may call it; empty: any signed-in user. */
  readonly roles: readonly RoleName[];
  readonly body?: z.ZodType;
  readonly query?: z.ZodObject;
  readonly response?: {
    readonly status: number;
    readonly schema?: z.ZodType;
    readonly description: string;
    /** Media type of a 2xx body (default `application/json`); e.g. `text/csv`, `text/html`, `text/event-stream`. */
    readonly mediaType?: string;
  };
  /** Media type of the request body (default `application/json`); `text/csv` bodies are a string schema. */
  readonly bodyMediaType?: string;
  /** Error statuses the operation answers besides the ones every authenticated route has (401, 429). */
  readonly errors?: readonly number[];
  readonly public?: boolean;
}

const leaders: readonly RoleName[] = ['LearningLeader', 'Admin'];

/** A report as JSON, as CSV (one row per cell) and as a printable HTML page. */
function reportOperations(
  path: string,
  summary: string,
  roles: readonly RoleName[],
  query: z.ZodObject | undefined,
  errors: readonly number[],
): Operation[] {
  const forms = [
    ['', 'application/json', workflowReportSchema, 'The report.'],
    ['.csv', 'text/csv', z.string(), 'The cells, one row each (RFC 4180, formula-safe).'],
    ['.html', 'text/html', z.string(), 'A printable page (save as PDF), no scripts.'],
  ] as const;
  return forms.map(([suffix, mediaType, schema, description]) => ({
    method: 'get',
    path: `${path}${suffix}`,
    summary: suffix === '' ? summary : `${summary} (${mediaType})`,
    roles,
    ...(query ? { query } : {}),
    response: {
      status: 200,
      schema,
      description,
      ...(mediaType === 'application/json' ? {} : { mediaType }),
    },
    errors,
  }));
}
const admins: readonly RoleName[] = ['Admin'];

/** Every route the API serves under `/api` and the health routes; a test holds this to the router. */
export const operations: readonly Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    roles: [],
    public: true,
    response: { status: 200, description: 'The process is up.' },
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: database and Graph transport',
    roles: [],
    public: true,
    response: { status: 200, description: 'Ready.' },
    errors: [503],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    roles: [],
    public: true,
    response: { status: 200, description: 'OpenAPI 3.1.' },
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in person: roles, management chain, 30-day channel and chat counts',
    roles: [],
    response: { status: 200, schema: meResponseSchema, description: 'The caller.' },
    errors: [403, 502, 503],
  },
  {
    method: 'get',
    path: '/api/initiatives',
    summary: "The tenant's initiatives",
    roles: [],
    response: { status: 200, schema: initiativeListSchema, description: 'Initiatives, newest first.' },
  },
  {
    method: 'post',
    path: '/api/initiatives',
    summary: 'Create an initiative (draft) with its design',
    roles: leaders,
    body: createInitiativeSchema,
    response: { status: 201, schema: initiativeDetailSchema, description: 'The new initiative.' },
    errors: [400, 403, 413, 415],
  },
  {
    method: 'get',
    path: '/api/initiatives/:id',
    summary: 'One initiative with its design',
    roles: [],
    response: { status: 200, schema: initiativeDetailSchema, description: 'The initiative.' },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/initiatives/:id',
    summary: 'Change name, goal, status or design',
    roles: leaders,
    body: updateInitiativeSchema,
    response: { status: 200, schema: initiativeDetailSchema, description: 'The changed initiative.' },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/api/initiatives/:id/archive',
    summary: 'Archive an initiative (read-only from then on)',
    roles: leaders,
    response: { status: 200, schema: initiativeDetailSchema, description: 'The archived initiative.' },
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/api/collections',
    summary: 'Queue a collection run (a baseline freezes its snapshot and schedules follow-ups)',
    roles: leaders,
    body: startCollectionSchema,
    response: { status: 202, schema: collectionRunSchema, description: 'The queued run.' },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/api/collections',
    summary: 'Collection runs with their progress',
    roles: leaders,
    response: { status: 200, schema: collectionRunListSchema, description: 'Runs, newest first.' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/api/collections/:id',
    summary: 'One run: state, phase, units done of total, seconds left',
    roles: leaders,
    response: { status: 200, schema: collectionRunSchema, description: 'The run.' },
    errors: [403, 404],
  },
  {
    method: 'delete',
    path: '/api/collections/:id',
    summary: 'Cancel a queued or running run',
    roles: leaders,
    response: { status: 204, description: 'Cancelled.' },
    errors: [403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/snapshots',
    summary: 'Stored snapshots with data-as-of and coverage per source',
    roles: leaders,
    query: z.object({ initiativeId: z.string().optional() }),
    response: { status: 200, schema: snapshotListSchema, description: 'Snapshots, oldest first.' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/api/initiatives/:id/diagnostics',
    summary: 'All five diagnostics of an initiative over its newest snapshot (or `snapshotId`)',
    roles: leaders,
    query: diagnosticsQuerySchema,
    response: { status: 200, schema: diagnosticsResponseSchema, description: 'The released results.' },
    errors: [400, 403, 404, 409],
  },
  ...reportOperations(
    '/api/initiatives/:id/report',
    'Workflow-fit report of an initiative',
    leaders,
    undefined,
    [403, 404, 409],
  ),
  ...reportOperations(
    '/api/reports/my-org',
    "Workflow-fit report of the caller's own org (people with reports in the newest snapshot; aggregates over at least k people)",
    ['Manager'],
    myOrgReportQuerySchema,
    [400, 403, 404],
  ),
  {
    method: 'get',
    path: '/api/initiatives/:id/pulse',
    summary:
      "The pulse questions, the open wave, the caller's own answer and draft in it, and the tenant's k and retention",
    roles: [],
    response: { status: 200, schema: pulseViewSchema, description: 'The pulse as the caller sees it.' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/initiatives/:id/pulse/waves',
    summary: "The initiative's pulse waves",
    roles: leaders,
    response: { status: 200, schema: pulseWaveListSchema, description: 'Waves, newest first.' },
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/api/initiatives/:id/pulse/waves',
    summary: 'Open a pulse wave until closesAt (one open wave per initiative)',
    roles: leaders,
    body: openPulseWaveSchema,
    response: { status: 201, schema: pulseWaveSchema, description: 'The open wave.' },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/api/initiatives/:id/pulse/waves/:waveId/close',
    summary: 'Close a pulse wave (answers are final from then on)',
    roles: leaders,
    response: { status: 200, schema: pulseWaveSchema, description: 'The closed wave.' },
    errors: [403, 404],
  },
  {
    method: 'put',
    path: '/api/initiatives/:id/pulse/waves/:waveId/answer',
    summary: "Give or change the caller's answer while the wave is open (stored under a pseudonym)",
    roles: [],
    body: pulseAnswerSchema,
    response: { status: 200, schema: myPulseAnswerSchema, description: 'The stored answer.' },
    errors: [400, 404, 409, 413, 415],
  },
  {
    method: 'put',
    path: '/api/initiatives/:id/pulse/waves/:waveId/draft',
    summary:
      "Save the caller's unfinished answer while the wave is open (own eyes only; never counted; the answer replaces it)",
    roles: [],
    body: pulseDraftSchema,
    response: { status: 200, schema: myPulseDraftSchema, description: 'The saved draft.' },
    errors: [400, 404, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/api/initiatives/:id/pulse/waves/:waveId/results',
    summary: 'Aggregate results of a wave; withheld under k answers and while the wave is open',
    roles: leaders,
    response: { status: 200, schema: pulseResultsSchema, description: 'Counts and means per question.' },
    errors: [403, 404],
  },
  {
    method: 'get',
    path: '/api/initiatives/:id/kpis',
    summary: 'KPI definitions with their entered series and summaries (n, mean)',
    roles: leaders,
    response: { status: 200, schema: kpiListSchema, description: 'KPIs in design order.' },
    errors: [403, 404],
  },
  {
    method: 'put',
    path: '/api/initiatives/:id/kpis/:kpiId/values',
    summary: 'Replace one series of an entered KPI',
    roles: leaders,
    body: putKpiValuesSchema,
    response: { status: 200, schema: kpiWriteResultSchema, description: 'The series written.' },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/api/initiatives/:id/kpis/values.csv',
    summary: 'Upload KPI values as CSV (kpi,phase,group,value); all or nothing',
    roles: leaders,
    body: kpiValuesCsvSchema,
    bodyMediaType: 'text/csv',
    response: { status: 200, schema: kpiWriteResultSchema, description: 'Values per KPI, phase and group.' },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/api/admin/settings',
    summary:
      "The tenant's settings: k, retention, who creates initiatives, naming managers (defaults until saved)",
    roles: admins,
    response: { status: 200, schema: tenantSettingsViewSchema, description: 'The settings in force.' },
    errors: [403],
  },
  {
    method: 'put',
    path: '/api/admin/settings',
    summary: "Replace the tenant's settings (the whole object; audited)",
    roles: admins,
    body: tenantSettingsSchema,
    response: { status: 200, schema: tenantSettingsViewSchema, description: 'The saved settings.' },
    errors: [400, 403, 413, 415],
  },
  {
    method: 'get',
    path: '/api/admin/consent',
    summary:
      'Graph permissions granted to LearnFit in this tenant, what needs each, and coverage per data source',
    roles: admins,
    response: { status: 200, schema: consentStatusSchema, description: 'Consent and coverage.' },
    errors: [403, 502, 503],
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    summary: 'The audit log, newest first (page with `before` = the last id shown)',
    roles: admins,
    query: auditQuerySchema,
    response: { status: 200, schema: auditPageSchema, description: 'A page of entries.' },
    errors: [400, 403],
  },
  {
    method: 'delete',
    path: '/api/admin/people/:userId',
    summary: "Erase one person's data everywhere (idempotent: 200 with zero counts when nothing is stored)",
    roles: admins,
    response: { status: 200, schema: erasureResultSchema, description: 'What was removed or rewritten.' },
    errors: [400, 403],
  },
  {
    method: 'delete',
    path: '/api/admin/tenant-data',
    summary: "Erase all of the tenant's data; `confirm` must be the tenant id",
    roles: admins,
    body: tenantErasureSchema,
    response: { status: 200, schema: erasureResultSchema, description: 'Rows removed, by table.' },
    errors: [400, 403, 413, 415],
  },
  {
    method: 'get',
    path: '/api/collections/:id/events',
    summary: 'A run as server-sent events: `progress` on each change, `done` and the end when it finishes',
    roles: leaders,
    response: {
      status: 200,
      schema: z.string(),
      mediaType: 'text/event-stream',
      description:
        'Events whose data is the run (the schema of GET /api/collections/{id}); heartbeats every 15 s.',
    },
    errors: [403, 404],
  },
  {
    method: 'get',
    path: '/api/directory/people',
    summary: 'Search people in the directory on behalf of the caller (display name, mail, UPN)',
    roles: [],
    query: directorySearchQuerySchema,
    response: { status: 200, schema: directoryPeopleListSchema, description: 'Up to 25 people.' },
    errors: [400, 403, 502, 503],
  },
  {
    method: 'get',
    path: '/api/directory/groups',
    summary: 'Search security and Microsoft 365 groups on behalf of the caller',
    roles: [],
    query: directorySearchQuerySchema,
    response: { status: 200, schema: directoryGroupListSchema, description: 'Up to 25 groups.' },
    errors: [400, 403, 502, 503],
  },
  {
    method: 'get',
    path: '/api/directory/teams',
    summary: 'Search teams on behalf of the caller',
    roles: [],
    query: directorySearchQuerySchema,
    response: { status: 200, schema: directoryTeamListSchema, description: 'Up to 25 teams.' },
    errors: [400, 403, 502, 503],
  },
  {
    method: 'get',
    path: '/api/me/profile',
    summary: "The caller's own four attributes and their evidence, from the latest snapshot that has them",
    roles: [],
    response: { status: 200, schema: myProfileSchema, description: 'Visible to the person only.' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/me/sharing',
    summary: 'Initiatives whose design team lists the caller, and whether they share their profile with it',
    roles: [],
    response: { status: 200, schema: sharingListSchema, description: 'Sharing state per initiative.' },
  },
  {
    method: 'put',
    path: '/api/me/sharing',
    summary: "Opt in or out of sharing one's profile with an initiative's design team",
    roles: [],
    body: updateSharingSchema,
    response: { status: 200, schema: sharingStateSchema, description: 'The new sharing state.' },
    errors: [400, 403, 404, 413, 415],
  },
  {
    method: 'get',
    path: '/api/me/pulses',
    summary: "The caller's initiatives and the pulse waves waiting for their answer",
    roles: [],
    response: { status: 200, schema: myPulseListSchema, description: 'Waiting pulses first.' },
  },
  // B2: "spell it out" posts of the change plan through the bot.
  {
    method: 'post',
    path: '/api/initiatives/:id/change-plan/posts',
    summary: 'Post chosen change-plan messages as Adaptive Cards to a channel (the bot must be in the team)',
    roles: leaders,
    body: changePlanPostRequestSchema,
    response: { status: 201, schema: changePlanPostListSchema, description: 'The new posts.' },
    errors: [400, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/initiatives/:id/change-plan/posts',
    summary: "The initiative's posted change-plan cards with their answer counts (k-suppressed)",
    roles: leaders,
    response: { status: 200, schema: changePlanPostListSchema, description: 'Posts, oldest first.' },
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/api/messages',
    summary: 'Bot Framework activities from Teams (bot and message extension)',
    roles: [],
    public: true,
    response: { status: 200, description: 'Activity handled.' },
    errors: [401],
  },
];

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;

const problemResponse = (status: number) => ({
  description: `Problem (${status})`,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Builds the OpenAPI 3.1 document from the operations and the shared zod contracts. */
export function buildOpenApi(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const path = operation.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...[...operation.path.matchAll(/:(\w+)/g)].map((match) => ({
        name: match[1],
        in: 'path',
        required: true,
        schema: { type: 'string', maxLength: 64 },
      })),
      ...Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: schemaOf(schema as z.ZodType, 'input'),
      })),
    ];
    const errors = [...(operation.public ? [] : [401, 429]), ...(operation.errors ?? [])];
    paths[path] = {
      ...paths[path],
      [operation.method]: {
        summary: operation.summary,
        ...(operation.roles.length > 0 ? { description: `Roles: ${operation.roles.join(', ')}.` } : {}),
        ...(operation.public ? { security: [] } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(operation.body
          ? {
              requestBody: {
                required: true,
                content: {
                  [operation.bodyMediaType ?? 'application/json']: {
                    schema: schemaOf(operation.body, 'input'),
                  },
                },
              },
            }
          : {}),
        responses: {
          ...(operation.response
            ? {
                [operation.response.status]: {
                  description: operation.response.description,
                  ...(operation.response.schema
                    ? {
                        content: {
                          [operation.response.mediaType ?? 'application/json']: {
                            schema: schemaOf(operation.response.schema, 'output'),
                          },
                        },
                      }
                    : {}),
                },
              }
            : {}),
          ...Object.fromEntries(errors.map((status) => [status, problemResponse(status)])),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'LearnFit API',
      version: '0.1.0',
      description:
        'Teams SSO bearer tokens on every /api route except this document; errors are RFC 9457 ' +
        `problem+json with a machine-readable code (${problemCodes.join(', ')}).`,
    },
    servers: [{ url: serverUrl }],
    security: [{ teamsSso: [] }],
    paths,
    components: {
      securitySchemes: { teamsSso: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: schemaOf(problemSchema, 'output') },
    },
  };
}
