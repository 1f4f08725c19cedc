// Turns the outputs of the Azure deployment (infra/azure.bicep) into env/.env.<name>, the file the
// package step reads: outputs are named like the variables they fill (TAB_DOMAIN, BOT_ID, ...).
import { parseDotenv, type EnvVars } from './dotenv';

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
const SECRET_NAME = /(^SECRET_|PASSWORD|CLIENT_SECRET|CONNECTION_STRING)/;

/** The developer links the package needs, and the About page that serves when an admin has no own page. */
const LINKS = ['DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_URL'] as const;

/**
 * Reads deployment outputs as `az deployment group show` prints them: either the whole deployment
 * (`properties.outputs`) or just the outputs (`--query properties.outputs`), each `{ type, value }`.
 * Throws on outputs that are not strings, not named like env variables, or named like secrets.
 */
export function readDeploymentOutputs(json: unknown): EnvVars {
  const root = json as { properties?: { outputs?: unknown } } | null;
  const outputs = root && typeof root === 'object' && root.properties ? root.properties.outputs : json;
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) {
    throw new Error(
      'expected deployment outputs: an object of { "NAME": { "type": "String", "value": "…" } }',
    );
  }
  const values: EnvVars = {};
  for (const [name, output] of Object.entries(outputs as Record<string, unknown>)) {
    if (!ENV_NAME.test(name)) throw new Error(`output "${name}" is not named like an env variable`);
    if (SECRET_NAME.test(name))
      throw new Error(`output "${name}" looks like a secret; outputs must carry none`);
    const value = (output as { value?: unknown } | null)?.value;
    if (typeof value !== 'string') throw new Error(`output "${name}" has no string value`);
    values[name] = value;
  }
  return values;
}

function quote(value: string): string {
  return /^[A-Za-z0-9_.:/@+-]*$/.test(value) ? value : JSON.stringify(value);
}

/**
 * Writes `values` into dotenv text: a line that sets a variable is replaced in place (its comments stay),
 * new variables are appended. Developer links still empty afterwards point at LearnFit's About page.
 */
export function mergeEnv(text: string, values: Readonly<EnvVars>): string {
  const current = parseDotenv(text);
  const merged: EnvVars = { ...current, ...values };
  const endpoint = merged['TAB_ENDPOINT'];
  const updates: EnvVars = { ...values };
  if (endpoint) {
    for (const link of LINKS) {
      if (!merged[link]) updates[link] = `${endpoint.replace(/\/$/, '')}/tab/index.html#/about`;
    }
  }
  const written = new Set<string>();
  const lines = text.replace(/\s*$/, '').split(/\r?\n/);
  const out = lines.map((line) => {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    const name = match?.[1];
    if (!name || !Object.hasOwn(updates, name)) return line;
    written.add(name);
    return `${name}=${quote(updates[name] ?? '')}`;
  });
  const added = Object.keys(updates).filter((name) => !written.has(name));
  if (added.length > 0) {
    out.push('', '# Written by npm run env:from-deployment');
    for (const name of added) out.push(`${name}=${quote(updates[name] ?? '')}`);
  }
  return `${out.join('\n')}\n`;
}
