// $search on directory collections (/users, /groups), as Graph documents it for advanced queries
// (microsoft-graph-docs concepts/search-query-parameter.md, "Using $search on directory object
// collections"):
// - needs `ConsistencyLevel: eventual`, else 400 Request_UnsupportedQuery;
// - clauses `"property:text"` joined by upper-case AND / OR, with parentheses; inside a clause `"` and `\`
//   are escaped with a backslash;
// - displayName and description are searched by tokens (spaces, symbols, digits and lower→upper case
//   changes split words; each searched word must start a word of the value, in any order, any casing);
//   every other string property behaves like `$filter=startswith(property,'text')`.
// The exact error text for a malformed expression is not documented; the simulator answers 400
// BadRequest with a syntax message.
import { badRequest, GraphSimError } from './errors';
import { isEventual } from './odata';
import type { SimRequest } from './context';

/** A parsed $search expression. */
export type SearchExpr =
  | { kind: 'clause'; property: string; text: string }
  | { kind: 'and' | 'or'; left: SearchExpr; right: SearchExpr };

/** Reads the value of a property by name (already matched against the searchable names). */
export type PropertyReader<T> = (item: T, property: string) => string | null;

const syntaxError = (detail: string): GraphSimError =>
  badRequest(`Syntax error: ${detail} in $search query.`);

type Token = { kind: 'clause'; property: string; text: string } | { kind: 'and' | 'or' | 'open' | 'close' };

function lex(raw: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'open' : 'close' });
      i++;
    } else if (ch === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= raw.length) throw syntaxError('unterminated quoted clause');
        const c = raw[i] ?? '';
        if (c === '\\') {
          const next = raw[i + 1];
          if (next !== '"' && next !== '\\') throw syntaxError(`invalid escape '\\${next ?? ''}'`);
          text += next;
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          text += c;
          i++;
        }
      }
      const colon = text.indexOf(':');
      if (colon <= 0) throw syntaxError(`clause '${text}' names no property`);
      tokens.push({ kind: 'clause', property: text.slice(0, colon).trim(), text: text.slice(colon + 1) });
    } else if (raw.startsWith('AND', i) || raw.startsWith('OR', i)) {
      const word = raw.startsWith('AND', i) ? 'AND' : 'OR';
      tokens.push({ kind: word === 'AND' ? 'and' : 'or' });
      i += word.length;
    } else {
      throw syntaxError(`unexpected '${raw.slice(i, i + 20)}'`);
    }
  }
  return tokens;
}

/** Parses a $search value; AND binds tighter than OR. */
export function parseSearch(raw: string): SearchExpr {
  const tokens = lex(raw);
  let at = 0;
  const primary = (): SearchExpr => {
    const token = tokens[at++];
    if (token?.kind === 'clause') return token;
    if (token?.kind === 'open') {
      const inner = or();
      if (tokens[at++]?.kind !== 'close') throw syntaxError('missing closing parenthesis');
      return inner;
    }
    throw syntaxError('expected a quoted clause');
  };
  const and = (): SearchExpr => {
    let left = primary();
    while (tokens[at]?.kind === 'and') {
      at++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): SearchExpr => {
    let left = and();
    while (tokens[at]?.kind === 'or') {
      at++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  if (tokens.length === 0) throw syntaxError('empty expression');
  const expr = or();
  if (at !== tokens.length) throw syntaxError('unexpected text after the expression');
  return expr;
}

/** Words of a value as Graph's directory search splits them (lower-cased). */
export function searchWords(value: string): string[] {
  const spaced = value
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
  return spaced
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function matchesWords(value: string, text: string): boolean {
  const wanted = searchWords(text);
  // Only symbols searched: compare the whole value, as a prefix.
  if (wanted.length === 0) return value.toLowerCase().startsWith(text.trim().toLowerCase());
  const words = searchWords(value);
  // Words separated only by symbols also match joined ("helloworld" finds "hello-world").
  const joined = value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return wanted.every(
    (word) => words.some((candidate) => candidate.startsWith(word)) || joined.startsWith(word),
  );
}

/** True when the item matches the expression; properties outside `searchable` are rejected. */
export function evaluateSearch<T>(expr: SearchExpr, item: T, read: PropertyReader<T>): boolean {
  if (expr.kind !== 'clause')
    return expr.kind === 'and'
      ? evaluateSearch(expr.left, item, read) && evaluateSearch(expr.right, item, read)
      : evaluateSearch(expr.left, item, read) || evaluateSearch(expr.right, item, read);
  const value = read(item, expr.property);
  if (value === null) return false;
  const tokenized = ['displayname', 'description'].includes(expr.property.toLowerCase());
  return tokenized ? matchesWords(value, expr.text) : value.toLowerCase().startsWith(expr.text.toLowerCase());
}

/** Checks every clause names a searchable property (case-insensitive) and spells it canonically. */
export function checkProperties(expr: SearchExpr, searchable: readonly string[], typeName: string): void {
  if (expr.kind !== 'clause') {
    checkProperties(expr.left, searchable, typeName);
    checkProperties(expr.right, searchable, typeName);
    return;
  }
  const match = searchable.find((name) => name.toLowerCase() === expr.property.toLowerCase());
  if (!match) throw badRequest(`Could not find a property named '${expr.property}' on type '${typeName}'.`);
  expr.property = match;
}

/**
 * The request's $search, parsed and checked (null when absent). Graph serves $search only as an advanced
 * query; `raw` is the stored value when a page token carries it (later pages need no header again).
 */
export function searchOf(
  req: SimRequest,
  raw: string | null,
  firstPage: boolean,
  searchable: readonly string[],
  typeName: string,
): SearchExpr | null {
  if (raw === null) return null;
  if (firstPage && !isEventual(req))
    throw new GraphSimError(
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  const expr = parseSearch(raw);
  checkProperties(expr, searchable, typeName);
  return expr;
}
