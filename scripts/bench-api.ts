// npm run bench:api — the report API under load, through the production composition (composeApp) in
// demo mode with in-memory PGlite, in a child process so that the load generator does not share its
// event loop. The demo tenant has 10,000 people; at start-up the app seeds a stored baseline of the
// sample initiative from the tenant's ground truth (api/src/demo/seed-snapshot.ts), and one warm-up
// request per route puts the decoded snapshot and the results in the cache. Then:
//   (a) autocannon, GET /api/initiatives/:id/report for 30 s: requests/s (budget ≥ 500) and p99 latency
//       (≤ 100 ms);
//   (b) 200 concurrent users for 60 s, each a keep-alive connection asking for report, diagnostics,
//       initiatives list and me in turn as soon as the last answer came: errors, timeouts (10 s) and
//       non-2xx answers (budget 0). This load uses node:http, not autocannon: autocannon opening 200
//       connections at once lost some of its first requests before the server ever accepted their
//       connections (the server saw neither the connection nor the request; the kernel counted no listen
//       overflow or drop), which measures the load generator, not the API. `--mix-client autocannon`
//       runs (b) with autocannon anyway.
// Prints `name value unit budget=B ratio=R` (R ≤ 1 meets the budget, inverted for "at least" budgets)
// and exits non-zero on a miss. The per-user and per-tenant rate limits are raised for the run (the
// defaults would answer 429 long before the budget), and the output says so.
// Options: --people 10000 --weeks 6 --connections 10 --report-seconds 30 --mix-seconds 60
//          --mix-connections 200 --mix-client node|autocannon.
import { spawn, type ChildProcess } from 'node:child_process';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeApp } from '../api/src/compose';
import { loadConfig } from '../api/src/config';
import { createLogger } from '../api/src/logger';

const budget = { reportRps: 500, reportP99Ms: 100, mixFailures: 0 };
const rateLimits = { API_RATE_PER_USER: '100000', API_RATE_PER_TENANT: '1000000' };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    weeks: { type: 'string', default: '6' },
    connections: { type: 'string', default: '10' },
    'report-seconds': { type: 'string', default: '30' },
    'mix-seconds': { type: 'string', default: '60' },
    'mix-connections': { type: 'string', default: '200' },
    'mix-client': { type: 'string', default: 'node' },
    'log-level': { type: 'string', default: 'error' },
    serve: { type: 'boolean', default: false },
  },
  strict: true,
});

/** What the server child tells the parent once it listens. */
interface Ready {
  readonly baseUrl: string;
  readonly initiativeId: string;
  readonly tokens: { leader: string; learner: string; manager: string };
  readonly startupSeconds: number;
}

/** The parts of autocannon's answer this script reads (the package ships no types). */
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}
interface CannonRequest {
  method: 'GET';
  path: string;
  headers: Record<string, string>;
}
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: CannonRequest[];
  timeout?: number;
}) => Promise<CannonResult>;

/** The child: the app, listening on loopback, with the personas' tokens. */
async function serve(): Promise<void> {
  const started = performance.now();
  const config = loadConfig({
    LEARNFIT_MODE: 'demo',
    PORT: '0',
    DATA_DIR: ':memory:',
    // msal warns on every on-behalf-of token the demo issues; only errors matter here by default.
    LOG_LEVEL: values['log-level'],
    WORKER_CONCURRENCY: '0',
    DEMO_PEOPLE: values.people,
    DEMO_WEEKS: values.weeks,
    ...rateLimits,
  });
  const composed = await composeApp(
    config,
    {
      tabDistDir: path.join(repoRoot, 'tabs', 'dist'),
      hostEmulatorDir: path.join(repoRoot, 'api', 'src', 'demo', 'host-emulator'),
    },
    createLogger(config.logLevel),
  );
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = composed.app.listen(0, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  const demo = composed.demo;
  if (!demo) throw new Error('bench: the app did not start in demo mode');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const leader = await demo.identity.issueSsoToken(demo.tenant.personas.learningLeader);
  const list = (await (
    await fetch(`${baseUrl}/api/initiatives`, { headers: { Authorization: `Bearer ${leader}` } })
  ).json()) as { items: Array<{ id: string; name: string }> };
  const initiative = list.items.find((item) => item.name === demo.tenant.sampleInitiative.name);
  if (!initiative) throw new Error('bench: the sample initiative was not seeded');
  const ready: Ready = {
    baseUrl,
    initiativeId: initiative.id,
    tokens: {
      leader,
      learner: await demo.identity.issueSsoToken(demo.tenant.personas.learner),
      manager: await demo.identity.issueSsoToken(demo.tenant.personas.manager),
    },
    startupSeconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close();
    void composed.close().finally(() => process.exit(0));
  });
}

