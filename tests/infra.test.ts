// The Azure infrastructure an admin deploys: Bicep, parameter files and the Agents Toolkit lifecycle.
// No Bicep compiler exists offline, so the templates are read as text (tests/support/bicep-*.ts) and the
// invariants we rely on are checked on their structure: secrets only through Key Vault, TLS everywhere,
// a private database, and the outputs the package step reads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bound,
  entryParamsBehind,
  holeValue,
  isResource,
  literalsMentioned,
  sameResource,
  satisfiesRange,
  subnetDelegations,
} from './support/bicep-checks';
import {
  filesRead,
  input,
  lifecycleEnvironments,
  readLifecycle,
  scalars,
  unknownVariables,
} from './support/bicep-lifecycle';
import {
  appSettings,
  declsOf,
  loadProject,
  resolve,
  resolvedLiteral,
  resourcesOfType,
} from './support/bicep-project';
import { get, literal } from './support/bicep-query';
import { parseBicep, type BicepFile } from './support/bicep-reader';
import {
  moduleCallProblems,
  outputLeaks,
  parameterFileProblems,
  secureParamLeaks,
  unusedParams,
} from './support/bicep-rules';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const project = loadProject(root, 'infra/azure.bicep');
const entry = project.files.get(project.entry) as BicepFile;
const entryParams = declsOf(entry, 'param');
const onDisk = ['infra', 'infra/modules'].flatMap((dir) =>
  readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith('.bicep'))
    .map((name) => `${dir}/${name}`),
);
const everyFile = onDisk.map((file) => project.files.get(file) ?? parseBicep(file, read(file)));

/** The single item of a list, failing the test when there are none or several. */
function only<T>(items: T[], what: string): T {
  expect(items, what).toHaveLength(1);
  return items[0] as T;
}
const site = () => only(resourcesOfType(project, 'Microsoft.Web/sites'), 'web apps');
const postgresServer = () =>
  only(resourcesOfType(project, 'Microsoft.DBforPostgreSQL/flexibleServers'), 'servers');
/** Resources of a type whose `parent` is the given resource. */
const childrenOf = (type: string, parent: { file: BicepFile; decl: { name: string } }) =>
  resourcesOfType(project, type).filter((r) =>
    isResource(resolve(project, r.file, get(r.decl.body, 'parent')), parent.file, parent.decl.name),
  );

// Each secret setting, the Key Vault secret that must hold it and the @secure param it is made from.
const secretSettings = {
  DATABASE_URL: { secret: 'database-url', source: 'postgresAdminPassword' },
  AAD_CLIENT_SECRET: { secret: 'aad-client-secret', source: 'aadAppClientSecret' },
  BOT_PASSWORD: { secret: 'bot-password', source: 'botPassword' },
  PSEUDONYM_KEY: { secret: 'pseudonym-key', source: 'pseudonymKey' },
};
const keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6';
// What the admin sets in env/.env.<name> (secrets in .env.<name>.user); actions and Bicep write the rest.
const adminProvided = [
  ...[
    'TEAMSFX_ENV',
    'AZURE_SUBSCRIPTION_ID',
    'AZURE_RESOURCE_GROUP_NAME',
    'RESOURCE_SUFFIX',
    'APP_NAME_SUFFIX',
  ],
  ...[
    'DEVELOPER_WEBSITE_URL',
    'PRIVACY_URL',
    'TERMS_URL',
    'SECRET_PSEUDONYM_KEY',
    'SECRET_POSTGRES_ADMIN_PASSWORD',
  ],
];

