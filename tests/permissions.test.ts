// Least privilege, end to end: the Graph requests in the code, the catalogue of them
// (api/src/graph/graph-permissions.ts), Microsoft's permission data, docs/permissions.md, the Entra
// registration an admin applies (infra/aad.manifest.json) and the demo tenant must all agree.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { roleNames } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { demoAppPermissions, demoDelegatedScopes } from '../api/src/demo/demo-environment';
import { COLLECTOR_APP_PERMISSIONS } from '../api/src/demo/graph-sim/standalone';
import { reportSpecs } from '../api/src/graph/collectors/report-columns';
import { directorySearchScopes } from '../api/src/graph/directory-search';
import {
  graphRequests,
  permissionFreeGraphRequests,
  type GraphScheme,
} from '../api/src/graph/graph-permissions';
import { userDirectoryScopes } from '../api/src/graph/user-directory';
import { appPermissions, delegatedScopes } from '../api/src/services/admin-service';
import { readPermissionTable } from './support/permissions-docs';
import { findReference, grantsFor, loadKibali } from './support/permissions-kibali';
import { lifecycleActions, readAadManifest } from './support/permissions-manifest';
import { scanTree, sourceFiles } from './support/permissions-scan';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
const kibaliFile = findReference(root, 'graph/permissions.json');
const platformFile = findReference(root, 'teams-platform.md');

/**
 * Template expressions that stand for a known list rather than an id: the daily series request one
 * report function per ReportSpec (`/reports/${spec.fn}(date=…)`).
 */
const expansions = new Map([
  ['api/src/graph/collectors/daily-activity.ts', new Map([['spec.fn', reportSpecs.map((spec) => spec.fn)]])],
]);

/** Call sites whose path is not a literal, and why each needs no catalogue entry of its own. */
const knownDynamicSites: Readonly<Record<string, string>> = {
  'api/src/graph/collectors/team-structure.ts .api(link)':
    '@odata.nextLink pages of /teams/{id}/members, /teams/{id}/channels and transitiveMembers: same path',
  'api/src/graph/collectors/channel-messages.ts .api(url)':
    'the `first` messages literal, or the next link of its pages stored in the journal: same path',
  'api/src/graph/collectors/channel-messages.ts .api(replyLink)':
    'replies@odata.nextLink: pages of …/messages/{id}/replies, the path $expand=replies reads',
  'api/src/graph/collectors/org-chart.ts .api(url)':
    'the `first` /users literal, or the next link of its pages stored in the journal: same path',
  'api/src/graph/collectors/daily-activity.ts .api(location)':
    'the 302 Location of a report: a pre-authenticated download link on the reports host, not a Graph path',
  'api/src/graph/pacing/batch.ts url: item.url': 'passes on the `url:` literals of the batch items',
};

const scanned = scanTree(root, 'api/src', expansions);

type Pair = `${string} ${GraphScheme}`;
const pairs = (list: ReadonlyArray<{ permission: string; scheme: GraphScheme | null }>): Pair[] =>
  [...new Set(list.map(({ permission, scheme }) => `${permission} ${scheme ?? '?'}` as Pair))].sort();
const catalogued = pairs(graphRequests);
const ofScheme = (scheme: GraphScheme): string[] =>
  [...new Set(graphRequests.filter((r) => r.scheme === scheme).map((r) => r.permission))].sort();
const sorted = (list: readonly string[]): string[] => [...new Set(list)].sort();
const docRows = readPermissionTable(read('docs/permissions.md'));
const manifest = readAadManifest(read('infra/aad.manifest.json'));