function startChild(): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', self, '--serve', '--people', values.people, '--weeks', values.weeks],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((text) => text.startsWith('READY '));
      if (line) resolve({ child, ready: JSON.parse(line.slice('READY '.length)) as Ready });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before it was ready`)));
  });
}

/**
 * `users` concurrent users for `seconds`: each holds one keep-alive connection and sends the next request
 * (cycling through `routes`) as soon as the last answer arrived; 10 s without an answer is a timeout.
 * Answers in autocannon's result shape, for the figures below.
 */
async function closedLoop(
  baseUrl: string,
  routes: readonly CannonRequest[],
  users: number,
  seconds: number,
): Promise<CannonResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: users });
  const { hostname, port } = new URL(baseUrl);
  const tally = { ok: 0, non2xx: 0, errors: 0, timeouts: 0 };
  const latencies: number[] = [];
  const statusCodeStats: Record<string, { count: number }> = {};
  const end = performance.now() + seconds * 1000;
  const send = (route: CannonRequest): Promise<void> =>
    new Promise((resolve) => {
      const started = performance.now();
      const request = http.request(
        {
          host: hostname,
          port,
          path: route.path,
          method: route.method,
          headers: route.headers,
          agent,
          timeout: 10_000,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - started);
            const status = String(response.statusCode ?? 0);
            statusCodeStats[status] = { count: (statusCodeStats[status]?.count ?? 0) + 1 };
            if (status.startsWith('2')) tally.ok += 1;
            else tally.non2xx += 1;
            resolve();
          });
        },
      );
      request.on('timeout', () => {
        tally.timeouts += 1;
        request.destroy(new Error('timeout'));
      });
      request.on('error', (error) => {
        if (error.message !== 'timeout') tally.errors += 1;
        resolve();
      });
      request.end();
    });
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      for (let next = user; performance.now() < end; next += 1) await send(routes[next % routes.length]!);
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (share: number): number =>
    Math.round(latencies[Math.floor((latencies.length - 1) * share)] ?? 0);
  const total = tally.ok + tally.non2xx;
  return {
    requests: { average: total / seconds, total },
    latency: {
      p50: at(0.5),
      p99: at(0.99),
      average: latencies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, latencies.length),
      max: at(1),
    },
    errors: tally.errors,
    timeouts: tally.timeouts,
    non2xx: tally.non2xx,
    duration: seconds,
    statusCodeStats,
  };
}

/** One figure per line; `atLeast` budgets are inverted so that a ratio ≤ 1 always meets the budget. */
function figure(
  name: string,
  value: number,
  unit: string,
  limit: number | null,
  atLeast = false,
  digits = 1,
) {
  const ratio =
    limit === null
      ? ''
      : ` ratio=${
          limit === 0
            ? value === 0
              ? '0.00'
              : 'inf'
            : (atLeast ? limit / Math.max(value, 1e-9) : value / limit).toFixed(2)
        }`;
  return `${name} ${value.toFixed(digits)} ${unit} budget=${limit === null ? 'none' : `${atLeast ? '≥' : '≤'}${limit}`}${ratio}`;
}

async function timed(url: string, token: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

async function measure(): Promise<boolean> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;
  console.log(
    `bench:api: ${values.people}-person demo tenant, ${values.weeks} weeks, production composition in a child ` +
      `process (in-memory PGlite).\nnote: rate limits raised for the bench: API_RATE_PER_USER=` +
      `${rateLimits.API_RATE_PER_USER}, API_RATE_PER_TENANT=${rateLimits.API_RATE_PER_TENANT} per minute ` +
      '(defaults 600 and 6,000).',
  );
  const { child, ready } = await startChild();
  try {
    const { baseUrl, initiativeId, tokens } = ready;
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const reportPath = `/api/initiatives/${initiativeId}/report`;
    const diagnosticsPath = `/api/initiatives/${initiativeId}/diagnostics`;
    const coldReport = await timed(baseUrl + reportPath, tokens.leader);
    const coldDiagnostics = await timed(baseUrl + diagnosticsPath, tokens.leader);
    if (coldReport.status !== 200 || coldDiagnostics.status !== 200)
      throw new Error(`warm-up answered ${coldReport.status} and ${coldDiagnostics.status}`);
    console.log(figure('api.startup', ready.startupSeconds, 's', null));
    console.log(figure('api.report.cold', coldReport.ms, 'ms', null));
    console.log(figure('api.report.size', coldReport.bytes / 1024, 'KiB', null));
    console.log(figure('api.diagnostics.cold', coldDiagnostics.ms, 'ms', null));

    const report = await autocannon({
      url: baseUrl + reportPath,
      connections: Number(values.connections),
      duration: Number(values['report-seconds']),
      headers: auth(tokens.leader),
    });
    const reportFailures = report.errors + report.timeouts + report.non2xx;
    const mixRoutes: CannonRequest[] = [
      { method: 'GET', path: reportPath, headers: auth(tokens.leader) },
      { method: 'GET', path: diagnosticsPath, headers: auth(tokens.leader) },
      { method: 'GET', path: '/api/initiatives', headers: auth(tokens.learner) },
      { method: 'GET', path: '/api/me', headers: auth(tokens.manager) },
    ];
    const mix =
      values['mix-client'] === 'autocannon'
        ? await autocannon({
            url: baseUrl,
            connections: Number(values['mix-connections']),
            duration: Number(values['mix-seconds']),
            requests: mixRoutes,
            timeout: 10,
          })
        : await closedLoop(
            baseUrl,
            mixRoutes,
            Number(values['mix-connections']),
            Number(values['mix-seconds']),
          );
    const mixFailures = mix.errors + mix.timeouts + mix.non2xx;

    const verdicts = [
      report.requests.average >= budget.reportRps,
      report.latency.p99 <= budget.reportP99Ms,
      reportFailures === 0,
      mixFailures <= budget.mixFailures,
    ];
    console.log(figure('api.report.throughput', report.requests.average, 'req/s', budget.reportRps, true));
    console.log(figure('api.report.p99', report.latency.p99, 'ms', budget.reportP99Ms));
    console.log(figure('api.report.p50', report.latency.p50, 'ms', null));
    console.log(figure('api.report.failures', reportFailures, 'responses', 0, false, 0));
    console.log(figure('api.mix.errors', mix.errors + mix.timeouts, 'requests', 0, false, 0));
    console.log(`api.mix.errors.detail socket errors ${mix.errors}, timeouts (over 10 s) ${mix.timeouts}`);
    console.log(figure('api.mix.non2xx', mix.non2xx, 'responses', 0, false, 0));
    console.log(figure('api.mix.throughput', mix.requests.average, 'req/s', null));
    console.log(figure('api.mix.p99', mix.latency.p99, 'ms', null));
    console.log(
      `\nnotes: (a) ${values.connections} connections for ${values['report-seconds']} s, ${report.requests.total} ` +
        `requests (autocannon); (b) ${values['mix-connections']} users (${values['mix-client'] === 'autocannon' ? 'autocannon' : 'node:http, one keep-alive connection each'}) for ${values['mix-seconds']} s cycling report, ` +
        `diagnostics, initiatives and me, ${mix.requests.total} requests` +
        (mix.statusCodeStats ? `, statuses ${JSON.stringify(mix.statusCodeStats)}` : '') +
        '. The load generator runs beside the server on the same cores.',
    );
    const ok = verdicts.every(Boolean);
    console.log(ok ? '\nall judged budgets met' : '\nBUDGET FAILED');
    return ok;
  } finally {
    child.kill('SIGTERM');
  }
}

if (values.serve) await serve();
else process.exitCode = (await measure()) ? 0 : 1;
