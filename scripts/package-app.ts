// CLI: `npm run package [-- --env <name>]` builds appPackage/build/appPackage.<env>.zip (see scripts/app-package/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppPackage, DEFAULT_ENV, PackageError } from './app-package/build';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: npm run package [-- --env <name>]   (reads env/.env.<name>, default "local")';

/** Parse `--env <name>` / `--env=<name>` / `--help`; throws on anything else. */
function parseArgs(argv: readonly string[]): { envName: string } | 'help' {
  let envName = DEFAULT_ENV;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--env') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) throw new Error('--env needs a value');
      envName = value;
    } else if (arg.startsWith('--env=')) {
      envName = arg.slice('--env='.length);
    } else {
      throw new Error(`unknown argument "${arg}"`);
    }
  }
  return { envName };
}

const rel = (file: string): string => path.relative(process.cwd(), file) || file;

/** Entry point: build the package and print what was written; exit 1 on any failure. */
async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    const result = await buildAppPackage({
      envName: args.envName,
      envDir: path.join(root, 'env'),
      appPackageDir: path.join(root, 'appPackage'),
      outDir: path.join(root, 'appPackage', 'build'),
    });
    console.log(`LearnFit app package (env: ${result.envName})`);
    console.log(`  env files: ${result.envFiles.map(rel).join(', ')}`);
    console.log(
      `  schema: ${String(result.manifest['$schema'])} -> ${rel(result.schema.schemaFile)} ` +
        `(bundled, no network): 0 errors in ${Math.round(result.schema.durationMs)} ms`,
    );
    console.log(
      '  checks: icons 192x192 + 32x32 white/transparent, validDomains, bot ids, https URLs, placeholders' +
        (result.envName === DEFAULT_ENV ? '' : ', no empty values, no demo ids or localhost') +
        ': ok',
    );
    for (const zip of result.zips) console.log(`  wrote ${rel(zip.file)} (${zip.bytes} bytes)`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(`Packaging failed (env: ${args.envName}):`);
      for (const problem of error.problems) console.error(`  - ${problem}`);
    } else {
      console.error(
        `Packaging failed (env: ${args.envName}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return 1;
  }
}

process.exitCode = await main();