describe('a. the code’s Graph calls and the catalogue', () => {
  it('catalogues every Graph path literal of the production code', () => {
    const free = new Set(permissionFreeGraphRequests.map((r) => `${r.method} ${r.path}`));
    const missing = scanned.requests.filter(
      (found) =>
        !free.has(`${found.method} ${found.path}`) &&
        !graphRequests.some(
          (entry) =>
            entry.method === found.method &&
            entry.path === found.path &&
            entry.via === found.via &&
            entry.sources.includes(found.file),
        ),
    );
    expect(missing.map((m) => `${m.method} ${m.path} (${m.via}) at ${m.file}:${m.line}`)).toEqual([]);
  });

  it('has no stale entries: each is made by every file it names, as it says', () => {
    const made = (method: string, path: string, file: string, via?: string): boolean =>
      scanned.requests.some(
        (r) => r.method === method && r.path === path && r.file === file && (!via || r.via === via),
      );
    const stale = [
      ...graphRequests.flatMap((e) =>
        e.sources
          .filter((f) => !made(e.method, e.path, f, e.via))
          .map((f) => `${e.method} ${e.path} (${e.via}) in ${f}`),
      ),
      ...permissionFreeGraphRequests.flatMap((e) =>
        e.sources.filter((f) => !made(e.method, e.path, f)).map((f) => `${e.method} ${e.path} in ${f}`),
      ),
    ];
    expect(stale).toEqual([]);
  });

  it('is a declaration: no production file imports the catalogue', () => {
    const importers = sourceFiles(root, 'api/src').filter((file) => /graph-permissions['"]/.test(read(file)));
    expect(importers).toEqual([]);
  });

  it('knows every dynamic call site and why it needs no entry; each is a GET', () => {
    const sites = scanned.dynamic.map((site) => `${site.file} ${site.site}`);
    expect(sorted(sites)).toEqual(sorted(Object.keys(knownDynamicSites)));
    expect(scanned.dynamic.filter((site) => site.method !== 'GET').map((site) => site.site)).toEqual([]);
  });

  it('uses delegated permissions only where the tab’s token is exchanged, for the scopes that file asks', () => {
    const compose = read('api/src/compose.ts');
    const delegatedFiles: Record<string, readonly string[]> = {
      'api/src/graph/user-directory.ts': userDirectoryScopes,
      'api/src/graph/directory-search.ts': Object.values(directorySearchScopes).flat(),
    };
    // compose.ts hands exactly these two adapters a client built from tokens.forUser (on behalf of).
    for (const factory of ['createGraphUserDirectory(', 'createGraphDirectorySearch('])
      expect(compose.slice(compose.indexOf(factory), compose.indexOf(factory) + 400)).toContain(
        'tokens.forUser(',
      );
    expect(compose.split('tokens.forUser(').length - 1).toBe(Object.keys(delegatedFiles).length);
    for (const entry of graphRequests)
      for (const file of entry.sources) {
        const scopes = delegatedFiles[file];
        if (entry.scheme === 'DelegatedWork')
          expect(scopes, `${entry.path} in ${file}`).toContain(entry.permission);
        else expect(scopes, `${entry.path} in ${file} runs app-only`).toBeUndefined();
      }
    expect(sorted(Object.values(delegatedFiles).flat())).toEqual(ofScheme('DelegatedWork'));
  });
});

describe('b. Microsoft’s permission data (permissions.json)', () => {
  it('knows each catalogued path and grants the chosen permission for it under its scheme', () => {
    expect(kibaliFile, 'reference/graph/permissions.json').toBeDefined();
    const kibali = loadKibali(kibaliFile ?? '');
    for (const entry of graphRequests) {
      const grants = grantsFor(kibali, entry.method, entry.path, entry.scheme);
      expect(grants, `${entry.method} ${entry.path} unknown to permissions.json`).not.toBeNull();
      const granted = (grants ?? []).some((grant) => grant.permission === entry.permission);
      // A documented gap must still be one, or its note (and the doc's) is stale.
      expect(
        granted,
        `${entry.permission} for ${entry.path} (${entry.scheme}); gap: ${entry.gap ?? 'none'}`,
      ).toBe(entry.gap === undefined);
    }
  });

  it('gives the reason on the doc’s row when the permission is not the least, or not listed', () => {
    const kibali = loadKibali(kibaliFile ?? '');
    for (const entry of graphRequests) {
      const grants = grantsFor(kibali, entry.method, entry.path, entry.scheme) ?? [];
      const least = grants.some((grant) => grant.permission === entry.permission && grant.least);
      if (least) continue;
      const rows = docRows.filter(
        (row) =>
          row.permission === entry.permission &&
          row.scheme === entry.scheme &&
          entry.sources.some((file) => row.files.includes(file)),
      );
      const reason = entry.gap === undefined ? /\bleast\b/i : /not listed/i;
      expect(
        rows.some((row) => reason.test(row.text)),
        `${entry.permission} for ${entry.path}`,
      ).toBe(true);
    }
  });
});

describe('c. one set of permissions everywhere', () => {
  it('docs/permissions.md lists exactly the catalogued permissions with their type', () => {
    expect(pairs(docRows)).toEqual(catalogued);
  });

  it('the Entra registration requests exactly the catalogued permissions (Scope = delegated, Role = app)', () => {
    const types: Record<string, GraphScheme> = { Scope: 'DelegatedWork', Role: 'Application' };
    expect(manifest.requiredResourceAccess.map((resource) => resource.resourceAppId)).toEqual([
      'Microsoft Graph',
    ]);
    const access = manifest.requiredResourceAccess.flatMap((resource) => resource.resourceAccess);
    expect(access.length).toBe(new Set(access.map((a) => `${a.id} ${a.type}`)).size);
    expect(pairs(access.map((a) => ({ permission: a.id, scheme: types[a.type] ?? null })))).toEqual(
      catalogued,
    );
  });

  it('the demo tenant grants exactly what production asks', () => {
    expect(sorted(demoAppPermissions)).toEqual(ofScheme('Application'));
    expect(sorted(demoDelegatedScopes)).toEqual(ofScheme('DelegatedWork'));
  });

  it('the Admin page’s consent check lists exactly the catalogued permissions', () => {
    expect(sorted(appPermissions.map((entry) => entry.permission))).toEqual(ofScheme('Application'));
    expect(sorted(delegatedScopes.map((entry) => entry.permission))).toEqual(ofScheme('DelegatedWork'));
  });

  it('the standalone simulator grants what the collectors read with', () => {
    const collectors = graphRequests.filter(
      (r) => r.scheme === 'Application' && r.sources.some((f) => f.startsWith('api/src/graph/collectors/')),
    );
    const granted: readonly string[] = COLLECTOR_APP_PERMISSIONS;
    expect(sorted(collectors.map((r) => r.permission)).filter((p) => !granted.includes(p))).toEqual([]);
    // Reported for removal from standalone.ts: no collector request uses it. Drop it here when it goes.
    const awaitingRemoval: string[] = [];
    expect(granted.filter((p) => !ofScheme('Application').includes(p))).toEqual(awaitingRemoval);
  });

  it('the doc’s admin-consent column matches Microsoft’s requiresAdminConsent', () => {
    const kibali = loadKibali(kibaliFile ?? '');
    for (const row of docRows) {
      const needs = kibali.permissions[row.permission]?.schemes[row.scheme ?? '']?.requiresAdminConsent;
      expect(row.adminConsent, `${row.permission} ${row.scheme}`).toBe(needs ? 'yes' : 'no');
    }
  });
});

describe('d. the doc names real code', () => {
  it('names only files that exist', () => {
    const files = docRows.flatMap((row) => row.files);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });

  it('names, for each permission, every file the catalogue says uses it', () => {
    const unnamed = graphRequests.flatMap((entry) =>
      entry.sources
        .filter(
          (file) =>
            !docRows.some(
              (row) =>
                row.permission === entry.permission &&
                row.scheme === entry.scheme &&
                row.files.includes(file),
            ),
        )
        .map((file) => `${entry.permission} (${entry.scheme}) used by ${file}`),
    );
    expect(unnamed).toEqual([]);
  });
});

describe('e. the Entra registration (infra/aad.manifest.json)', () => {
  const scope = manifest.api.oauth2PermissionScopes.find((s) => s.value === 'access_as_user');

  it('exposes an enabled access_as_user scope, as a single-tenant API taking v2 tokens', () => {
    expect(scope?.isEnabled).toBe(true);
    expect(scope?.type).toBe('User');
    expect(scope?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
    expect(manifest.api.requestedAccessTokenVersion).toBe(2);
  });

  it('pre-authorises every Teams/Office client of the reference, each for that scope only', () => {
    expect(platformFile, 'reference/teams-platform.md').toBeDefined();
    const text = readFileSync(platformFile ?? '', 'utf8');
    const section = text.slice(text.indexOf('### 4.1'), text.indexOf('### 4.2'));
    const line = section.split('\n').find((l) => l.includes('preAuthorizedApplications')) ?? '';
    const clients = [...line.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)].map(
      (m) => m[0],
    );
    expect(clients.length).toBeGreaterThan(1);
    const preAuthorized = manifest.api.preAuthorizedApplications;
    expect(sorted(preAuthorized.map((app) => app.appId))).toEqual(sorted(clients));
    for (const app of preAuthorized) expect(app.delegatedPermissionIds, app.appId).toEqual([scope?.id]);
  });

  it('defines exactly the app roles the code reads from the token, for users, named as in roleNames', () => {
    const checks = read('api/src/services/me-service.ts').matchAll(/identity\.roles\.includes\('(\w+)'\)/g);
    const fromToken = sorted([...checks].map((m) => m[1] ?? ''));
    expect(fromToken).toEqual(['Admin', 'LearningLeader']);
    expect(sorted(manifest.appRoles.map((role) => role.value))).toEqual(fromToken);
    for (const role of manifest.appRoles) {
      expect(roleNames).toContain(role.value);
      expect(role.allowedMemberTypes, role.value).toEqual(['User']);
      expect(role.isEnabled, role.value).toBe(true);
      expect(role.description.length, role.value).toBeGreaterThan(40);
    }
    const ids = [scope?.id, ...manifest.appRoles.map((role) => role.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is applied by the lifecycle, and uses only variables aadApp/create writes or the env and Teams manifest define', () => {
    const lifecycle = read('m365agents.yml');
    const updates = lifecycleActions(lifecycle, 'aadApp/update');
    expect(updates.map((action) => action.with.manifestPath)).toEqual(['./infra/aad.manifest.json']);
    const written = lifecycleActions(lifecycle, 'aadApp/create').flatMap((action) => action.writes);
    expect(written).toEqual(expect.arrayContaining(['AAD_APP_OBJECT_ID', 'AAD_APP_CLIENT_ID']));
    const env = [...read('env/.env.local').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? '');
    const teamsManifest = [...read('appPackage/manifest.json').matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map(
      (m) => m[1] ?? '',
    );
    const known = new Set([...written, ...env, ...teamsManifest]);
    const used = [...read('infra/aad.manifest.json').matchAll(/\$\{\{([A-Za-z0-9_]+)\}\}/g)].map(
      (m) => m[1] ?? '',
    );
    expect(used.length).toBeGreaterThan(0);
    expect(sorted(used.filter((name) => !known.has(name)))).toEqual([]);
  });

  it('identifies the API exactly as the Teams manifest’s webApplicationInfo does', () => {
    const teams = JSON.parse(read('appPackage/manifest.json')) as {
      webApplicationInfo: { id: string; resource: string };
    };
    expect(manifest.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    expect(manifest.appId).toBe(teams.webApplicationInfo.id);
  });

  it('registers a reply address only for the Admin page’s consent link, with no implicit grant', () => {
    // The /adminconsent endpoint returns the admin to a registered reply address; SSO needs none.
    const consentLink = read('api/src/services/admin-service.ts').includes('/adminconsent');
    expect(manifest.web.redirectUris.length).toBe(consentLink ? 1 : 0);
    for (const uri of manifest.web.redirectUris) expect(uri).toMatch(/^\$\{\{TAB_ENDPOINT\}\}\//);
    expect(manifest.web.implicitGrantSettings).toEqual({
      enableIdTokenIssuance: false,
      enableAccessTokenIssuance: false,
    });
  });
});
