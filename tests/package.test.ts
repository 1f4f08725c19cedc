// The Teams app package: env rendering, offline schema validation, icon checks and the zip layout.
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildAppPackage, checkPackage, PackageError, type BuildOptions } from '../scripts/app-package/build';
import { loadEnv, parseDotenv } from '../scripts/app-package/dotenv';
import { renderColorIcon, renderOutlineIcon } from '../scripts/app-package/icon-art';
import { checkColorIcon, checkOutlineIcon, readPngHeader } from '../scripts/app-package/icons';
import {
  listPlaceholders,
  MissingVariablesError,
  renderManifest,
  renderTemplate,
} from '../scripts/app-package/render';
import { checkManifestRules, validateSchema } from '../scripts/app-package/validate';
import { unzip } from './support/unzip';

const root = fileURLToPath(new URL('..', import.meta.url));
const envDir = path.join(root, 'env');
const appPackageDir = path.join(root, 'appPackage');
const DEMO_IDS = [
  '5b0a3c2e-7f41-4d1e-9a63-2c8e1f4b7d10',
  '00000000-0000-4000-8000-00000000b07d',
  '00000000-0000-4000-8000-0000000c1e47',
];
const tempDirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'learnfit-pkg-'));
  tempDirs.push(dir);
  return dir;
}

/** A temp env folder holding `.env.<name>` with the given text. */
async function tempEnv(name: string, text: string): Promise<string> {
  const dir = await tempDir();
  await writeFile(path.join(dir, `.env.${name}`), text);
  return dir;
}

/** A temp copy of appPackage/ (template + icons) whose files can be replaced. */
async function tempAppPackage(replace: Record<string, Buffer> = {}): Promise<string> {
  const dir = await tempDir();
  for (const file of ['manifest.json', 'color.png', 'outline.png']) {
    const replacement = replace[file];
    if (replacement) await writeFile(path.join(dir, file), replacement);
    else await copyFile(path.join(appPackageDir, file), path.join(dir, file));
  }
  return dir;
}

async function localEnvText(): Promise<string> {
  return readFile(path.join(envDir, '.env.local'), 'utf8');
}

function withRedPixel(png: Buffer): Buffer {
  const image = PNG.sync.read(png);
  image.data.set([255, 0, 0, 255], (5 * image.width + 7) * 4);
  return PNG.sync.write(image);
}

async function expectPackageError(options: BuildOptions): Promise<string[]> {
  const error: unknown = await buildAppPackage(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  return (error as PackageError).problems;
}

afterAll(async () => {
  vi.unstubAllGlobals();
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('local package', () => {
  it('builds appPackage.local.zip and appPackage.zip with exactly the manifest and two icons at the root', async () => {
    const outDir = await tempDir();
    const fetchSpy = vi.fn(() => {
      throw new Error('no network in tests');
    });
    vi.stubGlobal('fetch', fetchSpy);
    const result = await buildAppPackage({ envName: 'local', envDir, appPackageDir, outDir });
    vi.unstubAllGlobals();
    expect(fetchSpy).not.toHaveBeenCalled();

    expect((await readdir(outDir)).sort()).toEqual(['appPackage.local.zip', 'appPackage.zip']);
    expect(result.zips.map((z) => path.basename(z.file))).toEqual(['appPackage.local.zip', 'appPackage.zip']);
    const [envZip, defaultZip] = await Promise.all(result.zips.map((z) => readFile(z.file)));
    expect(envZip).toEqual(defaultZip);
    expect(envZip?.length).toBe(result.zips[0]?.bytes);

    const entries = unzip(envZip ?? Buffer.alloc(0));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    const manifestText = byName.get('manifest.json')?.toString('utf8') ?? '';
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as Record<string, unknown>;
    expect(manifest['manifestVersion']).toBe('1.29');
    expect(manifest['$schema']).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json',
    );
    expect(manifest['id']).toBe(DEMO_IDS[0]);
    expect(manifest['validDomains']).toEqual(['localhost:3978']);

    const schema = await validateSchema(manifest);
    expect(schema.errors).toEqual([]);
    expect(schema.schemaFile).toMatch(/json-schemas[\\/]teams[\\/]v1\.29[\\/]MicrosoftTeams\.schema\.json$/);
    expect(checkManifestRules(manifest)).toEqual([]);

    const color = byName.get('color.png') ?? Buffer.alloc(0);
    const outline = byName.get('outline.png') ?? Buffer.alloc(0);
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });
    expect(checkColorIcon(color)).toEqual([]);
    expect(checkOutlineIcon(outline)).toEqual([]);
  });

  it('uses every env variable the brief requires, and env/.env.local defines all of them', async () => {
    const template = await readFile(path.join(appPackageDir, 'manifest.json'), 'utf8');
    const used = listPlaceholders(template);
    const required = 'TEAMS_APP_ID BOT_ID TAB_DOMAIN TAB_ENDPOINT AAD_APP_CLIENT_ID APP_NAME_SUFFIX';
    expect(used).toEqual(
      expect.arrayContaining([...required.split(' '), 'DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_URL']),
    );
    const { vars } = await loadEnv(envDir, 'local');
    expect(used.filter((name) => !(name in vars))).toEqual([]);
    expect(vars).toMatchObject({
      TEAMS_APP_ID: DEMO_IDS[0],
      BOT_ID: DEMO_IDS[1],
      AAD_APP_CLIENT_ID: DEMO_IDS[2],
      TAB_DOMAIN: 'localhost:3978',
      TAB_ENDPOINT: 'https://localhost:3978',
    });
  });

  it('committed icons are exactly what scripts/make-icons.ts draws', async () => {
    const pixels = (png: Buffer): Buffer => PNG.sync.read(png).data;
    expect(pixels(await readFile(path.join(appPackageDir, 'color.png')))).toEqual(pixels(renderColorIcon()));
    expect(pixels(await readFile(path.join(appPackageDir, 'outline.png')))).toEqual(
      pixels(renderOutlineIcon()),
    );
    expect(renderOutlineIcon()).toEqual(renderOutlineIcon());
  });
});

