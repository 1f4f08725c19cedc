// Installs dependencies on a fresh clone so `npm start` and `npm test` work with nothing but Node.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
const missing = ['node_modules/vite', 'node_modules/express', 'node_modules/@microsoft/teams.apps'].some(
  (dir) => !existsSync(dir),
);
if (stale || missing) {
  console.log('Installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm ci failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
