// Reads a Bicep file into its top-level declarations (param, var, resource, module, output) and their
// bodies as a small value tree (objects, arrays, strings, and everything else as raw expressions).
import { BicepSyntaxError, tokenize, type StringToken, type Token } from './bicep-tokens';

/** A parsed value; `start`/`end` are source offsets. */
export type Value =
  | {
      readonly kind: 'object';
      readonly entries: readonly Entry[];
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'array'; readonly items: readonly Value[]; readonly start: number; readonly end: number }
  | { readonly kind: 'string'; readonly token: StringToken; readonly start: number; readonly end: number }
  | Expr
  | {
      readonly kind: 'conditional';
      readonly condition: readonly Token[];
      readonly body: Value;
      readonly start: number;
      readonly end: number;
    };

/** Anything that is not an object, array, string or `if (...) {...}`: kept as tokens and source text. */
export interface Expr {
  readonly kind: 'expr';
  readonly tokens: readonly Token[];
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One `key: value` line of an object. */
export interface Entry {
  readonly key: string;
  readonly keyToken: Token;
  readonly value: Value;
}

/** `@name(args)` before a declaration. */
export interface Decorator {
  readonly name: string;
  readonly args: readonly Token[];
}

interface DeclBase {
  readonly name: string;
  readonly nameToken: Token;
  readonly decorators: readonly Decorator[];
  readonly start: number;
  readonly end: number;
}

/** A top-level declaration. */
export type Decl =
  | (DeclBase & {
      readonly keyword: 'param';
      readonly type: string;
      readonly secure: boolean;
      readonly defaultValue?: Value;
    })
  | (DeclBase & { readonly keyword: 'var'; readonly value: Value })
  | (DeclBase & { readonly keyword: 'output'; readonly type: string; readonly value: Value })
  | (DeclBase & {
      readonly keyword: 'resource';
      readonly type: string;
      readonly apiVersion: string;
      readonly existing: boolean;
      readonly body: Value;
    })
  | (DeclBase & { readonly keyword: 'module'; readonly path: string; readonly body: Value });

/** A declaration of one keyword. */
export type DeclOf<K extends Decl['keyword']> = Extract<Decl, { keyword: K }>;

/** One parsed .bicep file. */
export interface BicepFile {
  readonly path: string;
  readonly source: string;
  readonly tokens: readonly Token[];
  readonly decls: readonly Decl[];
  /** Offsets of tokens that name things rather than refer to them (declaration names, types). */
  readonly nonReferences: ReadonlySet<number>;
}

const ignoredStatements = new Set([
  'targetScope',
  'metadata',
  'import',
  'extension',
  'using',
  'type',
  'func',
]);

/** Parses one file; throws BicepSyntaxError on anything it does not understand. */
export function parseBicep(path: string, source: string): BicepFile {
  const tokens = tokenize(source);
  const decls: Decl[] = [];
  const nonReferences = new Set<number>();
  let decorators: Decorator[] = [];
  let i = 0;
  const fail = (message: string, at: number): never => {
    throw new BicepSyntaxError(`${path}: ${message}`, source, tokens[at]?.start ?? source.length);
  };
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (token.kind === 'newline') {
      i++;
      continue;
    }
    if (token.text === '@') {
      let j = i + 1;
      let name = tokens[j]?.text ?? '';
      if (tokens[j + 1]?.text === '.') name = tokens[(j += 2)]?.text ?? '';
      const open = j + 1;
      const close = tokens[open]?.text === '(' ? matchClose(tokens, open) : j;
      decorators.push({ name, args: tokens.slice(open + 1, close) });
      i = close + 1;
      continue;
    }
    const end = statementEnd(tokens, i);
    const statement = tokens.slice(i, end);
    const keyword = token.text;
    const nameToken = statement[1];
    if (ignoredStatements.has(keyword)) {
      i = end;
      continue;
    }
    if (token.kind !== 'ident' || !nameToken || nameToken.kind !== 'ident') fail('Unexpected statement', i);
    const ident = nameToken as Token;
    nonReferences.add(ident.start);
    const base = {
      name: ident.text,
      nameToken: ident,
      decorators,
      start: token.start,
      end: (statement.at(-1) as Token).end,
    };
    const equals = statement.findIndex((t, k) => t.text === '=' && depthAt(statement, k) === 0);
    const after = (from: number): Value => parseValue(statement.slice(from), source, path);
    if (keyword === 'param' || keyword === 'output') {
      const typeEnd = equals < 0 ? statement.length : equals;
      const typeTokens = statement.slice(2, typeEnd);
      for (const t of typeTokens) nonReferences.add(t.start);
      const type = typeTokens.map((t) => t.text).join(' ');
      if (keyword === 'output') {
        if (equals < 0) fail('Output without a value', i);
        decls.push({ ...base, keyword, type, value: after(equals + 1) });
      } else {
        const secure = decorators.some((d) => d.name === 'secure');
        decls.push({
          ...base,
          keyword,
          type,
          secure,
          ...(equals < 0 ? {} : { defaultValue: after(equals + 1) }),
        });
      }
    } else if (keyword === 'var') {
      if (equals !== 2) fail('Malformed var', i);
      decls.push({ ...base, keyword, value: after(equals + 1) });
    } else if (keyword === 'resource' || keyword === 'module') {
      const target = statement[2];
      if (target?.kind !== 'string' || target.holes.length > 0 || equals < 0) fail(`Malformed ${keyword}`, i);
      const text = (target as StringToken).parts[0] ?? '';
      if (keyword === 'module') {
        decls.push({ ...base, keyword, path: text, body: after(equals + 1) });
      } else {
        const [type = '', apiVersion = ''] = text.split('@');
        const existing = statement[3]?.text === 'existing';
        decls.push({ ...base, keyword, type, apiVersion, existing, body: after(equals + 1) });
      }
    } else {
      fail(`Unknown keyword ${keyword}`, i);
    }
    decorators = [];
    i = end;
  }
  return { path, source, tokens, decls, nonReferences };
}