describe('Bicep templates', () => {
  it('uses every declared parameter in the file that declares it', () => {
    expect(everyFile.length).toBeGreaterThan(1);
    expect(unusedParams(everyFile)).toEqual([]);
  });

  it('calls only existing modules, passing known params and every required one', () => {
    expect(project.files.size).toBeGreaterThan(1);
    expect(moduleCallProblems(project, onDisk)).toEqual([]);
  });

  it('gives the app its secrets only as Key Vault references to the matching secrets', () => {
    const settings = appSettings(project);
    for (const [name, expected] of Object.entries(secretSettings)) {
      const setting = settings.get(name);
      const value = setting?.value;
      expect(value?.kind, name).toBe('string');
      if (!setting || value?.kind !== 'string') continue;
      expect(value.token.parts, name).toEqual(['@Microsoft.KeyVault(SecretUri=', ')']);
      const target = resolve(project, setting.file, holeValue(value.token));
      expect(target.kind === 'resource' && target.decl.type, name).toBe('Microsoft.KeyVault/vaults/secrets');
      if (target.kind !== 'resource') continue;
      expect(target.members.join('.'), name).toMatch(/^properties\.secretUri(WithVersion)?$/);
      expect(literal(get(target.decl.body, 'name')), name).toBe(expected.secret);
      const sources = entryParamsBehind(project, target.file, get(target.decl.body, 'properties', 'value'));
      expect(sources, name).toContain(expected.source);
    }
  });

  it('lets a @secure param reach only Key Vault secret values (and the PostgreSQL admin password)', () => {
    expect(entryParams.filter((p) => p.secure).length).toBeGreaterThanOrEqual(4);
    expect(secureParamLeaks(project, everyFile)).toEqual([]);
  });

  it('serves the web app over https only, with TLS 1.2 or later and FTP disabled', () => {
    const web = site();
    const at = (...keys: string[]): unknown =>
      resolvedLiteral(project, web.file, get(web.decl.body, ...keys));
    expect(at('properties', 'httpsOnly')).toBe(true);
    expect(['1.2', '1.3']).toContain(at('properties', 'siteConfig', 'minTlsVersion'));
    expect(['1.2', '1.3']).toContain(at('properties', 'siteConfig', 'scmMinTlsVersion'));
    expect(at('properties', 'siteConfig', 'ftpsState')).toBe('Disabled');
  });

  it("reads Key Vault only through RBAC, with the web app's user-assigned identity", () => {
    const web = site();
    expect(literal(get(web.decl.body, 'identity', 'type'))).toBe('UserAssigned');
    const identity = resolve(
      project,
      web.file,
      get(web.decl.body, 'properties', 'keyVaultReferenceIdentity'),
    );
    expect(identity.kind === 'resource' && identity.decl.type).toBe(
      'Microsoft.ManagedIdentity/userAssignedIdentities',
    );
    expect(identity.kind === 'resource' && identity.members).toEqual(['id']);
    const attached = get(web.decl.body, 'identity', 'userAssignedIdentities');
    const attachedIds = (attached?.kind === 'object' ? attached.entries : []).map((e) =>
      e.keyToken.kind === 'string' ? resolve(project, web.file, holeValue(e.keyToken)) : undefined,
    );
    expect(attachedIds.some((id) => id && sameResource(id, identity))).toBe(true);

    const vault = only(resourcesOfType(project, 'Microsoft.KeyVault/vaults'), 'key vaults');
    const flag = (key: string): unknown =>
      resolvedLiteral(project, vault.file, get(vault.decl.body, 'properties', key));
    const flags = ['enableRbacAuthorization', 'enableSoftDelete', 'enablePurgeProtection'];
    expect(flags.map(flag)).toEqual([true, true, true]);
    const policies = get(vault.decl.body, 'properties', 'accessPolicies');
    expect(policies === undefined || (policies.kind === 'array' && policies.items.length === 0)).toBe(true);

    const grants = resourcesOfType(project, 'Microsoft.Authorization/roleAssignments').filter(
      (r) =>
        isResource(resolve(project, r.file, get(r.decl.body, 'scope')), vault.file, vault.decl.name) &&
        literalsMentioned(project, r.file, get(r.decl.body, 'properties', 'roleDefinitionId')).some((s) =>
          s.includes(keyVaultSecretsUserRole),
        ),
    );
    const grant = only(grants, 'Key Vault Secrets User assignments on the vault');
    const principal = resolve(project, grant.file, get(grant.decl.body, 'properties', 'principalId'));
    expect(sameResource(principal, identity)).toBe(true);
    expect(principal.kind === 'resource' && principal.members).toEqual(['properties', 'principalId']);
  });

  it('makes PostgreSQL refuse plain-text and pre-1.2 TLS connections, and the app ask for TLS', () => {
    const configs = childrenOf('Microsoft.DBforPostgreSQL/flexibleServers/configurations', postgresServer());
    const setting = (name: string): unknown => {
      const config = configs.find((c) => literal(get(c.decl.body, 'name')) === name);
      return config && resolvedLiteral(project, config.file, get(config.decl.body, 'properties', 'value'));
    };
    expect(String(setting('require_secure_transport')).toLowerCase()).toBe('on');
    expect(['TLSv1.2', 'TLSv1.3']).toContain(setting('ssl_min_protocol_version'));
    const secret = resourcesOfType(project, 'Microsoft.KeyVault/vaults/secrets').find(
      (s) => literal(get(s.decl.body, 'name')) === secretSettings.DATABASE_URL.secret,
    );
    const url = secret && get(secret.decl.body, 'properties', 'value');
    expect(url?.kind === 'string' && url.token.parts.join('')).toMatch(
      /[?&]sslmode=(require|verify-ca|verify-full)\b/,
    );
  });

  it('keeps PostgreSQL off the internet: delegated subnet, linked private DNS zone, public access disabled', () => {
    const server = postgresServer();
    const network = (key: string) => get(server.decl.body, 'properties', 'network', key);
    expect(resolvedLiteral(project, server.file, network('publicNetworkAccess'))).toBe('Disabled');

    const subnet = resolve(project, server.file, network('delegatedSubnetResourceId'));
    expect(subnet.kind === 'resource' && subnet.decl.type).toBe('Microsoft.Network/virtualNetworks/subnets');
    if (subnet.kind !== 'resource') return;
    const vnet = resolve(project, subnet.file, get(subnet.decl.body, 'parent'));
    const services = subnetDelegations(project, subnet);
    expect(services).toContain('Microsoft.DBforPostgreSQL/flexibleServers');

    const zone = resolve(project, server.file, network('privateDnsZoneArmResourceId'));
    expect(zone.kind === 'resource' && zone.decl.type).toBe('Microsoft.Network/privateDnsZones');
    if (zone.kind !== 'resource') return;
    const zoneName = get(zone.decl.body, 'name');
    expect(zoneName?.kind === 'string' && zoneName.token.parts.at(-1)).toBe(
      '.private.postgres.database.azure.com',
    );
    const links = childrenOf('Microsoft.Network/privateDnsZones/virtualNetworkLinks', zone);
    const linked = links.map((l) =>
      resolve(project, l.file, get(l.decl.body, 'properties', 'virtualNetwork', 'id')),
    );
    expect(linked.some((target) => sameResource(target, vnet))).toBe(true);
  });

  it('registers a single-tenant Azure Bot on the Teams channel, messaging the web app', () => {
    const bot = only(resourcesOfType(project, 'Microsoft.BotService/botServices'), 'bots');
    const prop = (key: string) => get(bot.decl.body, 'properties', key);
    expect(literal(prop('msaAppType'))).toBe('SingleTenant');
    expect(entryParamsBehind(project, bot.file, prop('msaAppId'))).toEqual(['botAppId']);
    const endpoint = prop('endpoint');
    expect(endpoint?.kind === 'string' && endpoint.token.parts).toEqual(['https://', '/api/messages']);
    const host =
      endpoint?.kind === 'string' ? resolve(project, bot.file, holeValue(endpoint.token)) : undefined;
    const web = site();
    expect(host && isResource(host, web.file, web.decl.name, ['properties', 'defaultHostName'])).toBe(true);
    const channels = childrenOf('Microsoft.BotService/botServices/channels', bot);
    expect(channels.map((c) => literal(get(c.decl.body, 'properties', 'channelName')))).toContain(
      'MsTeamsChannel',
    );
  });
});

