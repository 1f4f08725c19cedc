import {
  collectionRunListSchema,
  collectionRunSchema,
  createInitiativeSchema,
  initiativeDetailSchema,
  initiativeListSchema,
  meResponseSchema,
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
