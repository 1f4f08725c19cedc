// Small helpers the infra test uses on top of the Bicep reader: resolution shortcuts, decorators, ranges.
import { get, identifiers, literal } from './bicep-query';
import { resolve, resolvedLiteral, type BicepProject, type Resolved } from './bicep-project';
import type { BicepFile, DeclOf, Expr, Value } from './bicep-reader';
import type { StringToken, Token } from './bicep-tokens';

/** The expression inside hole `index` of a string, as a value the resolver can follow. */
export function holeValue(token: StringToken, index = 0): Expr {
  const tokens: readonly Token[] = token.holes[index] ?? [];
  const start = tokens[0]?.start ?? token.start;
  const end = tokens.at(-1)?.end ?? token.start;
  return { kind: 'expr', tokens, text: tokens.map((t) => t.text).join(''), start, end };
}

/** A bare name as an expression value (for resolving a param or var by name). */
export function nameExpr(name: string): Expr {
  const token: Token = { kind: 'ident', text: name, start: 0, end: 0 };
  return { kind: 'expr', tokens: [token], text: name, start: 0, end: 0 };
}

/** Params of the entry file that a value is computed from, following module params upwards. */
export function entryParamsBehind(
  project: BicepProject,
  file: BicepFile,
  value: Value | undefined,
): string[] {
  if (!value) return [];
  return identifiers(value).flatMap((name) => {
    if (!file.decls.some((d) => d.keyword === 'param' && d.name === name)) return [];
    const resolved = resolve(project, file, nameExpr(name));
    if (resolved.kind === 'param' && resolved.file.path === project.entry) return [resolved.decl.name];
    return resolved.kind === 'value' || resolved.kind === 'opaque'
      ? entryParamsBehind(project, resolved.file, resolved.value)
      : [];
  });
}

/** Whether two resolved values are the same resource declaration (members aside). */
export function sameResource(a: Resolved, b: Resolved): boolean {
  return a.kind === 'resource' && b.kind === 'resource' && a.file === b.file && a.decl.name === b.decl.name;
}

/** Literal values listed in a param's `@allowed([...])`, or undefined without the decorator. */
export function allowedValues(decl: DeclOf<'param'>): (string | number)[] | undefined {
  const args = decl.decorators.find((d) => d.name === 'allowed')?.args;
  if (!args) return undefined;
  return args.flatMap((t): (string | number)[] =>
    t.kind === 'string' ? [t.parts[0] ?? ''] : t.kind === 'number' ? [Number(t.text)] : [],
  );
}

/** The number in `@minValue(n)` / `@maxValue(n)`, if present. */
export function bound(decl: DeclOf<'param'>, name: 'minValue' | 'maxValue'): number | undefined {
  const args = decl.decorators.find((d) => d.name === name)?.args;
  const text = args?.map((t) => t.text).join('');
  return text === undefined ? undefined : Number(text);
}

/** Whether a resolved value is the given resource (optionally reached through the given members). */
export function isResource(resolved: Resolved, file: BicepFile, name: string, members?: string[]): boolean {
  return (
    resolved.kind === 'resource' &&
    resolved.file === file &&
    resolved.decl.name === name &&
    (members === undefined || resolved.members.join('.') === members.join('.'))
  );
}

/** String literals in a value plus the literals its plain identifiers (vars, params) resolve to. */
export function literalsMentioned(
  project: BicepProject,
  file: BicepFile,
  value: Value | undefined,
): string[] {
  const out: string[] = [];
  if (!value) return out;
  const visit = (tokens: readonly Token[]): void => {
    for (const t of tokens) {
      if (t.kind === 'string') {
        out.push(...t.parts.filter((p) => p !== ''));
        t.holes.forEach(visit);
      }
    }
  };
  visit(value.kind === 'expr' ? value.tokens : value.kind === 'string' ? [value.token] : []);
  for (const name of identifiers(value)) {
    if (!file.decls.some((d) => d.name === name && (d.keyword === 'var' || d.keyword === 'param'))) continue;
    const resolved = resolve(project, file, nameExpr(name));
    const found = resolved.kind === 'value' ? literal(resolved.value) : undefined;
    if (typeof found === 'string') out.push(found);
  }
  return out;
}

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(text.trim());
  if (!match) return undefined;
  const num = (part: string | undefined): number =>
    part === undefined || /[x*]/.test(part) ? 0 : Number(part);
  return [num(match[1]), num(match[2]), num(match[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether a version satisfies an npm-style range made of `||`, `>=`, `>`, `<`, `<=`, `^`, `~`, exact. */
export function satisfiesRange(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v) throw new Error(`Not a version: ${version}`);
  return range.split('||').some((set) =>
    set
      .trim()
      .split(/\s+/)
      .filter((c) => c !== '')
      .every((comparator) => {
        const match = /^(>=|<=|>|<|\^|~|=)?(.+)$/.exec(comparator);
        const bound = match?.[2] ? parseVersion(match[2]) : undefined;
        if (!match || !bound) throw new Error(`Unsupported range ${range}`);
        const c = compare(v, bound);
        switch (match[1]) {
          case '>=':
            return c >= 0;
          case '>':
            return c > 0;
          case '<=':
            return c <= 0;
          case '<':
            return c < 0;
          case '^':
            return c >= 0 && v[0] === bound[0];
          case '~':
            return c >= 0 && v[0] === bound[0] && v[1] === bound[1];
          default:
            return c === 0;
        }
      }),
  );
}

/**
 * Delegation service names of a subnet reached as `existing` child of a VNet: the subnet is looked up by
 * name in the VNet's inline `properties.subnets`, where the delegations are declared.
 */
export function subnetDelegations(project: BicepProject, subnet: Resolved): unknown[] {
  if (subnet.kind !== 'resource') return [];
  const vnet = resolve(project, subnet.file, get(subnet.decl.body, 'parent'));
  if (vnet.kind !== 'resource') return [];
  const name = resolvedLiteral(project, subnet.file, get(subnet.decl.body, 'name'));
  const declared = get(vnet.decl.body, 'properties', 'subnets');
  const inline = (declared?.kind === 'array' ? declared.items : []).find(
    (item) => resolvedLiteral(project, vnet.file, get(item, 'name')) === name,
  );
  const delegations = get(inline, 'properties', 'delegations');
  return (delegations?.kind === 'array' ? delegations.items : []).map((d) =>
    literal(get(d, 'properties', 'serviceName')),
  );
}