describe('App settings and outputs', () => {
  it('runs the app in production mode on its https address, with K_THRESHOLD never below 5', () => {
    const settings = appSettings(project);
    const mode = ['NODE_ENV', 'LEARNFIT_MODE'].map((name) => literal(settings.get(name)?.value));
    expect(mode).toEqual(['production', 'production']);
    const publicUrl = settings.get('PUBLIC_URL');
    const url = publicUrl?.value;
    expect(url?.kind === 'string' && url.token.parts).toEqual(['https://', '']);
    const web = site();
    const host =
      publicUrl && url?.kind === 'string'
        ? resolve(project, publicUrl.file, holeValue(url.token))
        : undefined;
    expect(host && isResource(host, web.file, web.decl.name, ['properties', 'defaultHostName'])).toBe(true);

    const k = settings.get('K_THRESHOLD');
    const behind = k ? entryParamsBehind(project, k.file, k.value) : [];
    const kParam = only(
      entryParams.filter((p) => behind.includes(p.name)),
      'params behind K_THRESHOLD',
    );
    expect(bound(kParam, 'minValue')).toBeGreaterThanOrEqual(5);
    expect(Number(literal(kParam.defaultValue))).toBeGreaterThanOrEqual(5);
  });

  it('outputs what the package step reads, and never a secret', () => {
    const names = declsOf(entry, 'output').map((o) => o.name);
    const needed = ['TAB_DOMAIN', 'TAB_ENDPOINT', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'TEAMS_APP_ID'];
    expect(names).toEqual(expect.arrayContaining([...needed, 'AZURE_APP_SERVICE_RESOURCE_ID']));
    expect(outputLeaks(project, everyFile)).toEqual([]);
  });

  it('has parameter files that set only template params, every required one, secrets as SECRET_ placeholders', () => {
    const files = readdirSync(path.join(root, 'infra')).filter((n) =>
      /^azure\.parameters\.[\w-]+\.json$/.test(n),
    );
    expect(files).toEqual(
      expect.arrayContaining(['azure.parameters.dev.json', 'azure.parameters.prod.json']),
    );
    const problems = files.flatMap((name) => parameterFileProblems(entryParams, name, read(`infra/${name}`)));
    expect(problems).toEqual([]);
  });
});

