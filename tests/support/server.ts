import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp, type ComposedApp } from '../../api/src/compose';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A demo server running in this process on a free loopback port. */
export interface TestServer {
  readonly baseUrl: string;
  readonly composed: ComposedApp;
  close(): Promise<void>;
}

/** Starts the full demo server (simulators, in-memory PGlite, built tab) in process. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({
    LEARNFIT_MODE: 'demo',
    PORT: '0',
    DATA_DIR: ':memory:',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const composed = await composeApp(
    config,
    {
      tabDistDir: path.join(repoRoot, 'tabs', 'dist'),
      hostEmulatorDir: path.join(repoRoot, 'api', 'src', 'demo', 'host-emulator'),
    },
    createLogger('silent'),
  );
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = composed.app.listen(0, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    composed,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composed.close();
    },
  };
}
