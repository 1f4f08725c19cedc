import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from './compose';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startTelemetry } from './telemetry';

// This file runs from api/src (tests, tsx) or api/dist (the built server): both sit two levels below the root.
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Before anything makes requests, so every span has a provider.
  const telemetry = startTelemetry(config.telemetry, logger);
  const started = performance.now();
  const composed = await composeApp(
    config,
    {
      tabDistDir: path.resolve(repoRoot, config.tabDistDir),
      hostEmulatorDir: path.resolve(repoRoot, 'api', 'src', 'demo', 'host-emulator'),
    },
    logger,
  );
  const server: Server = composed.app.listen(config.port, config.host, () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info('LearnFit started', {
      mode: config.mode,
      nodeEnv: config.strict ? 'production' : 'other',
      node: process.versions.node,
      migrationsApplied: composed.store.migrationsApplied.length,
      // The bound port: PORT=0 (tests, several instances on one machine) picks a free one.
      port: (server.address() as AddressInfo).port,
      database: composed.store.kind,
      startSeconds: seconds,
    });
    if (config.hostEmulator) {
      process.stdout.write(`\nLearnFit demo is running. Open http://localhost:${config.port}/dev/host\n\n`);
    }
  });
  const shutdown = (signal: string): void => {
    logger.info('shutting down', { signal });
    server.close(() => {
      void composed
        .close()
        .then(() => telemetry.shutdown())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `LearnFit failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
