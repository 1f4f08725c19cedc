// The package an admin uploads to the Teams admin center: env/.env.prod filled from the outputs of the
// Azure deployment (infra/azure.bicep), every placeholder filled, nothing of the local demo inside.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { demoBotId, demoClientId, demoTeamsAppId } from '../api/src/config';
import { buildAppPackage, PackageError } from '../scripts/app-package/build';
import { mergeEnv, readDeploymentOutputs } from '../scripts/app-package/deployment-outputs';
import { parseDotenv } from '../scripts/app-package/dotenv';
import { listPlaceholders } from '../scripts/app-package/render';
import { unzip } from './support/unzip';

const root = fileURLToPath(new URL('..', import.meta.url));
const appPackageDir = path.join(root, 'appPackage');
const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'learnfit-prod-'));
  tempDirs.push(dir);
  return dir;
}

/** The outputs `az deployment group show --query properties.outputs` prints for infra/azure.bicep. */
async function deploymentOutputs(): Promise<Record<string, { type: string; value: string }>> {
  const bicep = await readFile(path.join(root, 'infra', 'azure.bicep'), 'utf8');
  const names = [...bicep.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s+string\b/gm)].map((m) => m[1]!);
  const host = 'learnfit-prod-7q2k.azurewebsites.net';
  const values: Record<string, string> = {
    TAB_DOMAIN: host,
    TAB_ENDPOINT: `https://${host}`,
    BOT_ID: '3c8e5f12-9a4b-4d7e-b6c1-0e2f4a8d9b63',
    AAD_APP_CLIENT_ID: '71b4e9d0-2f6a-4c3e-9d85-a1c7f0e3b214',
    TEAMS_APP_ID: '9f3d2a71-4c5e-4b8a-8e21-6d0c7b9a1e52',
  };
  return Object.fromEntries(
    names.map((name) => [name, { type: 'String', value: values[name] ?? `value-of-${name.toLowerCase()}` }]),
  );
}

/** A temp env folder holding the committed env/.env.prod, optionally filled from deployment outputs. */
async function prodEnvDir(outputs?: unknown): Promise<string> {
  const dir = await tempDir();
  const committed = await readFile(path.join(root, 'env', '.env.prod'), 'utf8');
  const text = outputs === undefined ? committed : mergeEnv(committed, readDeploymentOutputs(outputs));
  await writeFile(path.join(dir, '.env.prod'), text);
  return dir;
}

describe('npm run package -- --env prod', () => {
  it('refuses the committed env/.env.prod until the deployment filled it, naming each empty value', async () => {
    const outDir = await tempDir();
    const attempt = buildAppPackage({ envName: 'prod', envDir: await prodEnvDir(), appPackageDir, outDir });
    await expect(attempt).rejects.toThrow(PackageError);
    const problems = ((await attempt.catch((error: unknown) => error)) as PackageError).problems.join('\n');
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT'])
      expect(problems).toContain(`${name} is empty in .env.prod`);
    expect(problems).not.toContain('APP_NAME_SUFFIX');
  });

  it('fills every placeholder from the Bicep outputs and writes a zip with nothing of the demo', async () => {
    const outputs = await deploymentOutputs();
    // The outputs the manifest needs are all among the template's outputs.
    const template = await readFile(path.join(appPackageDir, 'manifest.json'), 'utf8');
    for (const name of ['TAB_DOMAIN', 'TAB_ENDPOINT', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'TEAMS_APP_ID'])
      expect(Object.keys(outputs)).toContain(name);
    const envDir = await prodEnvDir({ properties: { outputs } });
    const vars = parseDotenv(await readFile(path.join(envDir, '.env.prod'), 'utf8'));
    const outDir = await tempDir();
    const result = await buildAppPackage({ envName: 'prod', envDir, appPackageDir, outDir });

    const entries = unzip(await readFile(path.join(outDir, 'appPackage.prod.zip')));
    expect(entries.map((entry) => entry.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = entries.find((entry) => entry.name === 'manifest.json')!.data.toString('utf8');
    expect(text).not.toContain('${{');
    for (const name of listPlaceholders(template)) {
      if (vars[name] !== '') expect(text, name).toContain(JSON.stringify(vars[name]).slice(1, -1));
    }
    for (const id of [demoTeamsAppId, demoBotId, demoClientId]) expect(text.toLowerCase()).not.toContain(id);
    expect(text).not.toMatch(/localhost|127\.0\.0\.1|\(local\)/);
    const manifest = JSON.parse(text) as Record<string, unknown>;
    expect(manifest).toEqual(result.manifest);
    expect(manifest['id']).toBe(outputs['TEAMS_APP_ID']!.value);
    expect(manifest['validDomains']).toEqual(['learnfit-prod-7q2k.azurewebsites.net']);
    expect(manifest['webApplicationInfo']).toEqual({
      id: '71b4e9d0-2f6a-4c3e-9d85-a1c7f0e3b214',
      resource: 'api://learnfit-prod-7q2k.azurewebsites.net/71b4e9d0-2f6a-4c3e-9d85-a1c7f0e3b214',
    });
    expect(manifest['developer']).toMatchObject({
      privacyUrl: 'https://learnfit-prod-7q2k.azurewebsites.net/tab/index.html#/about',
    });
  });

  it('refuses a tenant package that carries a demo id or points at this machine', async () => {
    const outputs = await deploymentOutputs();
    outputs['BOT_ID'] = { type: 'String', value: demoBotId };
    outputs['TAB_DOMAIN'] = { type: 'String', value: 'localhost:3978' };
    outputs['TAB_ENDPOINT'] = { type: 'String', value: 'https://localhost:3978' };
    const outDir = await tempDir();
    const attempt = buildAppPackage({
      envName: 'prod',
      envDir: await prodEnvDir(outputs),
      appPackageDir,
      outDir,
    });
    const error = (await attempt.catch((caught: unknown) => caught)) as PackageError;
    expect(error).toBeInstanceOf(PackageError);
    expect(error.problems.join('\n')).toMatch(/BOT_ID: the manifest carries the local demo's id/);
    expect(error.problems.join('\n')).toMatch(/"https:\/\/localhost:3978[^"]*" points at this machine/);
  });
});

describe('env:from-deployment', () => {
  it('replaces values in place, keeps comments and other lines, and refuses secret-looking outputs', () => {
    const before =
      '# a comment\nTAB_DOMAIN=\n# keep me\nAPP_NAME_SUFFIX=""\nPRIVACY_URL=https://contoso.com/p\n';
    const after = mergeEnv(before, { TAB_DOMAIN: 'a.example.net', TAB_ENDPOINT: 'https://a.example.net' });
    expect(after).toContain('# a comment\nTAB_DOMAIN=a.example.net\n# keep me\nAPP_NAME_SUFFIX=""\n');
    // An admin's own privacy page stays; the missing links point at the About page.
    expect(parseDotenv(after)).toMatchObject({
      PRIVACY_URL: 'https://contoso.com/p',
      TERMS_URL: 'https://a.example.net/tab/index.html#/about',
      TAB_ENDPOINT: 'https://a.example.net',
    });
    expect(() => readDeploymentOutputs({ SECRET_BOT_PASSWORD: { type: 'String', value: 'x' } })).toThrow(
      /looks like a secret/,
    );
    expect(() => readDeploymentOutputs({ tabDomain: { type: 'String', value: 'x' } })).toThrow(
      /not named like an env variable/,
    );
    expect(() => readDeploymentOutputs([])).toThrow(/expected deployment outputs/);
  });
});
