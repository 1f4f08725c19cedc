import fc, { type JsonValue } from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/src/store/schema';

/** The subset of JSON Schema that `z.toJSONSchema` emits for the API's request bodies. */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly enum?: readonly JsonValue[];
  readonly const?: JsonValue;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

/** Strings the server knows (team, group, user and record ids) so that valid-ish input finds real data. */
export type KnownStrings = readonly string[];

const someJson = fc.jsonValue({ maxDepth: 2 });

/** Strings that break naive storage or rendering: NUL, lone surrogates, bidi, emoji, combining marks. */
export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '\u202eevil',
  '🎓👩‍🏫',
  'e\u0301\u0301\u0301',
  'ｆｕｌｌ',
  '\r\n\t',
  "'; drop table initiative; --",
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'null',
  '1e999',
] as const;

/** Values that satisfy a JSON schema, mixing in known ids wherever a string fits, so many bodies are valid. */
export function fromJsonSchema(schema: JsonSchema, known: KnownStrings): fc.Arbitrary<JsonValue> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => fromJsonSchema(choice, known)));
  switch (schema.type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const model = Object.fromEntries(properties.map(([key, value]) => [key, fromJsonSchema(value, known)]));
      return fc.record(model, { requiredKeys: [...(schema.required ?? [])] });
    }
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? minLength + 3, minLength + 3);
      return fc.array(schema.items ? fromJsonSchema(schema.items, known) : someJson, {
        minLength,
        maxLength,
      });
    }
    case 'string': {
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.min(schema.maxLength ?? 40, 40);
      const pattern = schema.pattern === undefined ? null : new RegExp(schema.pattern);
      const fitting = known.filter((value) =>
        pattern
          ? pattern.test(value)
          : value.length >= minLength && value.length <= (schema.maxLength ?? Infinity),
      );
      if (pattern) {
        const fresh = fc.stringMatching(pattern);
        return fitting.length > 0 ? fc.oneof(fresh, fc.constantFrom(...fitting)) : fresh;
      }
      const lengths = { minLength, maxLength: Math.max(minLength, maxLength) };
      const nasty = nastyStrings.filter(
        (text) => text.length >= minLength && text.length <= lengths.maxLength,
      );
      return fc.oneof(
        { weight: 4, arbitrary: fc.string(lengths) },
        { weight: 1, arbitrary: fc.string({ ...lengths, unit: 'binary' }) },
        { weight: 1, arbitrary: nasty.length > 0 ? fc.constantFrom(...nasty) : fc.string(lengths) },
        { weight: 2, arbitrary: fitting.length > 0 ? fc.constantFrom(...fitting) : fc.string(lengths) },
      );
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return someJson;
  }
}

/** Keys that attack prototypes when a server merges input into objects. */
export const pollutingKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** One change to an otherwise valid body. */
export type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: JsonValue }
  | { readonly kind: 'drop'; readonly at: number; readonly pick: number }
  | { readonly kind: 'extraKey'; readonly at: number; readonly key: string; readonly value: JsonValue }
  | { readonly kind: 'huge'; readonly at: number; readonly length: number }
  | { readonly kind: 'deep'; readonly at: number; readonly depth: number; readonly arrays: boolean };

/** Arbitrary mutations: wrong types, missing and extra keys, polluting keys, huge strings, deep nesting. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.oneof(
      someJson,
      fc.constantFrom<JsonValue>(...nastyStrings),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom<JsonValue>(1e308, -1, 0.5, 2 ** 53 + 1, '1', 'true', [], {}),
    ),
  }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('extraKey' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...pollutingKeys), fc.string({ maxLength: 12 })),
    value: fc.oneof(fc.constant<JsonValue>({ polluted: true }), someJson),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1_000, max: 300_000 }),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 2, max: 1_000 }),
    arrays: fc.boolean(),
  }),
);

type Container = JsonValue[] | { [key: string]: JsonValue };

const isContainer = (value: JsonValue): value is Container => typeof value === 'object' && value !== null;

/** Copies a JSON value (deep ones too); JSON.parse keeps keys such as `__proto__` as plain own data. */
const clone = (value: JsonValue): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