describe('m365agents.yml', () => {
  const text = read('m365agents.yml');
  const lifecycle = readLifecycle(text);
  const envs = lifecycleEnvironments(root, lifecycle);

  it('is a v1.11 lifecycle whose steps read files that exist, for every environment', () => {
    const schema = 'https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json';
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    expect(lifecycle.version).toBe('v1.11');
    expect(envs).toEqual(expect.arrayContaining(['dev', 'prod']));
    const arm = only(
      lifecycle.steps.filter((s) => s.uses === 'arm/deploy'),
      'arm/deploy steps',
    );
    expect(scalars(input(arm, 'templates'))).toContain('./infra/azure.bicep');
    const missing = lifecycle.steps.flatMap((step) =>
      filesRead(step, envs)
        .filter((file) => !existsSync(path.join(root, file)))
        .map((file) => `${step.stage} ${step.uses}: ${file}`),
    );
    expect(missing).toEqual([]);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const npm = lifecycle.steps
      .filter((s) => s.uses === 'cli/runNpmCommand')
      .map((s) => scalars(input(s, 'args')));
    for (const [command, script] of npm.map((args) => (args[0] ?? '').split(' ')))
      if (command === 'run') expect(scripts).toHaveProperty(script ?? '');
  });

  it('uses only variables the admin, an earlier action or a Bicep output provides', () => {
    const outputs = declsOf(entry, 'output').map((o) => o.name);
    const unknown = unknownVariables(lifecycle, envs, adminProvided, outputs, (file) =>
      existsSync(path.join(root, file)) ? read(file) : '',
    );
    expect(lifecycle.steps.some((s) => s.uses === 'aadApp/update')).toBe(true);
    expect(unknown).toEqual([]);
  });
});

describe('Runtime', () => {
  it('runs on Linux App Service with a Node major that package.json engines accepts', () => {
    const plan = only(resourcesOfType(project, 'Microsoft.Web/serverfarms'), 'plans');
    expect(resolvedLiteral(project, plan.file, get(plan.decl.body, 'properties', 'reserved'))).toBe(true);
    const web = site();
    const fx = resolvedLiteral(
      project,
      web.file,
      get(web.decl.body, 'properties', 'siteConfig', 'linuxFxVersion'),
    );
    const major = /^NODE\|(\d+)-lts$/i.exec(String(fx))?.[1];
    expect(major, String(fx)).toBeDefined();
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    // "-lts" follows the newest minor of that major, so any minor of it counts.
    const versions = Array.from({ length: 100 }, (_, minor) => `${major}.${minor}.0`);
    expect(
      versions.some((version) => satisfiesRange(version, engines)),
      `${fx} vs ${engines}`,
    ).toBe(true);
  });
});
