// LearnFit server processes for production-mode and scale-out tests: `api/src/main.ts` under tsx, with an
// environment built from scratch (nothing leaks in from the test runner, whose NODE_ENV is "test").
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testEnv } from './env';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const mainScript = fileURLToPath(new URL('../../api/src/main.ts', import.meta.url));

/** A complete production configuration except the database; ids are fresh GUIDs, never the demo's. */
export const productionEnv: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  AAD_CLIENT_ID: '3f1c7a52-9f1e-4a44-b3f3-0d6f3f8e2a11',
  AAD_CLIENT_SECRET: 'test-secret-from-key-vault',
  BOT_ID: '7a0d3c1b-2e4f-4b6a-9c8d-1e2f3a4b5c6d',
  BOT_PASSWORD: 'test-bot-password-from-key-vault',
  TEAMS_APP_ID: '9f3d2a71-4c5e-4b8a-8e21-6d0c7b9a1e52',
  PUBLIC_URL: 'https://learnfit.contoso.test',
  PSEUDONYM_KEY: 'a-production-secret-of-at-least-32-chars',
  LOG_LEVEL: 'info',
};

/** One JSON log line of the server. */
export type LogLine = Record<string, unknown>;

/** A running server process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** The `LearnFit started` log line. */
  readonly started: LogLine;
  /** Every JSON log line so far (stdout). */
  readonly logs: LogLine[];
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** What a process that ended printed. */
export interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function launch(env: Readonly<Record<string, string>>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', mainScript], {
    cwd: repoRoot,
    env: { ...testEnv.childBase, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The exit code once the process has ended. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts a server and resolves once it logs `LearnFit started`; rejects with its output if it exits first. */
export function startServerProcess(
  env: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const child = launch(env);
  const logs: LogLine[] = [];
  let stderr = '';
  let buffered = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as LogLine;
        logs.push(entry);
        if (entry['msg'] !== 'LearnFit started') continue;
        clearTimeout(timer);
        resolve({
          child,
          baseUrl: `http://127.0.0.1:${String(entry['port'])}`,
          started: entry,
          logs,
          stop: () => {
            child.kill('SIGTERM');
            return exitOf(child);
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)} before starting:\n${stderr}`));
    });
  });
}

/** Runs a server that is expected to refuse to start, and returns what it printed when it exited. */
export async function runUntilExit(
  env: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
): Promise<Exited> {
  const child = launch(env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exitOf(child);
  clearTimeout(timer);
  return { code, stdout, stderr };
}
