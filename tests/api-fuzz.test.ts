import { problemMediaType, problemSchema, type RoleName } from '@learnfit/core';
import fc, { type JsonValue } from 'fast-check';
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { operations, type Operation } from '../api/src/http/openapi';
import {
  contentEncodingArbitrary,
  contentTypeArbitrary,
  createFingerprint,
  fromJsonSchema,
  mutate,
  mutationArbitrary,
  nastySegments,
  nastyStrings,
  percentEncode,
  rawBodyArbitrary,
  rawComponent,
  renderRaw,
  type JsonSchema,
  type KnownStrings,
  type Mutation,
  type RawText,
} from './support/fuzz';
import { startTestServer, type TestServer } from './support/server';

// Property-based fuzz of every route in the OpenAPI operation list: whatever the body, query, path and
// token, the API answers 2xx or a 4xx problem+json, never 5xx, and a 4xx leaves every table unchanged.
// The same case count runs locally and in CI; requests are sequential so a write is pinned to its case.

/** At least this many requests in all, shared out by weight (see `weightOf`). */
const totalCases = 5_000;
const seed = 20_260_611;

const personas = ['learner', 'manager', 'learningLeader', 'admin'] as const;
type Persona = (typeof personas)[number];

type Auth =
  | { readonly kind: 'persona'; readonly persona: Persona }
  | { readonly kind: 'none' }
  | { readonly kind: 'header'; readonly value: string }
  | { readonly kind: 'tampered'; readonly persona: Persona; readonly at: number; readonly truncate: boolean };
type Param =
  { readonly kind: 'existing'; readonly index: number } | { readonly kind: 'literal'; readonly text: string };
/** A body: none, JSON (a value and the mutations to apply to it when sending), or raw text. */
type Body =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'json';
      readonly value: JsonValue;
      readonly mutations: readonly Mutation[];
      readonly contentType: string | null;
      readonly encoding: null;
    }
  | {
      readonly kind: 'raw';
      readonly text: RawText;
      readonly contentType: string | null;
      readonly encoding: string | null;
    };
interface Case {
  readonly auth: Auth;
  readonly params: readonly Param[];
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly rawQuery: boolean;
  readonly body: Body;
}

let server: TestServer;
let tokens: Record<Persona, string>;
let known: KnownStrings;
let fingerprint: () => Promise<string>;
/** Answers per operation, printed at the end to show how deep the cases reach (201s, 409s, …). */
const statuses = new Map<string, Map<number, number>>();
const tally = { cases: 0, ok: 0, problems: 0, started: performance.now() };