describe('rejections', () => {
  it('rejects a manifest with a planted schema error, with the schema message', async () => {
    const { vars } = await loadEnv(envDir, 'local');
    const manifest = renderManifest(await readFile(path.join(appPackageDir, 'manifest.json'), 'utf8'), vars);
    (manifest['name'] as Record<string, unknown>)['short'] = 'L'.repeat(40);
    const schema = await validateSchema(manifest);
    expect(schema.errors).toEqual([
      expect.stringMatching(/^\/name\/short must NOT have more than 30 characters/),
    ]);

    const icons = {
      color: { name: 'color.png', data: await readFile(path.join(appPackageDir, 'color.png')) },
      outline: { name: 'outline.png', data: await readFile(path.join(appPackageDir, 'outline.png')) },
    };
    const checked = await checkPackage(manifest, icons);
    expect(checked.problems).toEqual([
      expect.stringContaining('schema: /name/short must NOT have more than 30 characters'),
    ]);
  });

  it('fails the build (and writes no zip) when an env value breaks the schema', async () => {
    const text = (await localEnvText()).replace(
      /^APP_NAME_SUFFIX=.*$/m,
      `APP_NAME_SUFFIX="${'x'.repeat(32)}"`,
    );
    const outDir = await tempDir();
    const problems = await expectPackageError({
      envName: 'local',
      envDir: await tempEnv('local', text),
      appPackageDir,
      outDir,
    });
    expect(problems).toContainEqual(
      expect.stringContaining('/name/short must NOT have more than 30 characters'),
    );
    expect(await readdir(outDir)).toEqual([]);
  });

  it('reports every missing variable by name', async () => {
    const text = (await localEnvText()).replace(/^(BOT_ID|TAB_DOMAIN)=.*$/gm, '');
    const problems = await expectPackageError({
      envName: 'local',
      envDir: await tempEnv('local', text),
      appPackageDir,
      outDir: await tempDir(),
    });
    expect(problems).toEqual([
      'missing variable BOT_ID (not set in .env.local)',
      'missing variable TAB_DOMAIN (not set in .env.local)',
    ]);
    expect(() => renderTemplate('{"a":"${{A}}","b":"${{ B }}","c":"${{A}}"}', {})).toThrow(
      new MissingVariablesError(['A', 'B']),
    );
  });

  it('rejects an outline icon with a red pixel, a blank outline and a wrongly sized colour icon', async () => {
    const outline = await readFile(path.join(appPackageDir, 'outline.png'));
    expect(checkOutlineIcon(withRedPixel(outline))).toEqual([
      expect.stringMatching(/1 pixel\(s\) have another colour, first: pixel \(7,5\) is rgba\(255,0,0,255\)/),
    ]);
    const blank = PNG.sync.write(new PNG({ width: 32, height: 32 }));
    expect(checkOutlineIcon(blank)).toEqual([expect.stringContaining('has no opaque white pixel')]);
    expect(checkColorIcon(outline)).toEqual(['color icon: must be 192x192 px, is 32x32']);
    expect(checkColorIcon(Buffer.from('not a png'))).toEqual(['color icon: not a PNG file (bad signature)']);

    const problems = await expectPackageError({
      envName: 'local',
      envDir,
      appPackageDir: await tempAppPackage({ 'outline.png': withRedPixel(outline) }),
      outDir: await tempDir(),
    });
    expect(problems).toEqual([expect.stringContaining('outline icon outline.png: only white (255,255,255)')]);
  });

  it('never reaches the network: unbundled schemas are refused and fetch throws during validation', async () => {
    const v118 = {
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json',
    };
    await expect(validateSchema(v118)).rejects.toThrow('no bundled schema');

    const before = globalThis.fetch;
    const spy = vi.spyOn(AppManifestUtils, 'validateAgainstSchema').mockImplementationOnce(async () => {
      await fetch('https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json');
      return [];
    });
    const manifest = {
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json',
    };
    await expect(validateSchema(manifest)).rejects.toThrow(
      'network access is disabled during manifest validation',
    );
    expect(globalThis.fetch).toBe(before);
    spy.mockRestore();
  });

  it('checks what the schema does not: https, validDomains, SSO resource host and one bot id', () => {
    const manifest: Record<string, unknown> = {
      developer: { websiteUrl: 'http://example.com' },
      staticTabs: [{ contentUrl: 'https://other.example.com/tab' }],
      bots: [{ botId: 'a' }],
      composeExtensions: [{ botId: 'b' }],
      validDomains: ['app.example.com'],
      webApplicationInfo: { id: 'id-1', resource: 'api://evil.example.com/id-1' },
      name: { short: 'x${{Y}}' },
    };
    const problems = checkManifestRules(manifest).join('\n');
    expect(problems).toContain('/developer/websiteUrl: must use https');
    expect(problems).toContain('/staticTabs/0/contentUrl: host other.example.com is not in validDomains');
    expect(problems).toContain('/webApplicationInfo/resource: host evil.example.com is not in validDomains');
    expect(problems).toContain('bots[0].botId (a) and composeExtensions[0].botId (b) must be the same');
    expect(problems).toContain('/name/short: unreplaced placeholder');
  });
});