/** Index of the bracket that closes the one at `open`. */
function matchClose(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const text = (tokens[k] as Token).text;
    if (tokens[k]?.kind !== 'punct') continue;
    if (text === '{' || text === '[' || text === '(') depth++;
    if (text === '}' || text === ']' || text === ')') depth--;
    if (depth === 0) return k;
  }
  return tokens.length - 1;
}

function depthAt(tokens: readonly Token[], index: number): number {
  let depth = 0;
  for (let k = 0; k < index; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'punct') continue;
    if ('{[('.includes(t.text)) depth++;
    if ('}])'.includes(t.text)) depth--;
  }
  return depth;
}

/** Index just past the statement starting at `from`: the first newline outside brackets. */
function statementEnd(tokens: readonly Token[], from: number): number {
  let k = from;
  while (k < tokens.length) {
    const t = tokens[k] as Token;
    if (t.kind === 'newline') return k;
    k = t.kind === 'punct' && '{[('.includes(t.text) ? matchClose(tokens, k) + 1 : k + 1;
  }
  return k;
}

function trim(tokens: readonly Token[]): readonly Token[] {
  let a = 0;
  let b = tokens.length;
  while (a < b && tokens[a]?.kind === 'newline') a++;
  while (b > a && tokens[b - 1]?.kind === 'newline') b--;
  return tokens.slice(a, b);
}

function parseValue(raw: readonly Token[], source: string, path: string): Value {
  const tokens = trim(raw);
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last) throw new BicepSyntaxError(`${path}: Missing value`, source, raw[0]?.start ?? 0);
  const span = { start: first.start, end: last.end };
  const whole = first.kind === 'punct' && matchClose(tokens, 0) === tokens.length - 1;
  if (whole && first.text === '{') return { kind: 'object', entries: entries(tokens, source, path), ...span };
  if (whole && first.text === '[' && tokens[1]?.text !== 'for') {
    return { kind: 'array', items: items(tokens.slice(1, -1), source, path), ...span };
  }
  if (first.text === 'if' && tokens[1]?.text === '(') {
    const close = matchClose(tokens, 1);
    const body = parseValue(tokens.slice(close + 1), source, path);
    return { kind: 'conditional', condition: tokens.slice(2, close), body, ...span };
  }
  if (tokens.length === 1 && first.kind === 'string') return { kind: 'string', token: first, ...span };
  return { kind: 'expr', tokens, text: source.slice(span.start, span.end), ...span };
}

/** Splits bracket contents at newlines and commas outside nested brackets. */
function segments(tokens: readonly Token[]): (readonly Token[])[] {
  const out: Token[][] = [[]];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'newline' || t.text === ',') {
      out.push([]);
    } else if (t.kind === 'punct' && '{[('.includes(t.text)) {
      const close = matchClose(tokens, k);
      (out.at(-1) as Token[]).push(...tokens.slice(k, close + 1));
      k = close;
    } else {
      (out.at(-1) as Token[]).push(t);
    }
  }
  return out.filter((segment) => segment.length > 0);
}

function entries(tokens: readonly Token[], source: string, path: string): Entry[] {
  return segments(tokens.slice(1, -1)).map((segment) => {
    const keyToken = segment[0] as Token;
    if (segment[1]?.text !== ':' || (keyToken.kind !== 'ident' && keyToken.kind !== 'string'))
      throw new BicepSyntaxError(`${path}: Expected "key: value"`, source, keyToken.start);
    const key =
      keyToken.kind === 'string' && keyToken.holes.length === 0 ? (keyToken.parts[0] ?? '') : keyToken.text;
    return { key, keyToken, value: parseValue(segment.slice(2), source, path) };
  });
}

function items(tokens: readonly Token[], source: string, path: string): Value[] {
  return segments(tokens).map((segment) => parseValue(segment, source, path));
}