beforeAll(async () => {
  server = await startTestServer({
    WORKER_CONCURRENCY: '0',
    // The highest limits the config accepts, so the fuzz is never throttled (a separate test covers 429).
    API_RATE_PER_USER: '100000',
    API_RATE_PER_TENANT: '1000000',
    // No worker runs here, so a queued run's progress stream would stay open until this cap.
    EVENT_STREAM_MAX_SECONDS: '1',
  });
  const demo = server.composed.demo;
  if (!demo) throw new Error('demo environment missing');
  const entries = await Promise.all(
    personas.map(async (persona) => [
      persona,
      await demo.identity.issueSsoToken(demo.tenant.personas[persona]),
    ]),
  );
  tokens = Object.fromEntries(entries) as Record<Persona, string>;
  // An archived initiative from the start, so that PATCH and archive can meet one (409, idempotent 200).
  const headers = { Authorization: `Bearer ${tokens.learningLeader}`, 'Content-Type': 'application/json' };
  const created = await fetch(`${server.baseUrl}/api/initiatives`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'Archived before the fuzz',
      design: {
        targetGroup: { kind: 'teams', ids: [demo.tenant.sampleInitiative.targetTeamId] },
        designTeam: { kind: 'people', ids: [demo.tenant.personas.learningLeader] },
      },
    }),
  });
  const { id } = (await created.json()) as { id: string };
  const archived = await fetch(`${server.baseUrl}/api/initiatives/${id}/archive`, {
    method: 'POST',
    headers,
  });
  if (archived.status !== 200) throw new Error(`setup: archiving answered ${archived.status}`);
  // An open pulse wave on the demo initiative, so wave paths can meet a real one.
  const listed = await fetch(`${server.baseUrl}/api/initiatives`, { headers });
  const seeded = ((await listed.json()) as { items: Array<{ id: string }> }).items[0]?.id ?? '';
  const wave = await fetch(`${server.baseUrl}/api/initiatives/${seeded}/pulse/waves`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }),
  });
  if (wave.status !== 201) throw new Error(`setup: opening a wave answered ${wave.status}`);
  known = [
    ...demo.tenant.teams.slice(0, 5).map((team) => team.id),
    ...demo.tenant.groups.slice(0, 3).map((group) => group.id),
    ...demo.tenant.users.slice(0, 5).map((user) => user.id),
    ...(await existingIds()),
  ];
  fingerprint = await createFingerprint(server.composed.store.db);
  tally.started = performance.now();
});
afterAll(async () => {
  await server?.close();
  const lines = [...statuses].map(
    ([route, counts]) =>
      `  ${route}: ${[...counts]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ')}`,
  );
  process.stdout.write(
    `api-fuzz: ${tally.cases} cases in ${((performance.now() - tally.started) / 1000).toFixed(1)} s: ` +
      `${tally.ok} answered 2xx, ${tally.problems} answered 4xx (each checked for writes), ` +
      `${tally.cases - tally.ok - tally.problems} runs failed a check (shrinking included); seeds ${seed}+\n` +
      `${lines.join('\n')}\n`,
  );
});

/**
 * Ids of records a path addresses (initiatives or collection runs; both for a path this does not know),
 * oldest first: fast-check favours small indexes, so the seeded and the archived initiative come up often.
 */
async function existingIds(path = ''): Promise<string[]> {
  const db = server.composed.store.db;
  const initiatives = sql`select id, created_at from initiative`;
  const runs = sql`select id, created_at from job`;
  const waves = sql`select id, opened_at as created_at from pulse_wave`;
  const source = path.startsWith('/api/initiatives/')
    ? sql`${initiatives} union all ${waves}`
    : path.startsWith('/api/collections/')
      ? runs
      : sql`${initiatives} union all ${runs} union all ${waves}`;
  const result = await sql<{
    id: string;
  }>`select id from (${source}) records order by created_at, id`.execute(db);
  return result.rows.map((row) => row.id);
}

/** The app role each persona's token carries (the manager's role comes from Graph, not the token). */
const personaRoles: Record<Persona, RoleName | null> = {
  learner: null,
  manager: null,
  learningLeader: 'LearningLeader',
  admin: 'Admin',
};

/**
 * Personas mostly, weighted towards those the operation lets in so that valid bodies reach the service;
 * sometimes no token, a garbage header, or a persona's token truncated or with one character changed.
 */
function authArbitrary(operation: Operation): fc.Arbitrary<Auth> {
  const persona = (weight: number, persona: Persona) => ({
    weight,
    arbitrary: fc.constant({ kind: 'persona' as const, persona }),
  });
  const allowed = (candidate: Persona): boolean => {
    const role = personaRoles[candidate];
    return operation.roles.length === 0 || (role !== null && operation.roles.includes(role));
  };
  return fc.oneof(
    ...personas.map((candidate) => persona(allowed(candidate) ? 6 : 2, candidate)),
    { weight: operation.public ? 4 : 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'Basic dXNlcjpwYXNz',
            'Bearer a.b.c',
            'Bearer e30.e30.',
            // alg "none", no signature.
            'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
          ),
          fc.stringMatching(/^Bearer [\x21-\x7e]{1,300}$/),
          fc.stringMatching(/^[\x20-\x7e]{0,100}$/),
        )
        .map((value) => ({ kind: 'header' as const, value })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('tampered' as const),
        persona: fc.constantFrom(...personas),
        at: fc.nat(),
        truncate: fc.boolean(),
      }),
    },
  );
}

