// Questions asked of a parsed Bicep file: values at key paths, literals, and where names are used.
import type { BicepFile, Decl, Value } from './bicep-reader';
import { flatten, type Token } from './bicep-tokens';

/** A use of a name in an expression. */
export interface Reference {
  readonly name: string;
  readonly start: number;
  readonly decl: Decl | undefined;
}

const keywords = new Set(['param', 'var', 'resource', 'module', 'output', 'existing', 'if', 'for', 'in']);
const literals = new Set(['true', 'false', 'null']);
/** The object a resource or module body describes (looking through `if (...)`). */
export function unwrap(value: Value | undefined): Value | undefined {
  return value?.kind === 'conditional' ? unwrap(value.body) : value;
}

/** The value at a key path inside nested objects, or undefined. */
export function get(value: Value | undefined, ...keys: string[]): Value | undefined {
  let current = unwrap(value);
  for (const key of keys) {
    if (current?.kind !== 'object') return undefined;
    current = unwrap(current.entries.find((entry) => entry.key === key)?.value);
  }
  return current;
}

/** A string without holes, a number or a boolean; undefined for anything computed. */
export function literal(value: Value | undefined): string | number | boolean | undefined {
  if (value?.kind === 'string') return value.token.holes.length === 0 ? value.token.parts[0] : undefined;
  if (value?.kind !== 'expr' || value.tokens.length !== 1) return undefined;
  const text = value.text;
  if (text === 'true' || text === 'false') return text === 'true';
  return /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** The key path from `value` down to the source offset `offset` (empty when it is not inside an entry). */
export function pathAt(value: Value, offset: number): string[] {
  const inside = (v: { start: number; end: number }): boolean => offset >= v.start && offset < v.end;
  if (value.kind === 'conditional') return pathAt(value.body, offset);
  if (value.kind === 'object') {
    for (const entry of value.entries) {
      if (inside(entry.keyToken)) return [entry.key];
      if (inside(entry.value)) return [entry.key, ...pathAt(entry.value, offset)];
    }
  }
  if (value.kind === 'array') {
    const index = value.items.findIndex(inside);
    if (index >= 0) return [String(index), ...pathAt(value.items[index] as Value, offset)];
  }
  return [];
}

/** Every use of a name in the file: not a key, member, function, keyword, type or declaration name. */
export function references(file: BicepFile): Reference[] {
  const out: Reference[] = [];
  const scan = (tokens: readonly Token[]): void => {
    tokens.forEach((token, k) => {
      if (token.kind === 'string') token.holes.forEach(scan);
      if (token.kind !== 'ident' || file.nonReferences.has(token.start)) return;
      if (keywords.has(token.text) || literals.has(token.text)) return;
      const prev = tokens[k - 1];
      const next = tokens[k + 1];
      if (prev && ['.', '?.', '::', '@'].includes(prev.text)) return;
      if (next?.text === '(') return;
      const atLineStart = !prev || prev.kind === 'newline' || prev.text === '{' || prev.text === ',';
      if (next?.text === ':' && atLineStart) return;
      out.push({
        name: token.text,
        start: token.start,
        decl: file.decls.find((d) => d.start <= token.start && token.start < d.end),
      });
    });
  };
  scan(file.tokens);
  return out;
}

/** Every identifier token of a value, holes included (for "does this expression mention X"). */
export function identifiers(value: Value | readonly Token[]): string[] {
  const tokens = Array.isArray(value) ? (value as readonly Token[]) : tokensOf(value as Value);
  return flatten(tokens)
    .filter((t) => t.kind === 'ident')
    .map((t) => t.text);
}

function tokensOf(value: Value): readonly Token[] {
  switch (value.kind) {
    case 'expr':
      return value.tokens;
    case 'string':
      return [value.token];
    case 'conditional':
      return [...value.condition, ...tokensOf(value.body)];
    case 'array':
      return value.items.flatMap(tokensOf);
    case 'object':
      return value.entries.flatMap((entry) => [entry.keyToken, ...tokensOf(entry.value)]);
  }
}
