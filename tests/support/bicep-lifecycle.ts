// Reads m365agents.yml into its lifecycle steps, for the infra test.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseLifecycleYaml, type YamlNode } from './bicep-lifecycle-yaml';

/** One `- uses:` step of a lifecycle stage. */
export interface LifecycleStep {
  readonly stage: string;
  readonly uses: string;
  readonly with: YamlNode;
  /** Env variable names the step writes (values of `writeToEnvironmentFile`). */
  readonly writes: readonly string[];
}

/** The parsed file: top-level scalars and the steps of provision, deploy and publish, in order. */
export interface Lifecycle {
  readonly version: string;
  readonly environmentFolderPath: string;
  readonly steps: readonly LifecycleStep[];
}

const stages = ['provision', 'deploy', 'publish'];

function asMap(node: YamlNode | undefined): { [key: string]: YamlNode } {
  return node !== undefined && typeof node === 'object' && !Array.isArray(node) ? node : {};
}

/** Parses m365agents.yml text. */
export function readLifecycle(source: string): Lifecycle {
  const doc = asMap(parseLifecycleYaml(source));
  const steps = stages.flatMap((stage) => {
    const list = doc[stage];
    return (Array.isArray(list) ? list : []).map((raw) => {
      const step = asMap(raw);
      const writes = Object.values(asMap(step.writeToEnvironmentFile)).filter((v) => typeof v === 'string');
      return { stage, uses: String(step.uses ?? ''), with: step.with ?? {}, writes };
    });
  });
  return {
    version: String(doc.version ?? ''),
    environmentFolderPath: String(doc.environmentFolderPath ?? ''),
    steps,
  };
}

/** The value at a key path of a step's `with`. */
export function input(step: LifecycleStep, ...keys: string[]): YamlNode | undefined {
  let node: YamlNode | undefined = step.with;
  for (const key of keys) node = asMap(node)[key];
  return node;
}

/** Every scalar in a node, depth first. */
export function scalars(node: YamlNode | undefined): string[] {
  if (node === undefined) return [];
  if (typeof node === 'string') return [node];
  return (Array.isArray(node) ? node : Object.values(node)).flatMap(scalars);
}

/**
 * Environments this file provisions: those with infra/azure.parameters.<env>.json or env/.env.<env>.
 * The toolkit runs `local` and `playground` from m365agents.local.yml / .playground.yml instead.
 */
export function lifecycleEnvironments(root: string, lifecycle: Lifecycle): string[] {
  const envDir = path.join(root, lifecycle.environmentFolderPath || 'env');
  const names = [
    ...readdirSync(path.join(root, 'infra')).map((n) => /^azure\.parameters\.([\w-]+)\.json$/.exec(n)?.[1]),
    ...(existsSync(envDir) ? readdirSync(envDir) : []).map((n) => /^\.env\.([\w-]+)$/.exec(n)?.[1]),
  ];
  const envs = names.filter((env): env is string => !!env && env !== 'local' && env !== 'playground');
  return [...new Set(envs)].sort();
}

/** Files a step reads (manifests, ignore file, templates, parameter files), once per environment. */
export function filesRead(step: LifecycleStep, envs: readonly string[]): string[] {
  const templates = scalars(input(step, 'templates')).filter((s) => /\.(bicep|json)$/.test(s));
  return [
    ...scalars(input(step, 'manifestPath')),
    ...scalars(input(step, 'ignoreFile')),
    ...templates,
  ].flatMap((file) => [
    ...new Set(envs.map((env) => path.posix.normalize(file.replaceAll('${{TEAMSFX_ENV}}', env)))),
  ]);
}

/** Names of Agents Toolkit placeholders `${{NAME}}` in a text. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] ?? '');
}

/**
 * `${{VAR}}` placeholders a step uses (in its inputs or the files it reads) before anything provides them.
 * Walking the steps in order, a variable is known once the admin sets it, an earlier step writes it
 * (`writeToEnvironmentFile`), or arm/deploy has run and it is one of the Bicep outputs.
 */
export function unknownVariables(
  lifecycle: Lifecycle,
  envs: readonly string[],
  adminProvided: readonly string[],
  bicepOutputs: readonly string[],
  readFile: (file: string) => string,
): string[] {
  const known = new Set(adminProvided);
  const unknown = new Set<string>();
  for (const step of lifecycle.steps) {
    const inFiles = filesRead(step, envs).flatMap((file) => placeholders(readFile(file)));
    for (const name of [...scalars(step.with).flatMap(placeholders), ...inFiles])
      if (!known.has(name)) unknown.add(`${step.stage} ${step.uses}: ${name}`);
    step.writes.forEach((name) => known.add(name));
    if (step.uses === 'arm/deploy') bicepOutputs.forEach((name) => known.add(name));
  }
  return [...unknown];
}