function paramArbitrary(): fc.Arbitrary<Param> {
  const literal = (text: fc.Arbitrary<string>) =>
    text.map((value) => ({ kind: 'literal' as const, text: value }));
  const encodedOrRaw = (text: fc.Arbitrary<string>) =>
    fc.tuple(text, fc.boolean()).map(([value, raw]) => (raw ? rawComponent(value) : percentEncode(value)));
  return fc.oneof(
    { weight: 4, arbitrary: fc.nat().map((index) => ({ kind: 'existing' as const, index })) },
    { weight: 1, arbitrary: literal(fc.constantFrom(...known).map(percentEncode)) },
    { weight: 2, arbitrary: literal(fc.uuid()) },
    { weight: 2, arbitrary: literal(fc.constantFrom(...nastySegments)) },
    { weight: 2, arbitrary: literal(encodedOrRaw(fc.string({ unit: 'binary', maxLength: 60 }))) },
    { weight: 1, arbitrary: literal(encodedOrRaw(fc.string({ unit: 'grapheme', maxLength: 30 }))) },
    // Long, but the whole request line stays under Node's 16 KB header limit (which answers a bare 431).
    {
      weight: 1,
      arbitrary: literal(fc.integer({ min: 65, max: 6_000 }).map((length) => 'a'.repeat(length))),
    },
  );
}

function queryArbitrary(operation: Operation): fc.Arbitrary<ReadonlyArray<readonly [string, string]>> {
  const names = [...Object.keys(operation.query?.shape ?? {}), 'initiativeId', 'limit'];
  const key = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...names) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', ...names.map((name) => `${name}[]`)),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const value = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.constantFrom(...nastySegments, ...nastyStrings) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 1_000 }).map((length) => 'q'.repeat(length)) },
  );
  return fc.oneof(
    fc.array(fc.tuple(key, value), { maxLength: 5 }),
    fc
      .tuple(key, fc.array(value, { minLength: 2, maxLength: 4 }))
      .map(([name, values]) => values.map((item) => [name, item] as const)),
  );
}

function bodyArbitrary(operation: Operation): fc.Arbitrary<Body> {
  // fetch cannot send a body with GET.
  if (operation.method === 'get') return fc.constant({ kind: 'none' as const });
  const none = fc.constant({ kind: 'none' as const });
  const json = (
    value: fc.Arbitrary<JsonValue>,
    mutations: fc.Arbitrary<Mutation[]>,
    contentType: fc.Arbitrary<string | null>,
  ) =>
    fc.record({
      kind: fc.constant('json' as const),
      value,
      mutations,
      contentType,
      encoding: fc.constant(null),
    });
  const raw = fc.record({
    kind: fc.constant('raw' as const),
    text: rawBodyArbitrary,
    contentType: contentTypeArbitrary,
    encoding: contentEncodingArbitrary,
  });
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const unmutated = fc.constant<Mutation[]>([]);
  if (!operation.body)
    return fc.oneof(
      { weight: 4, arbitrary: none },
      { weight: 1, arbitrary: json(anyJson, unmutated, contentTypeArbitrary) },
      { weight: 1, arbitrary: raw },
    );
  const schema = z.toJSONSchema(operation.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const valid = fromJsonSchema(schema, known);
  const mutations = fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 4, arbitrary: json(valid, unmutated, fc.constant('application/json')) },
    { weight: 4, arbitrary: json(valid, mutations, fc.constant('application/json')) },
    { weight: 1, arbitrary: json(fc.oneof(valid, anyJson), unmutated, contentTypeArbitrary) },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: none },
  );
}

