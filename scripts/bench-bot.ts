// npm run bench:bot — the message extension's search and link unfurling under 50 concurrent requests,
// through the production composition (composeApp) in demo mode, served by a child process so that the
// load generator does not share the server's event loop. A learning leader opens the tab once (so the
// API records their app roles), then every request is a real `composeExtension/query` or
// `composeExtension/queryLink` invoke POSTed to /api/messages: search returns report cards (fit score,
// top findings), unfurl previews the sample initiative's report.
// Prints `name value unit budget=B ratio=R` (R ≤ 1 meets the budget) and exits non-zero on a miss.
// Options: --people 300 --connections 50 --seconds 15 --log-level error.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeApp } from '../api/src/compose';
import { loadConfig } from '../api/src/config';
import { createLogger } from '../api/src/logger';

const budget = { p95Ms: 250, errors: 0, cardBytes: 28 * 1024 };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
const publicUrl = 'https://learnfit.example.com';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '300' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '15' },
    'log-level': { type: 'string', default: 'error' },
    serve: { type: 'boolean', default: false },
  },
  strict: true,
});

/** What the server child tells the parent once it listens. */
interface Ready {
  readonly port: number;
  readonly tenantId: string;
  readonly leaderId: string;
  readonly initiativeId: string;
  readonly word: string;
}

async function serve(): Promise<void> {
  const config = loadConfig({
    LEARNFIT_MODE: 'demo',
    PORT: '0',
    DATA_DIR: ':memory:',
    DEMO_PEOPLE: values.people,
    PUBLIC_URL: publicUrl,
    WORKER_CONCURRENCY: '0',
    LOG_LEVEL: values['log-level'],
  });
  const composed = await composeApp(
    config,
    {
      tabDistDir: path.join(repoRoot, 'tabs', 'dist'),
      hostEmulatorDir: path.join(repoRoot, 'api', 'src', 'demo', 'host-emulator'),
    },
    createLogger(config.logLevel),
  );
  const server = composed.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const demo = composed.demo;
  if (!demo) throw new Error('demo mode expected');
  const leaderId = demo.tenant.personas.learningLeader;
  const token = await demo.identity.issueSsoToken(leaderId);
  const list = (await (
    await fetch(`http://127.0.0.1:${port}/api/initiatives`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as { items: Array<{ id: string; name: string }> };
  const sample = list.items.find((item) => item.name === demo.tenant.sampleInitiative.name);
  if (!sample) throw new Error('sample initiative missing');
  await new Promise((resolve) => setTimeout(resolve, 200)); // the role write runs behind the request
  const ready: Ready = {
    port,
    tenantId: demo.tenant.tenantId,
    leaderId,
    initiativeId: sample.id,
    word: (sample.name.split(' ')[0] ?? '').toLowerCase(),
  };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
}

function invoke(ready: Ready, name: string, value: unknown) {
  return JSON.stringify({
    type: 'invoke',
    name,
    id: 'f:bench',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:bench', aadObjectId: ready.leaderId },
    recipient: { id: '28:bot' },
    conversation: { id: '19:bench@thread.v2', tenantId: ready.tenantId },
    channelData: { tenant: { id: ready.tenantId } },
    value,
  });
}

interface Run {
  readonly latencies: number[];
  errors: number;
  maxCardBytes: number;
  readonly seconds: number;
}

async function load(port: number, body: string, connections: number, seconds: number): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const run: Run = { latencies: [], errors: 0, maxCardBytes: 0, seconds };
  const until = performance.now() + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/messages',
          method: 'POST',
          agent,
          headers: { 'Content-Type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            run.latencies.push(performance.now() - started);
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                composeExtension?: { attachments?: unknown[] };
              };
              const attachments = parsed.composeExtension?.attachments ?? [];
              if (res.statusCode !== 200 || attachments.length === 0) run.errors += 1;
              for (const attachment of attachments)
                run.maxCardBytes = Math.max(run.maxCardBytes, Buffer.byteLength(JSON.stringify(attachment)));
            } catch {
              run.errors += 1;
            }
            resolve();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        run.errors += 1;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await once();
    }),
  );
  agent.destroy();
  return run;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** One figure per line; a ratio ≤ 1 meets the budget. */
function line(name: string, value: number, unit: string, limit: number | null, digits = 1): string {
  const ratio =
    limit === null
      ? ''
      : ` ratio=${limit === 0 ? (value === 0 ? '0.00' : 'inf') : (value / limit).toFixed(2)}`;
  return `${name} ${value.toFixed(digits)} ${unit} budget=${limit === null ? 'none' : `≤${limit}`}${ratio}`;
}

function report(name: string, run: Run): { lines: string[]; ok: boolean } {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  return {
    lines: [
      line(`bot.${name}.p50`, percentile(sorted, 50), 'ms', null),
      line(`bot.${name}.p95`, p95, 'ms', budget.p95Ms),
      line(`bot.${name}.p99`, percentile(sorted, 99), 'ms', null),
      line(`bot.${name}.throughput`, sorted.length / run.seconds, 'req/s', null),
      line(`bot.${name}.errors`, run.errors, 'count', budget.errors, 0),
      line(`bot.${name}.card-size-max`, run.maxCardBytes, 'bytes', budget.cardBytes, 0),
    ],
    ok: p95 <= budget.p95Ms && run.errors <= budget.errors && run.maxCardBytes <= budget.cardBytes,
  };
}

async function main(): Promise<void> {
  if (values.serve) return serve();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', self, '--serve', '--people', values.people, '--log-level', values['log-level']],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const match = /READY (\{.*\})\n/.exec(buffered);
        if (match?.[1]) resolve(JSON.parse(match[1]) as Ready);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code ?? 'a signal'}`)));
    });
    const connections = Number(values.connections);
    const seconds = Number(values.seconds);
    const search = invoke(ready, 'composeExtension/query', {
      commandId: 'searchInitiatives',
      parameters: [{ name: 'query', value: ready.word }],
      queryOptions: { skip: 0, count: 10 },
    });
    const unfurl = invoke(ready, 'composeExtension/queryLink', {
      url: `${publicUrl}/tab/index.html#/initiatives/${ready.initiativeId}`,
    });
    await load(ready.port, search, 2, 2); // warm-up: decoded snapshot and rendered report in the cache
    await load(ready.port, unfurl, 2, 2);
    console.log(
      `# ${values.people} people, ${connections} concurrent requests, ${seconds} s per scenario, demo mode`,
    );
    let ok = true;
    for (const [name, body] of [
      ['search', search],
      ['unfurl', unfurl],
    ] as const) {
      const result = report(name, await load(ready.port, body, connections, seconds));
      for (const text of result.lines) console.log(text);
      ok &&= result.ok;
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