describe('environments', () => {
  it('parses dotenv text: comments, export, quotes, escapes and inline comments', () => {
    const vars = parseDotenv(`# comment

A=plain value # trailing comment
export B="quoted #not a comment\\n"
C='single $x \\n'
D=
E=https://x.example/a#b
A=later wins
`);
    expect(vars).toEqual({
      A: 'later wins',
      B: 'quoted #not a comment\n',
      C: 'single $x \\n',
      D: '',
      E: 'https://x.example/a#b',
    });
    expect(() => parseDotenv('NOT A LINE', 'f')).toThrow('f:1: expected KEY=VALUE');
    expect(() => parseDotenv('X="open', 'f')).toThrow('f:1: unterminated " quote');
  });

  it('overlays .env.<name>.user on .env.<name>', async () => {
    const dir = await tempEnv('dev', 'A=1\nB=2\n');
    await writeFile(path.join(dir, '.env.dev.user'), 'B=secret\n');
    const env = await loadEnv(dir, 'dev');
    expect(env.vars).toEqual({ A: '1', B: 'secret' });
    expect(env.files.map((f) => path.basename(f))).toEqual(['.env.dev', '.env.dev.user']);
    await expect(loadEnv(dir, '../etc')).rejects.toThrow('invalid environment name');
    await expect(loadEnv(dir, 'nope')).rejects.toThrow('.env.nope not found');
  });

  it('a prod-like env yields a manifest with nothing from the local demo', async () => {
    const env = `TEAMS_APP_ID=9f3d2a71-4c5e-4b8a-8e21-6d0c7b9a1e52
BOT_ID=3c8e5f12-9a4b-4d7e-b6c1-0e2f4a8d9b63
AAD_APP_CLIENT_ID=71b4e9d0-2f6a-4c3e-9d85-a1c7f0e3b214
TAB_DOMAIN=learnfit.contoso.com
TAB_ENDPOINT=https://learnfit.contoso.com
APP_NAME_SUFFIX=
DEVELOPER_WEBSITE_URL=https://www.contoso.com/learnfit
PRIVACY_URL=https://www.contoso.com/privacy
TERMS_URL=https://www.contoso.com/terms
`;
    const outDir = await tempDir();
    const result = await buildAppPackage({
      envName: 'prod',
      envDir: await tempEnv('prod', env),
      appPackageDir,
      outDir,
    });
    expect(await readdir(outDir)).toEqual(['appPackage.prod.zip']);

    const entries = unzip(await readFile(path.join(outDir, 'appPackage.prod.zip')));
    const text = entries.find((e) => e.name === 'manifest.json')?.data.toString('utf8') ?? '';
    expect(text).not.toMatch(/localhost|3978|\(local\)/);
    for (const id of DEMO_IDS) expect(text).not.toContain(id);
    const manifest = JSON.parse(text) as Record<string, unknown>;
    expect(manifest).toEqual(result.manifest);
    expect(manifest['name']).toEqual({ short: 'LearnFit', full: 'LearnFit: social learning readiness' });
    expect(manifest['validDomains']).toEqual(['learnfit.contoso.com']);
    expect(manifest['webApplicationInfo']).toEqual({
      id: '71b4e9d0-2f6a-4c3e-9d85-a1c7f0e3b214',
      resource: 'api://learnfit.contoso.com/71b4e9d0-2f6a-4c3e-9d85-a1c7f0e3b214',
    });
  });
});