function caseArbitrary(operation: Operation): fc.Arbitrary<Case> {
  const paramCount = [...operation.path.matchAll(/:\w+/g)].length;
  return fc.record({
    auth: authArbitrary(operation),
    params: fc.array(paramArbitrary(), { minLength: paramCount, maxLength: paramCount }),
    query: queryArbitrary(operation),
    rawQuery: fc.boolean(),
    body: bodyArbitrary(operation),
  });
}

function authorization(auth: Auth): string | null {
  switch (auth.kind) {
    case 'none':
      return null;
    case 'header':
      return auth.value;
    case 'persona':
      return `Bearer ${tokens[auth.persona]}`;
    case 'tampered': {
      const token = tokens[auth.persona];
      if (auth.truncate) return `Bearer ${token.slice(0, auth.at % token.length)}`;
      const index = auth.at % token.length;
      const swapped = token[index] === 'A' ? 'B' : 'A';
      return `Bearer ${token.slice(0, index)}${swapped}${token.slice(index + 1)}`;
    }
  }
}

interface Sent {
  readonly url: string;
  readonly describe: string;
  readonly response: Response;
  readonly text: string;
}

async function send(operation: Operation, testCase: Case): Promise<Sent> {
  const ids = testCase.params.some((param) => param.kind === 'existing')
    ? await existingIds(operation.path)
    : [];
  let next = 0;
  const path = operation.path.replace(/:\w+/g, () => {
    const param = testCase.params[next++]!;
    if (param.kind === 'literal') return param.text;
    return percentEncode(ids.length > 0 ? ids[param.index % ids.length]! : 'none');
  });
  const encode = testCase.rawQuery ? rawComponent : percentEncode;
  const query = testCase.query.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
  const url = `${server.baseUrl}${path}${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = {};
  const auth = authorization(testCase.auth);
  if (auth !== null) headers['Authorization'] = auth;
  const { body } = testCase;
  let payload: string | undefined;
  if (body.kind !== 'none') {
    payload =
      body.kind === 'json' ? JSON.stringify(body.mutations.reduce(mutate, body.value)) : renderRaw(body.text);
    if (body.contentType !== null) headers['Content-Type'] = body.contentType;
    if (body.encoding !== null) headers['Content-Encoding'] = body.encoding;
  }
  const method = operation.method.toUpperCase();
  const response = await fetch(url, {
    method,
    headers,
    redirect: 'manual',
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await response.text();
  const persona = testCase.auth.kind === 'persona' ? testCase.auth.persona : testCase.auth.kind;
  const describe =
    `${method} ${url.slice(server.baseUrl.length, server.baseUrl.length + 300)} as ${persona}` +
    (body.kind === 'none'
      ? ''
      : ` with ${headers['Content-Type'] ?? 'no content type'}` +
        (body.encoding ? ` (${body.encoding})` : '') +
        ` body ${preview(payload ?? '')}`) +
    ` answered ${response.status} ${response.headers.get('content-type') ?? '(no content type)'} ${preview(text)}`;
  return { url, describe, response, text };
}

function countStatus(operation: Operation, status: number): void {
  const route = `${operation.method.toUpperCase()} ${operation.path}`;
  const counts = statuses.get(route) ?? new Map<number, number>();
  statuses.set(route, counts.set(status, (counts.get(status) ?? 0) + 1));
}

function parseJson(text: string, describe: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`the body is not JSON: ${describe}`);
  }
}

const preview = (text: string): string =>
  text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;

/** The operation Express serves for a normalised path (`..` and `.` segments move a request elsewhere). */
function servedBy(method: string, url: string): Operation | undefined {
  const pathname = new URL(url).pathname.replace(/(.)\/$/, '$1');
  return operations.find((operation) => {
    const pattern = new RegExp(`^${operation.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`, 'i');
    return operation.method === method.toLowerCase() && pattern.test(pathname);
  });
}

function check(operation: Operation, sent: Sent): void {
  const { response, text, describe } = sent;
  const status = response.status;
  if (status >= 500) throw new Error(`server error: ${describe}`);
  if (status < 200 || (status >= 300 && status < 400)) throw new Error(`neither 2xx nor 4xx: ${describe}`);
  const contentType = response.headers.get('content-type') ?? '';
  if (status >= 400) {
    if (!contentType.startsWith(problemMediaType)) throw new Error(`4xx is not problem+json: ${describe}`);
    const problem = problemSchema.safeParse(parseJson(text, describe));
    if (!problem.success || problem.data.status !== status)
      throw new Error(`4xx body is not a problem: ${describe}`);
    return;
  }
  const served = servedBy(operation.method, sent.url);
  if (served?.response && status !== served.response.status)
    throw new Error(`2xx other than the documented ${served.response.status}: ${describe}`);
  if (status === 204) {
    if (text !== '') throw new Error(`204 with a body: ${describe}`);
    return;
  }
  const mediaType = served?.response?.mediaType ?? 'application/json';
  if (!contentType.startsWith(mediaType)) throw new Error(`2xx is not ${mediaType}: ${describe}`);
  if (mediaType !== 'application/json') {
    if (served?.response?.schema && !served.response.schema.safeParse(text).success)
      throw new Error(`2xx ${mediaType} body does not match the documented schema: ${describe}`);
    return;
  }
  const body = parseJson(text, describe);
  if (served?.response?.schema && !served.response.schema.safeParse(body).success)
    throw new Error(`2xx body does not match the documented schema: ${describe}`);
}

/** Requests per operation are shared out by how much input it takes: bodies 4, path ids 2, the rest 1. */
function weightOf(operation: Operation): number {
  return operation.body ? 4 : operation.path.includes(':') ? 2 : 1;
}

// The bot has its own tests (Bot Framework activities, not this API's contract).
const fuzzed = operations.filter((operation) => operation.path !== '/api/messages');
const totalWeight = fuzzed.reduce((sum, operation) => sum + weightOf(operation), 0);

describe('API fuzz: any input answers 2xx or a 4xx problem, never 5xx, and a 4xx writes nothing', () => {
  it('has a write detector that ignores a read and sees a write', async () => {
    const headers = { Authorization: `Bearer ${tokens.admin}`, 'Content-Type': 'application/json' };
    const before = await fingerprint();
    const list = await fetch(`${server.baseUrl}/api/initiatives`, { headers });
    const { items } = (await list.json()) as { items: Array<{ id: string }> };
    if ((await fingerprint()) !== before) throw new Error('a read changed the fingerprint');
    const patched = await fetch(`${server.baseUrl}/api/initiatives/${items[0]!.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ goal: 'Checked by the fuzz' }),
    });
    if (patched.status !== 200) throw new Error(`the setup PATCH answered ${patched.status}`);
    if ((await fingerprint()) === before) throw new Error('a write left the fingerprint unchanged');
  });

  fuzzed.forEach((operation, index) => {
    const numRuns = Math.ceil((totalCases * weightOf(operation)) / totalWeight);
    it(
      `${operation.method.toUpperCase()} ${operation.path} (${numRuns} cases)`,
      { timeout: 120_000 },
      async () => {
        // The state after a 4xx (which wrote nothing) is the state before the next case; a 2xx may write.
        let unchanged: string | null = null;
        await fc.assert(
          fc.asyncProperty(caseArbitrary(operation), async (testCase) => {
            tally.cases += 1;
            const before = unchanged ?? (await fingerprint());
            unchanged = null;
            const sent = await send(operation, testCase);
            countStatus(operation, sent.response.status);
            check(operation, sent);
            if (sent.response.status < 400) {
              tally.ok += 1;
              return;
            }
            tally.problems += 1;
            const after = await fingerprint();
            if (after !== before) {
              const changed = after.split('\n').filter((line) => !before.split('\n').includes(line));
              throw new Error(`a 4xx wrote (${changed.join(', ')}): ${sent.describe}`);
            }
            unchanged = after;
          }),
          { numRuns, seed: seed + index },
        );
      },
    );
  });
});
