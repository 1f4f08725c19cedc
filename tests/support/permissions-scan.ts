// Finds the Microsoft Graph requests in source text: `.api(…)` calls, `$batch` items (`url:`), the
// first-page path literals that dynamic calls start from, `$expand` navigations, and absolute Graph URLs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** How a scanned request arises (a first-page literal counts as a call: a dynamic `.api(url)` sends it). */
export type ScannedVia = 'call' | '$batch' | '$expand';

/** One Graph request found in the code, its path normalised the way permissions.json writes paths. */
export interface ScannedRequest {
  readonly file: string;
  readonly line: number;
  readonly method: string;
  readonly path: string;
  readonly via: ScannedVia;
}

/** A call whose path the scanner cannot read: `.api(<expression>)`, `url: <expression>`, `.expand(<expression>)`. */
export interface DynamicSite {
  readonly file: string;
  readonly line: number;
  /** E.g. `.api(link)` or `url: item.url`. */
  readonly site: string;
  /** The HTTP method of an `.api(…)` chain (`url:` items are always GET in batch.ts). */
  readonly method: string;
}

/** Values a template expression stands for, e.g. `spec.fn` → every report function name. */
export type Expansions = ReadonlyMap<string, readonly string[]>;

const terminal = new Set(['get', 'post', 'put', 'patch', 'delete', 'del']);
const graphRoot = /^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)(\/.*)?$/;
const mark = (index: number): string => `\u0001${index}\u0001`;

interface Literal {
  readonly raw: string;
  readonly expressions: readonly string[];
}

function literalOf(node: ts.Node, source: ts.SourceFile): Literal | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return { raw: node.text, expressions: [] };
  if (!ts.isTemplateExpression(node)) return null;
  let raw = node.head.text;
  const expressions: string[] = [];
  for (const span of node.templateSpans) {
    raw += mark(expressions.length) + span.literal.text;
    expressions.push(span.expression.getText(source));
  }
  return { raw, expressions };
}

/** Normalises one literal to Kibali-form paths (several when an expression expands) and its `$expand` names. */
export function normalise(
  literal: Literal,
  file: string,
  expansions: ReadonlyMap<string, Expansions>,
): { paths: string[]; expands: string[] } {
  const cut = literal.raw.indexOf('?');
  const pathPart = cut < 0 ? literal.raw : literal.raw.slice(0, cut);
  const query = cut < 0 ? '' : literal.raw.slice(cut + 1);
  // Function parameters: getX(period='D30') / getX(date=2026-01-01) → getX(period={value}).
  const withParams = pathPart.replace(/\(([^()]*)\)/g, (_all, args: string) => {
    const names = args.split(',').map((arg) => arg.split('=')[0]?.trim() ?? '');
    return `(${names.map((name) => `${name}={value}`).join(',')})`;
  });
  let paths = [withParams];
  literal.expressions.forEach((expression, index) => {
    const values = expansions.get(file)?.get(expression);
    paths = paths.flatMap((path) =>
      values ? values.map((value) => path.replace(mark(index), value)) : [path.replace(mark(index), '{id}')],
    );
  });
  const expand = /(?:^|&)\$expand=([^&]*)/.exec(query)?.[1] ?? '';
  return { paths, expands: expand ? expandNames(expand) : [] };
}

/** Top-level navigation names of an `$expand` value: `manager($levels=3;$select=id),x` → manager, x. */
export function expandNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  names.push(current);
  return names.map((name) => name.split('(')[0]?.trim() ?? '').filter(Boolean);
}

/** The path of a navigation expanded on every item of `path` (a collection) or on `path` itself (an entity). */
export function navigationPath(path: string, name: string): string {
  const last = path.split('/').pop() ?? '';
  const entity = last === 'me' || last === '{id}';
  return `${path}${entity ? '' : '/{id}'}/${name}`;
}

