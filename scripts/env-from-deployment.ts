// CLI: `npm run env:from-deployment -- --env prod --outputs outputs.json` writes the outputs of the Azure
// deployment into env/.env.prod for `npm run package -- --env prod` (see docs/deploy.md).
// Get the outputs with: az deployment group show -g <group> -n <deployment> --query properties.outputs
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mergeEnv, readDeploymentOutputs } from './app-package/deployment-outputs';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: npm run env:from-deployment -- --env <name> --outputs <outputs.json | ->';

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { env: { type: 'string' }, outputs: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help || !values.env || !values.outputs) {
    console.error(USAGE);
    return values.help ? 0 : 1;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(values.env) || values.env === 'local') {
    console.error(`env:from-deployment: "${values.env}" is not a deployable environment name`);
    return 1;
  }
  const envFile = path.join(root, 'env', `.env.${values.env}`);
  const outputs = readDeploymentOutputs(JSON.parse(await readInput(values.outputs)));
  const before = existsSync(envFile) ? await readFile(envFile, 'utf8') : '';
  await writeFile(envFile, mergeEnv(before, outputs));
  console.log(`wrote ${Object.keys(outputs).length} outputs to ${path.relative(process.cwd(), envFile)}:`);
  for (const name of Object.keys(outputs)) console.log(`  ${name}`);
  console.log(`next: npm run package -- --env ${values.env}`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`env:from-deployment: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
