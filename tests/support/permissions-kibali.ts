// Reads Microsoft's permissions.json (Kibali format): which permissions a method, path and scheme accept.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PathSet {
  readonly schemeKeys: readonly string[];
  readonly methods: readonly string[];
  readonly paths: Readonly<Record<string, string>>;
}

/** permissions.json as far as these tests read it. */
export interface KibaliFile {
  readonly permissions: Readonly<
    Record<
      string,
      {
        readonly schemes: Readonly<Record<string, { requiresAdminConsent?: boolean } | undefined>>;
        readonly pathSets?: readonly PathSet[];
      }
    >
  >;
}

/** One permission permissions.json lists for a method, path and scheme. */
export interface Grant {
  readonly permission: string;
  /** Marked `least=` for the scheme. */
  readonly least: boolean;
}

/** Where the reference copy lives: beside the repository (shared checkout) or inside it. */
export function findReference(root: string, relative: string): string | undefined {
  return [join(root, 'reference', relative), join(root, '../shared/reference', relative)].find((file) =>
    existsSync(file),
  );
}

/** Loads permissions.json. */
export function loadKibali(file: string): KibaliFile {
  return JSON.parse(readFileSync(file, 'utf8')) as KibaliFile;
}

/** permissions.json compares paths case-insensitively and treats any `{…}` as a placeholder. */
const key = (path: string): string => path.toLowerCase().replace(/\{[^}]*\}/g, '{}');

/** The permissions listed for exactly this path (no normalisation beyond case and placeholders). */
function exact(file: KibaliFile, method: string, path: string, scheme: string): Grant[] {
  const grants: Grant[] = [];
  for (const [permission, entry] of Object.entries(file.permissions))
    for (const set of entry.pathSets ?? []) {
      if (!set.methods.includes(method) || !set.schemeKeys.includes(scheme)) continue;
      for (const [listed, rule] of Object.entries(set.paths))
        if (key(listed) === key(path)) {
          const least = (/least=([^;]*)/.exec(rule)?.[1] ?? '').split(',').includes(scheme);
          grants.push({ permission, least });
        }
    }
  return grants;
}

/**
 * The permissions permissions.json accepts for a request. A trailing OData type cast
 * (`/transitiveMembers/microsoft.graph.user`) narrows a collection without changing its authorisation,
 * and permissions.json lists most collections without it: the cast is dropped when the full path is
 * not listed. Returns null when permissions.json does not know the path at all.
 */
export function grantsFor(file: KibaliFile, method: string, path: string, scheme: string): Grant[] | null {
  const known = (candidate: string): boolean =>
    ['DelegatedWork', 'Application'].some((any) => exact(file, method, candidate, any).length > 0);
  let candidate = path;
  if (!known(candidate)) candidate = path.replace(/\/microsoft\.graph\.[A-Za-z]+$/, '');
  if (!known(candidate)) return null;
  return exact(file, method, candidate, scheme);
}
