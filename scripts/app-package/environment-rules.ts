// Rules for packages that leave the developer's machine: every value filled, nothing of the local demo.
import { demoBotId, demoClientId, demoTeamsAppId } from '../../api/src/config';
import type { EnvVars } from './dotenv';
import { listPlaceholders } from './render';

/** Variables that may be empty in any environment (production has no app-name suffix). */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

/** The demo's fixed ids, by the variable that carries them in env/.env.local. */
const DEMO_VALUES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: demoTeamsAppId,
  BOT_ID: demoBotId,
  AAD_APP_CLIENT_ID: demoClientId,
};

/** Hosts only a developer's own machine answers. */
const LOCAL_HOST = /(^|[/.@])(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/i;

/** Problems with an environment's values for a template: empty variables the template needs. */
export function emptyValueProblems(template: string, vars: Readonly<EnvVars>, envFile: string): string[] {
  return listPlaceholders(template)
    .filter((name) => Object.hasOwn(vars, name) && vars[name]?.trim() === '' && !MAY_BE_EMPTY.has(name))
    .map(
      (name) =>
        `${name} is empty in ${envFile}; fill it from your deployment (npm run env:from-deployment, see docs/deploy.md)`,
    );
}

/** Problems of a package meant for a tenant: a demo id or a local host anywhere in the manifest. */
export function demoLeakProblems(manifest: Record<string, unknown>): string[] {
  const text = JSON.stringify(manifest);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(DEMO_VALUES)) {
    if (text.toLowerCase().includes(value.toLowerCase()))
      problems.push(`${name}: the manifest carries the local demo's id ${value}; use your own registration`);
  }
  const local = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string' && LOCAL_HOST.test(value)) local.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(manifest);
  for (const value of local)
    problems.push(`"${value}" points at this machine; a tenant's package needs the deployed https host`);
  return problems;
}
