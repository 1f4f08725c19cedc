// Offline manifest validation: the bundled JSON schema (no network, enforced) plus our own rules.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

/** Outcome of a schema validation run. */
export interface SchemaResult {
  /** Schema errors as reported by @microsoft/app-manifest, e.g. `/name/short must NOT have more than 30 characters. …`. */
  errors: string[];
  /** Wall-clock time of the validation in ms. */
  durationMs: number;
  /** Bundled schema file that was used. */
  schemaFile: string;
}

const TEAMS_SCHEMA_PREFIX = 'https://developer.microsoft.com/json-schemas/teams/';

/** Path of the schema file bundled in @microsoft/app-manifest for a Teams `$schema` URL, or undefined. */
export function bundledSchemaFile(schemaUrl: string): string | undefined {
  if (!schemaUrl.startsWith(TEAMS_SCHEMA_PREFIX)) return undefined;
  const packageRoot = path.dirname(
    createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'),
  );
  const file = path.join(
    packageRoot,
    'build',
    'json-schemas',
    'teams',
    schemaUrl.slice(TEAMS_SCHEMA_PREFIX.length),
  );
  return existsSync(file) ? file : undefined;
}

function describeRequest(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (input instanceof Request) return input.url;
  return String(input);
}

/**
 * Validate a manifest against the JSON schema named by its `$schema`, using only the schema bundled in
 * @microsoft/app-manifest. Global fetch is replaced by a thrower for the duration, so any attempt to use
 * the network fails loudly instead of silently downloading a schema.
 */
export async function validateSchema(manifest: Record<string, unknown>): Promise<SchemaResult> {
  const schemaUrl = manifest['$schema'];
  if (typeof schemaUrl !== 'string') throw new Error('manifest has no $schema URL');
  const schemaFile = bundledSchemaFile(schemaUrl);
  if (schemaFile === undefined) {
    throw new Error(`no bundled schema for ${schemaUrl}; validating it would need the network`);
  }
  const originalFetch = globalThis.fetch;
  const attempts: string[] = [];
  globalThis.fetch = ((input: unknown) => {
    attempts.push(describeRequest(input));
    throw new Error(
      `network access is disabled during manifest validation (fetch ${describeRequest(input)})`,
    );
  }) as typeof fetch;
  const started = performance.now();
  try {
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
    if (attempts.length > 0)
      throw new Error(`schema validation tried to use the network: ${attempts.join(', ')}`);
    return { errors, durationMs: performance.now() - started, schemaFile };
  } finally {
    globalThis.fetch = originalFetch;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isRecord(current) ? current[key] : undefined;
  }
  return current;
}

/** Whether `host` (host[:port]) is covered by a validDomains entry (exact, or `*.example.com` wildcard). */
export function hostAllowed(host: string, validDomains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return validDomains.some((entry) => {
    const d = entry.toLowerCase();
    if (d.startsWith('*.')) return h.endsWith(d.slice(1)) && h.length > d.length - 1;
    return h === d;
  });
}

function walkStrings(
  value: unknown,
  pointer: string,
  visit: (pointer: string, key: string, text: string) => void,
): void {
  if (typeof value === 'string') {
    visit(pointer, pointer.slice(pointer.lastIndexOf('/') + 1), value);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walkStrings(item, `${pointer}/${i}`, visit));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) walkStrings(item, `${pointer}/${key}`, visit);
  }
}

/**
 * Rules the schema does not enforce: no `${{` left, every URL field https, tab URLs and the
 * webApplicationInfo.resource host inside validDomains, and one bot id shared by the bot and the
 * message extension. Returns human-readable problems; empty when fine.
 */
export function checkManifestRules(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const validDomains =
    (at(manifest, 'validDomains') as unknown[] | undefined)?.filter(
      (d): d is string => typeof d === 'string',
    ) ?? [];

  walkStrings(manifest, '', (pointer, key, text) => {
    if (text.includes('${{')) problems.push(`${pointer}: unreplaced placeholder in "${text}"`);
    if (/^http:\/\//i.test(text)) problems.push(`${pointer}: must use https, got "${text}"`);
    if (/url$/i.test(key) && key !== '$schema') {
      let url: URL | undefined;
      try {
        url = new URL(text);
      } catch {
        problems.push(`${pointer}: not a valid URL: "${text}"`);
      }
      if (url !== undefined && url.protocol !== 'https:')
        problems.push(`${pointer}: must be an https URL, got "${text}"`);
      const isTabUrl = /^\/(staticTabs|configurableTabs)\//.test(pointer);
      if (url !== undefined && isTabUrl && !hostAllowed(url.host, validDomains)) {
        problems.push(`${pointer}: host ${url.host} is not in validDomains [${validDomains.join(', ')}]`);
      }
    }
  });

  const appId = at(manifest, 'webApplicationInfo', 'id');
  const resource = at(manifest, 'webApplicationInfo', 'resource');
  if (typeof resource === 'string') {
    let host: string | undefined;
    try {
      const url = new URL(resource);
      host = url.protocol === 'api:' ? url.host : undefined;
    } catch {
      host = undefined;
    }
    if (host === undefined || host === '') {
      problems.push(`/webApplicationInfo/resource: expected api://<domain>/<client id>, got "${resource}"`);
    } else if (!hostAllowed(host, validDomains)) {
      problems.push(
        `/webApplicationInfo/resource: host ${host} is not in validDomains [${validDomains.join(', ')}]`,
      );
    }
    if (typeof appId === 'string' && !resource.endsWith(`/${appId}`)) {
      problems.push(`/webApplicationInfo/resource: must end with the client id /${appId}, got "${resource}"`);
    }
  }

  const botId = at(manifest, 'bots', 0, 'botId');
  const extensionBotId = at(manifest, 'composeExtensions', 0, 'botId');
  if (botId !== undefined || extensionBotId !== undefined) {
    if (botId !== extensionBotId) {
      problems.push(
        `bots[0].botId (${String(botId)}) and composeExtensions[0].botId (${String(extensionBotId)}) must be the same`,
      );
    }
  }
  return problems;
}
