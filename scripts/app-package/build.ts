// Builds the Teams app package: env → rendered manifest → offline checks → zip(s).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadEnv } from './dotenv';
import { demoLeakProblems, emptyValueProblems } from './environment-rules';
import { checkColorIcon, checkOutlineIcon } from './icons';
import { MissingVariablesError, renderManifest } from './render';
import { checkManifestRules, validateSchema, type SchemaResult } from './validate';
import { writeZip, type ZipEntry } from './zip';

/** Environment used when none is given; its package is also written as appPackage.zip. */
export const DEFAULT_ENV = 'local';

/** A packaging failure with every problem found (all checks run before failing). */
export class PackageError extends Error {
  /** One line per problem. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`app package is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
    this.problems = problems;
  }
}

/** Where to read the template, icons and env files from, and where to write zips. */
export interface BuildOptions {
  envName: string;
  /** Folder holding `.env.<name>` and `.env.<name>.user`. */
  envDir: string;
  /** Folder holding manifest.json (the template) and the icons. */
  appPackageDir: string;
  /** Folder the zips are written to. */
  outDir: string;
}

/** A zip that was written. */
export interface BuiltZip {
  file: string;
  bytes: number;
}

/** What a successful build produced. */
export interface BuildResult {
  envName: string;
  envFiles: string[];
  manifest: Record<string, unknown>;
  schema: SchemaResult;
  zips: BuiltZip[];
}

/** An icon named by the manifest, with its bytes. */
export interface IconFile {
  name: string;
  data: Buffer;
}

/** Outcome of all offline checks on a rendered manifest and its icons. */
export interface CheckResult {
  schema: SchemaResult;
  problems: string[];
}

/** Run every offline check: bundled schema, manifest rules, colour and outline icon pixels. */
export async function checkPackage(
  manifest: Record<string, unknown>,
  icons: { color: IconFile; outline: IconFile },
): Promise<CheckResult> {
  const schema = await validateSchema(manifest);
  const problems = [
    ...schema.errors.map((error) => `schema: ${error}`),
    ...checkManifestRules(manifest),
    ...checkColorIcon(icons.color.data, `color icon ${icons.color.name}`),
    ...checkOutlineIcon(icons.outline.data, `outline icon ${icons.outline.name}`),
  ];
  return { schema, problems };
}

async function readIcon(
  appPackageDir: string,
  manifest: Record<string, unknown>,
  kind: 'color' | 'outline',
): Promise<IconFile> {
  const icons = manifest['icons'];
  const name =
    typeof icons === 'object' && icons !== null ? (icons as Record<string, unknown>)[kind] : undefined;
  if (typeof name !== 'string' || name === '' || /[\\/]/.test(name)) {
    throw new PackageError([
      `icons.${kind} must name a file next to manifest.json, got ${JSON.stringify(name)}`,
    ]);
  }
  const file = path.join(appPackageDir, name);
  if (!existsSync(file))
    throw new PackageError([`icons.${kind}: ${file} not found (run: npx tsx scripts/make-icons.ts)`]);
  return { name, data: await readFile(file) };
}

function fail(error: unknown): never {
  throw new PackageError([error instanceof Error ? error.message : String(error)]);
}

/** Zip file names for an environment: `appPackage.<env>.zip`, plus `appPackage.zip` for the default env. */
export function zipNames(envName: string): string[] {
  return envName === DEFAULT_ENV
    ? [`appPackage.${envName}.zip`, 'appPackage.zip']
    : [`appPackage.${envName}.zip`];
}

/** Build, check and zip the app package for one environment; throws PackageError listing every problem. */
export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const env = await loadEnv(options.envDir, options.envName).catch(fail);
  const templateFile = path.join(options.appPackageDir, 'manifest.json');
  const template = await readFile(templateFile, 'utf8').catch(fail);

  // A package for a tenant must not carry half-filled values or anything of the local demo.
  const forTenant = options.envName !== DEFAULT_ENV;
  const envFile = env.files.map((f) => path.basename(f)).join(' / ');
  const empty = forTenant ? emptyValueProblems(template, env.vars, envFile) : [];

  let manifest: Record<string, unknown>;
  try {
    manifest = renderManifest(template, env.vars);
  } catch (error) {
    if (error instanceof MissingVariablesError) {
      const sources = env.files.map((f) => path.basename(f)).join(' / ');
      throw new PackageError([
        ...error.missing.map((name) => `missing variable ${name} (not set in ${sources})`),
        ...empty,
      ]);
    }
    fail(error);
  }
  if (empty.length > 0) throw new PackageError(empty);
  const leaks = forTenant ? demoLeakProblems(manifest) : [];

  const icons = {
    color: await readIcon(options.appPackageDir, manifest, 'color'),
    outline: await readIcon(options.appPackageDir, manifest, 'outline'),
  };
  const { schema, problems } = await checkPackage(manifest, icons);
  if (problems.length + leaks.length > 0) throw new PackageError([...leaks, ...problems]);

  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    icons.color,
    icons.outline,
  ];
  const zips: BuiltZip[] = [];
  for (const name of zipNames(options.envName)) {
    const file = path.join(options.outDir, name);
    zips.push({ file, bytes: await writeZip(file, entries) });
  }
  return { envName: options.envName, envFiles: env.files, manifest, schema, zips };
}