/** Scans one file's text. */
export function scanSource(
  file: string,
  text: string,
  expansions: ReadonlyMap<string, Expansions> = new Map(),
): { requests: ScannedRequest[]; dynamic: DynamicSite[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const requests: ScannedRequest[] = [];
  const dynamic: DynamicSite[] = [];
  const consumed = new Set<ts.Node>();
  // A file that calls Graph: an `.api(…)` call or a `batchGet(…)` (its items carry the paths).
  let graphFile = false;
  const detect = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'api') graphFile = true;
      if (ts.isIdentifier(callee) && callee.text === 'batchGet') graphFile = true;
    }
    if (!graphFile) ts.forEachChild(node, detect);
  };
  detect(source);
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const add = (node: ts.Node, method: string, literal: Literal, via: ScannedVia, extra: string[] = []) => {
    const { paths, expands } = normalise(literal, file, expansions);
    for (const path of paths) {
      requests.push({ file, line: lineOf(node), method, path, via });
      for (const name of [...expands, ...extra])
        requests.push({ file, line: lineOf(node), method, path: navigationPath(path, name), via: '$expand' });
    }
  };

  const visitApi = (call: ts.CallExpression): void => {
    // Walk the fluent chain: .api(x).header(…).expand(…).get()
    let node: ts.Node = call;
    let method = 'GET';
    const expandNamesFound: string[] = [];
    for (;;) {
      const access = node.parent;
      if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== node) break;
      const next = access.parent;
      if (!next || !ts.isCallExpression(next) || next.expression !== access) break;
      const name = access.name.text;
      if (name === 'expand') {
        const arg = next.arguments[0];
        const literal = arg ? literalOf(arg, source) : null;
        if (arg && literal) {
          consumed.add(arg);
          expandNamesFound.push(...expandNames(literal.raw));
        } else if (arg)
          dynamic.push({ file, line: lineOf(arg), site: `.expand(${arg.getText(source)})`, method: '' });
      }
      if (terminal.has(name)) {
        method = name === 'del' ? 'DELETE' : name.toUpperCase();
        break;
      }
      node = next;
    }
    const arg = call.arguments[0];
    if (!arg) return;
    const literal = literalOf(arg, source);
    if (!literal) {
      dynamic.push({ file, line: lineOf(arg), site: `.api(${arg.getText(source)})`, method });
      return;
    }
    consumed.add(arg);
    add(arg, method, literal, 'call', expandNamesFound);
  };

  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'api'
    )
      visitApi(node);
    if (
      graphFile &&
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'url'
    ) {
      const literal = literalOf(node.initializer, source);
      if (!literal)
        dynamic.push({
          file,
          line: lineOf(node),
          site: `url: ${node.initializer.getText(source)}`,
          method: 'GET',
        });
      else if (literal.raw.startsWith('/')) {
        consumed.add(node.initializer);
        add(node.initializer, 'GET', literal, '$batch');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // Path literals not handed to .api() or url: directly, i.e. the first page a dynamic `.api(url)` sends,
  // and absolute Graph URLs sent with fetch.
  const visitLiterals = (node: ts.Node): void => {
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)
        ? literalOf(node, source)
        : null;
    if (literal && !consumed.has(node)) {
      const absolute = graphRoot.exec(literal.raw);
      if (absolute) add(node, 'GET', { ...literal, raw: absolute[2] ?? '/' }, 'call');
      else if (graphFile && /^\/[A-Za-z$]/.test(literal.raw)) add(node, 'GET', literal, 'call');
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visitLiterals);
  };
  visitLiterals(source);
  return { requests, dynamic };
}

/** Non-test `.ts` files under `dir` (relative to `root`, `/`-separated), skipping `demo/` folders. */
export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const file = `${dir}/${name}`;
    if (statSync(join(root, file)).isDirectory()) return name === 'demo' ? [] : sourceFiles(root, file);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Scans every file `sourceFiles` lists. */
export function scanTree(
  root: string,
  dir: string,
  expansions: ReadonlyMap<string, Expansions> = new Map(),
): { requests: ScannedRequest[]; dynamic: DynamicSite[] } {
  const requests: ScannedRequest[] = [];
  const dynamic: DynamicSite[] = [];
  for (const file of sourceFiles(root, dir)) {
    const found = scanSource(file, readFileSync(join(root, file), 'utf8'), expansions);
    requests.push(...found.requests);
    dynamic.push(...found.dynamic);
  }
  return { requests, dynamic };
}
