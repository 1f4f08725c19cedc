// Bundles the API, bot and core sources into api/dist/main.js; third-party packages stay external.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const external = new Set();
for (const workspace of ['core', 'bot', 'api']) {
  const manifest = JSON.parse(readFileSync(`${workspace}/package.json`, 'utf8'));
  for (const name of Object.keys(manifest.dependencies ?? {}))
    if (!name.startsWith('@learnfit/')) external.add(name);
}

const started = performance.now();
await build({
  entryPoints: ['api/src/main.ts'],
  outfile: 'api/dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...external].flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
});
console.log(`server bundled to api/dist/main.js in ${Math.round(performance.now() - started)} ms`);
