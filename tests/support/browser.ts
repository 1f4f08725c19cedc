import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const debianChromium = '/usr/bin/chromium';

/** Flags for quiet, offline-friendly headless runs: no GPU, no QUIC, no background downloads or sync. */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let installAttempted = false;

function managedChromium(): string | null {
  try {
    const candidate = chromium.executablePath();
    return candidate && existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

function installManagedChromiumOnce(): void {
  if (installAttempted) return;
  installAttempted = true;
  // The installed playwright-core's own CLI, so the browser revision matches the library; usually fails offline.
  spawnSync('npx', ['--no-install', 'playwright-core', 'install', 'chromium'], {
    stdio: 'ignore',
    timeout: 300_000,
  });
}

/** The Chromium binary to drive: Debian's, else Playwright's managed one (installing it once if possible). */
export function findChromium(): string {
  if (existsSync(debianChromium)) return debianChromium;
  const managed = managedChromium();
  if (managed) return managed;
  installManagedChromiumOnce();
  const installed = managedChromium();
  if (installed) return installed;
  throw new Error(
    `No Chromium for the browser tests (not at ${debianChromium}, no Playwright-managed Chromium, and ` +
      "installing one failed). Install Debian's chromium: apt-get install -y chromium",
  );
}

/**
 * Launches headless Chromium for a browser test. Each launch gets a fresh, empty profile: Playwright creates
 * a temporary `--user-data-dir` per launch and deletes it on close (it refuses one passed in `args`).
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...chromiumArgs] });
}
