// Loads an entry .bicep file with every module it uses, and follows simple expressions across files:
// a module param back to what its caller passes, `mod.outputs.x` into the module, a var to its value.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { get, literal, unwrap } from './bicep-query';
import { parseBicep, type BicepFile, type Decl, type DeclOf, type Value } from './bicep-reader';

/** The entry file and its modules, keyed by path relative to `root` (forward slashes). */
export interface BicepProject {
  readonly root: string;
  readonly entry: string;
  readonly files: ReadonlyMap<string, BicepFile>;
  /** Module paths that point at no file, with the file that names them. */
  readonly missing: readonly { readonly from: string; readonly module: string }[];
}

/** What an expression turned out to be after following params, vars and module outputs. */
export type Resolved =
  | { readonly kind: 'value'; readonly file: BicepFile; readonly value: Value }
  | { readonly kind: 'param'; readonly file: BicepFile; readonly decl: DeclOf<'param'> }
  | {
      readonly kind: 'resource';
      readonly file: BicepFile;
      readonly decl: DeclOf<'resource'>;
      readonly members: readonly string[];
    }
  | { readonly kind: 'opaque'; readonly file: BicepFile; readonly text: string; readonly value?: Value };

/** Reads `entry` (relative to `root`) and, recursively, every module it calls. */
export function loadProject(root: string, entry: string): BicepProject {
  const files = new Map<string, BicepFile>();
  const missing: { from: string; module: string }[] = [];
  const visit = (relative: string): void => {
    if (files.has(relative)) return;
    const file = parseBicep(relative, readFileSync(path.join(root, relative), 'utf8'));
    files.set(relative, file);
    for (const decl of file.decls) {
      if (decl.keyword !== 'module') continue;
      const target = modulePath(file, decl);
      if (existsSync(path.join(root, target))) visit(target);
      else missing.push({ from: relative, module: decl.path });
    }
  };
  visit(entry);
  return { root, entry, files, missing };
}

/** The project-relative path a module declaration points at. */
export function modulePath(file: BicepFile, decl: DeclOf<'module'>): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(file.path), decl.path));
}

/** The declarations of one keyword in a file. */
export function declsOf<K extends Decl['keyword']>(file: BicepFile, keyword: K): DeclOf<K>[] {
  return file.decls.filter((d): d is DeclOf<K> => d.keyword === keyword);
}

/** Every module call in the project that targets `file`, with the calling file. */
export function callersOf(
  project: BicepProject,
  file: BicepFile,
): { caller: BicepFile; call: DeclOf<'module'> }[] {
  return [...project.files.values()].flatMap((caller) =>
    declsOf(caller, 'module')
      .filter((call) => modulePath(caller, call) === file.path)
      .map((call) => ({ caller, call })),
  );
}

/** Every resource of a type (case-insensitive, no API version) in the project. */
export function resourcesOfType(
  project: BicepProject,
  type: string,
): { file: BicepFile; decl: DeclOf<'resource'> }[] {
  return [...project.files.values()].flatMap((file) =>
    declsOf(file, 'resource')
      .filter((decl) => decl.type.toLowerCase() === type.toLowerCase())
      .map((decl) => ({ file, decl })),
  );
}

/**
 * Follows a value: a param of a module to what its single caller passes (or its default), a var to its
 * value, `module.outputs.name` to that output, `resource.member...` to the resource. Anything more
 * complex stays opaque; a param of the entry file stays a param.
 */
export function resolve(
  project: BicepProject,
  file: BicepFile,
  value: Value | undefined,
  depth = 0,
): Resolved {
  const v = unwrap(value);
  if (!v) return { kind: 'opaque', file, text: '' };
  if (v.kind !== 'expr' || literal(v) !== undefined) return { kind: 'value', file, value: v };
  if (depth > 20) return { kind: 'opaque', file, text: v.text, value: v };
  const chain = dottedChain(v);
  const decl = chain && file.decls.find((d) => d.name === chain[0]);
  if (!chain || !decl) return { kind: 'opaque', file, text: v.text, value: v };
  const members = chain.slice(1);
  if (decl.keyword === 'resource') return { kind: 'resource', file, decl, members };
  if (decl.keyword === 'var' && members.length === 0) return resolve(project, file, decl.value, depth + 1);
  if (decl.keyword === 'module' && members[0] === 'outputs' && members.length === 2) {
    const target = project.files.get(modulePath(file, decl));
    const output = target && declsOf(target, 'output').find((o) => o.name === members[1]);
    return target && output
      ? resolve(project, target, output.value, depth + 1)
      : { kind: 'opaque', file, text: v.text, value: v };
  }
  if (decl.keyword === 'param' && members.length === 0) {
    const callers = callersOf(project, file);
    if (callers.length === 1) {
      const { caller, call } = callers[0] as { caller: BicepFile; call: DeclOf<'module'> };
      const passed = get(call.body, 'params', decl.name);
      if (passed) return resolve(project, caller, passed, depth + 1);
    }
    if (callers.length === 0 || decl.defaultValue === undefined) return { kind: 'param', file, decl };
    return resolve(project, file, decl.defaultValue, depth + 1);
  }
  return { kind: 'opaque', file, text: v.text, value: v };
}

/** `a.b.c` as ['a', 'b', 'c'] when the expression is nothing but a dotted name. */
function dottedChain(value: Value): string[] | undefined {
  if (value.kind !== 'expr') return undefined;
  const names: string[] = [];
  for (const [k, token] of value.tokens.entries()) {
    const wantName = k % 2 === 0;
    if (wantName && token.kind !== 'ident') return undefined;
    if (!wantName && token.text !== '.') return undefined;
    if (wantName) names.push(token.text);
  }
  return names.length > 0 && value.tokens.length % 2 === 1 ? names : undefined;
}

/** The literal a value resolves to, if any. */
export function resolvedLiteral(project: BicepProject, file: BicepFile, value: Value | undefined): unknown {
  const resolved = resolve(project, file, value);
  return resolved.kind === 'value' ? literal(resolved.value) : undefined;
}

/** App settings of every web app: `sites/config` named appsettings, or `siteConfig.appSettings`. */
export function appSettings(project: BicepProject): Map<string, { file: BicepFile; value: Value }> {
  const out = new Map<string, { file: BicepFile; value: Value }>();
  for (const { file, decl } of resourcesOfType(project, 'Microsoft.Web/sites/config')) {
    const props = get(decl.body, 'properties');
    if (literal(get(decl.body, 'name')) !== 'appsettings' || props?.kind !== 'object') continue;
    for (const entry of props.entries) out.set(entry.key, { file, value: entry.value });
  }
  for (const { file, decl } of resourcesOfType(project, 'Microsoft.Web/sites')) {
    const list = get(decl.body, 'properties', 'siteConfig', 'appSettings');
    if (list?.kind !== 'array') continue;
    for (const item of list.items) {
      const name = literal(get(item, 'name'));
      const value = get(item, 'value');
      if (typeof name === 'string' && value) out.set(name, { file, value });
    }
  }
  return out;
}