function setOwn(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Mutations reach this deep at most, so a value an earlier `deep` mutation nested is not walked through. */
const walkDepth = 32;

/** Nodes of a value with a setter that replaces each in place (the root's setter replaces the box). */
function nodes(box: { root: JsonValue }): Array<{ value: JsonValue; set: (next: JsonValue) => void }> {
  const found: Array<{ value: JsonValue; set: (next: JsonValue) => void }> = [];
  const walk = (value: JsonValue, set: (next: JsonValue) => void, depth: number): void => {
    found.push({ value, set });
    if (depth >= walkDepth) return;
    if (Array.isArray(value))
      value.forEach((item, index) => walk(item, (next) => (value[index] = next), depth + 1));
    else if (isContainer(value))
      for (const [key, item] of Object.entries(value))
        walk(item as JsonValue, (next) => setOwn(value, key, next), depth + 1);
  };
  walk(box.root, (next) => (box.root = next), 0);
  return found;
}

/** Applies a mutation to a copy of `value` at the node `mutation.at` (modulo the node count). */
export function mutate(value: JsonValue, mutation: Mutation): JsonValue {
  const box = { root: clone(value) };
  const all = nodes(box);
  const node = all[mutation.at % all.length]!;
  switch (mutation.kind) {
    case 'replace':
      node.set(mutation.value);
      break;
    case 'huge':
      node.set('x'.repeat(mutation.length));
      break;
    case 'deep': {
      let nested: JsonValue = 'bottom';
      for (let level = 0; level < mutation.depth; level += 1)
        nested = mutation.arrays ? [nested] : { a: nested };
      node.set(nested);
      break;
    }
    case 'drop': {
      const target = node.value;
      if (Array.isArray(target)) target.splice(mutation.pick % Math.max(target.length, 1), 1);
      else if (isContainer(target)) {
        const keys = Object.keys(target);
        const key = keys[mutation.pick % Math.max(keys.length, 1)];
        if (key !== undefined) delete target[key];
      } else node.set(null);
      break;
    }
    case 'extraKey': {
      const target = node.value;
      if (isContainer(target) && !Array.isArray(target)) setOwn(target, mutation.key, mutation.value);
      else {
        const wrapper: { [key: string]: JsonValue } = {};
        setOwn(wrapper, mutation.key, mutation.value);
        node.set(wrapper);
      }
      break;
    }
  }
  return box.root;
}

/**
 * Raw request text as parts repeated so many times: a 400 KB body or a 100,000-deep bracket stays short
 * when fast-check prints a counterexample.
 */
export type RawText = ReadonlyArray<readonly [text: string, times: number]>;

/** The text a `RawText` stands for. */
export const renderRaw = (raw: RawText): string => raw.map(([text, times]) => text.repeat(times)).join('');

const once = (text: string): RawText => [[text, 1]];

/** Raw request bodies that are not (valid) JSON, or JSON that is not an object. */
export const rawBodyArbitrary: fc.Arbitrary<RawText> = fc.oneof(
  fc.string({ maxLength: 200 }).map(once),
  fc.string({ unit: 'binary', maxLength: 200 }).map(once),
  fc
    .constantFrom(
      '',
      'null',
      'true',
      '42',
      '"text"',
      '[]',
      '{',
      '{"name":',
      '{"a":1,"a":2}',
      '\ufeff{}',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      'name=x&goal=y',
      '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--',
      '1e999',
      '{"weeks":1e999}',
      '{"teamIds":["\\u0000"]}',
      '{"name":"\\ud800"}',
    )
    .map(once),
  fc.integer({ min: 1, max: 100_000 }).map((depth): RawText => [
    ['[', depth],
    [']', depth],
  ]),
  fc.integer({ min: 1, max: 100_000 }).map((depth): RawText => [['{"a":', depth]]),
  fc.integer({ min: 200_000, max: 400_000 }).map((length): RawText => [
    ['{"name":"', 1],
    ['y', length],
    ['"}', 1],
  ]),
);

/** Content types, right and wrong, including ones the JSON parser accepts (`application/*+json`). */
export const contentTypeArbitrary: fc.Arbitrary<string | null> = fc.constantFrom(
  null,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/merge-patch+json',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  'json',
);

/** Content encodings: none mostly, and ones the body parser must refuse or fail to inflate. */
export const contentEncodingArbitrary: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('identity', 'gzip', 'deflate', 'br', 'x-bogus', 'gzip, gzip') },
);

/** Percent-encodes every byte of the UTF-8 form except unreserved characters (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8'))
    out += /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * Keeps a raw string inside one path segment or query value: `/`, `\`, `?`, `#` and `&` are encoded, the
 * rest (`%` sequences valid or not, `..`, unicode) is left for the URL parser and the server.
 */
export function rawComponent(text: string): string {
  return text.replace(/[/\\?#&]/g, (char) => percentEncode(char));
}

/** Path segments that have broken routers: dot segments, NUL, encoded slashes, bad percent escapes. */
export const nastySegments = [
  '..',
  '.',
  '%2e%2e',
  '%00',
  'a%00b',
  '%2F',
  '..%2F..%2Fetc%2Fpasswd',
  '%5C..%5C',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%FF',
  '%u002e',
  '%20',
  '%F0%9F%8E%93',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '0',
  '-1',
] as const;

/**
 * Tables written behind a request rather than by it: `principal_roles` notes the app roles of each
 * person whose request succeeded, after the answer is sent (so never for a refused one; see
 * api/src/http/authenticate.test.ts). Their timing would make a before/after comparison flaky.
 */
const bookkeepingTables: ReadonlySet<string> = new Set(['principal_roles']);

/**
 * A fingerprint of every application table: its row count and a hash of each row version's location and
 * creating transaction (`ctid`, `xmin`). Any insert, update or delete changes it, even an update that
 * writes the same values, and it costs no row serialisation, so it can run around every request.
 */
export async function createFingerprint(db: Kysely<Database>): Promise<() => Promise<string>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'
    order by table_name`.execute(db);
  const names = tables.rows.map((row) => row.table_name).filter((name) => !bookkeepingTables.has(name));
  if (names.length === 0) throw new Error('no tables to fingerprint');
  const query = sql.join(
    names.map(
      (name) =>
        sql`select ${name}::text as t, count(*)::int as n,
          coalesce(md5(string_agg(ctid::text || ':' || xmin::text, ',' order by ctid)), '') as h
          from ${sql.table(name)}`,
    ),
    sql` union all `,
  );
  return async () => {
    const result = await sql<{ t: string; n: number; h: string }>`${query}`.execute(db);
    return result.rows.map((row) => `${row.t}:${row.n}:${row.h}`).join('\n');
  };
}
