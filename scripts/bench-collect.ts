// npm run bench:collect — the collection pipeline against the Graph simulator with latency and throttling
// on, for synthetic tenants of 1,000, 10,000 and 50,000 people, each collecting a target group of about
// 1,000 people in 10 cohort teams of 100 (generateTenant's `cohorts` option) through the production path (governor, Graph client, PGlite journal, snapshot
// saved). Per size: Graph requests and wall time against the least the API allows for the same plan
// (scripts/bench/collect-minimum.ts; budgets ≤ 1.2), 429s received (budget 0) and peak RSS (no budget).
// Also, as information without a budget (the issue sets none): the same time ratio for everything but
// the usage reports, whose 14-per-10-minutes quota makes any run last ≥ 10 minutes and would hide a slow
// directory or message path. Its floor counts latency only; here the simulator and PGlite share the
// collector's thread, so their CPU time per page lands in it too. Each size runs in its own Node process, one
// after the other by default (about 11 minutes each: the report quota): with --parallel they run at once,
// which is quicker but makes them compete for this machine's two cores, so the time ratios then measure
// the contention as much as the pipeline.
// Options: --sizes 1000,10000,50000 --latency-ms 80 --weeks 4 --time-scale 1 --[no-]parallel.
// --time-scale N runs the simulator's and the governor's clock N times faster (a smoke test): times are
// then virtual, CPU work is magnified N times, and the time budgets are not judged.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCollaborationSnapshot } from '@learnfit/core';
import { lastModified } from '../api/src/demo/graph-sim/context';
import { INLINE_REPLIES } from '../api/src/demo/graph-sim/message-pages';
import { startTestSimulator } from '../api/src/demo/graph-sim/test-harness';
import { generateTenant } from '../api/src/demo/tenant/generate';
import type { DemoTeam, DemoTenant } from '../api/src/demo/tenant/model';
import { collectTenant, reportDays, windowStartOf } from '../api/src/graph/collectors/collect-tenant';
import { reportSpecs } from '../api/src/graph/collectors/report-columns';
import { createGraphClient } from '../api/src/graph/graph-client';
import { createRateGovernor } from '../api/src/graph/pacing/governor';
import { createRoutedFetch, microsoftHosts, type FetchLike } from '../api/src/graph/transport';
import { createPseudonymizer } from '../api/src/identity/pseudonym';
import { createCollectionStore } from '../api/src/store/collection-store';
import { openStore } from '../api/src/store/database';
import { collectionMinimum, type CollectionMinimum, type RootTruth } from './bench/collect-minimum';

const asOf = new Date('2026-11-30T00:00:00Z');
const targetPeople = 1_000;
const targetTeams = 10;
const budget = { requests: 1.2, time: 1.2, throttled: 0 };
const kinds = ['users', 'reportSettings', 'batch', 'messages', 'replies', 'reports', 'other'] as const;
type Kind = (typeof kinds)[number];

/** What one size's child process reports. */
interface SizeResult {
  people: number;
  target: { people: number; teams: number; channels: number };
  requests: Record<Kind, number>;
  raw429: number;
  /** Responses of 400 and above and unanswered requests, by kind and status or error code (`reports 404`). */
  failures: Record<string, number>;
  governorThrottled: number;
  governorRetried: number;
  minimum: CollectionMinimum;
  /** Virtual ms from the start of collectTenant: phase starts, and the end of each part. */
  marks: Record<string, number>;
  messages: { collected: number; truth: number };
  rssMiB: { before: number; peak: number };
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    'latency-ms': { type: 'string', default: '80' },
    weeks: { type: 'string', default: '4' },
    'time-scale': { type: 'string', default: '1' },
    parallel: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
  allowNegative: true,
  strict: true,
});
const latencyMs = Number(values['latency-ms']);
const weeks = Number(values.weeks);
const scale = Number(values['time-scale']);
const label = (people: number): string => (people % 1000 === 0 ? `${people / 1000}k` : String(people));
const log = (people: number, text: string): void => void process.stderr.write(`[${label(people)}] ${text}\n`);

/** Each channel's roots newest first (the simulator's order) with thread touch times, and messages in the window. */
function groundTruth(tenant: DemoTenant, teams: readonly DemoTeam[], windowStart: number) {
  const channels: RootTruth[][] = [];
  let inWindow = 0;
  for (const team of teams) {
    const roots = new Map<string, string[]>();
    const touched = new Map<string, string>();
    const replies = new Map<string, number>();
    const messages = tenant.messageLog.forTeam(team.id);
    for (let index = messages.length - 1; index >= 0; index -= 1) {
      const message = messages[index]!;
      if (message.fromUserId !== null && Date.parse(message.createdDateTime) >= windowStart) inWindow += 1;
      const root = message.replyToId ?? message.id;
      const modified = lastModified(message);
      if ((touched.get(root) ?? '') < modified) touched.set(root, modified);
      if (message.replyToId !== null) replies.set(root, (replies.get(root) ?? 0) + 1);
      else {
        const list = roots.get(message.channelId);
        if (list) list.push(message.id);
        else roots.set(message.channelId, [message.id]);
      }
    }
    for (const channel of team.channels)
      channels.push(
        (roots.get(channel.id) ?? []).map((id) => ({
          touchedAt: Date.parse(touched.get(id) ?? ''),
          replies: replies.get(id) ?? 0,
        })),
      );
  }
  return { channels, inWindow };
}

function kindOf(url: string): Kind {
  const path = decodeURIComponent(new URL(url).pathname).toLowerCase();
  if (path.includes('/reports/') || path.includes('/data/download/')) return 'reports';
  if (path.endsWith('/$batch')) return 'batch';
  if (path.endsWith('/admin/reportsettings')) return 'reportSettings';
  if (path.endsWith('/replies')) return 'replies';
  if (path.endsWith('/messages')) return 'messages';
  return path.endsWith('/users') ? 'users' : 'other';
}

async function measure(people: number): Promise<SizeResult> {
  const generated = performance.now();
  // The target group: ten cohort teams of 100 different people each, the same shape at every size.
  const tenant = generateTenant({
    seed: 42,
    people,
    weeks,
    asOf,
    cohorts: { count: targetTeams, size: targetPeople / targetTeams },
  });
  const cohortTeams = tenant.teams.filter((team) => team.kind === 'cohort');
  const target = { teams: cohortTeams, people: new Set(cohortTeams.flatMap((team) => team.memberIds)).size };
  const windowStart = windowStartOf(asOf, weeks);
  const days = reportDays(asOf, weeks);
  const truth = groundTruth(tenant, target.teams, windowStart);
  const minimum = collectionMinimum(
    {
      users: tenant.users.length,
      teams: target.teams.length,
      structureNextPages: 0, // the simulator answers a team's members and channels in one page each
      channels: truth.channels,
      windowStart,
      reportDays: days.length,
      reports: reportSpecs.length,
    },
    { latencyMs, inlineReplies: INLINE_REPLIES },
  );
  const seconds = ((performance.now() - generated) / 1000).toFixed(1);
  log(people, `tenant and ground truth in ${seconds} s; target ${target.people} people in 10 teams`);

  const mib = (bytes: number): number => bytes / 2 ** 20;
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 100);
  const realStart = performance.now();
  const now = (): number => asOf.getTime() + (performance.now() - realStart) * scale;
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => setTimeout(resolve, Math.ceil(ms / scale)));
  const sim = await startTestSimulator(tenant, {
    now: () => new Date(now()),
    throttling: {},
    latencyMs: latencyMs / scale,
    // A sped-up clock would expire Graph's few-minute download links within a second of real time.
    ...(scale !== 1 ? { downloadTtlMs: 60 * 60 * 1000 } : {}),
  });
  const store = await openStore({ kind: 'pglite', dataDir: null });
  const requests = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<Kind, number>;
  let raw429 = 0;
  const failures: Record<string, number> = {};
  const counting: FetchLike = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const kind = kindOf(url);
    // Failures name the download apart from the report request it came from.
    const where = url.includes('/data/download/') ? 'download' : kind;
    const tally = (outcome: string): void =>
      void (failures[`${where} ${outcome}`] = (failures[`${where} ${outcome}`] ?? 0) + 1);
    requests[kind] += 1;
    let response: Response;
    try {
      response = await fetch(input, { ...init, redirect: 'manual' });
    } catch (error) {
      // A request that never got an answer (a reset or closed connection): say which, then let it fail.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      tally(cause instanceof Error ? ((cause as Error & { code?: string }).code ?? cause.name) : 'error');
      throw error;
    }
    if (response.status === 429) raw429 += 1;
    if (response.status >= 400) tally(String(response.status));
    return response;
  };
  const routes = new Map([
    [microsoftHosts.graph, sim.base],
    [microsoftHosts.reportsDownload, sim.base],
  ]);
  const client = createGraphClient({
    fetch: createRoutedFetch(routes, counting),
    accessToken: () => Promise.resolve('app'),
    maxRetries: 0,
  });
  const governor = createRateGovernor({ now, sleep });
  const runId = `bench-${people}-${Date.now()}`;
  const collections = createCollectionStore(store.db);
  const marks: Record<string, number> = {};
  const started = now();
  const mark = (name: string): void => {
    if (marks[name] === undefined) {
      marks[name] = now() - started;
      log(people, `${name} at ${(marks[name] / 1000).toFixed(1)} s`);
    }
  };
  const sources = await collectTenant(
    client,
    governor,
    { teamIds: target.teams.map((team) => team.id), dataAsOf: asOf, weeks },
    collections.journal(runId, tenant.tenantId),
    (progress) => {
      if (progress.phase !== 'directory') mark('directory done');
      mark(progress.phase);
    },
  );
  mark('collected');
  const snapshot = buildCollaborationSnapshot({
    tenantId: tenant.tenantId,
    dataAsOf: asOf,
    weeks,
    people: sources.people,
    messages: sources.messages,
    daily: sources.daily,
    coverage: sources.coverage,
    pseudonymize: createPseudonymizer('bench-key', tenant.tenantId),
  });
  await collections.saveSnapshot({
    id: `snap-${runId}`,
    tenantId: tenant.tenantId,
    runId,
    initiativeId: null,
    kind: 'adhoc',
    dataAsOf: asOf,
    weeks,
    summary: { messages: sources.messages.length },
    snapshot,
    frozen: false,
  });
  mark('saved');
  clearInterval(sampler);
  await Promise.all([sim.close(), store.close()]);
  return {
    people,
    target: {
      people: target.people,
      teams: target.teams.length,
      channels: truth.channels.length,
    },
    requests,
    raw429,
    failures,
    governorThrottled: governor.stats.throttled,
    governorRetried: governor.stats.retried,
    minimum,
    marks,
    messages: {
      collected: sources.messages.filter((message) => message.createdAt >= windowStart).length,
      truth: truth.inWindow,
    },
    rssMiB: { before: mib(rssBefore), peak: mib(Math.max(rssPeak, process.memoryUsage.rss())) },
  };
}

function runChild(people: number): Promise<SizeResult> {
  const self = fileURLToPath(import.meta.url);
  const args = ['--child', String(people), '--latency-ms', String(latencyMs), '--weeks', String(weeks)];
  const child = spawn(process.execPath, ['--import', 'tsx', self, ...args, '--time-scale', String(scale)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((text) => text.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`bench child for ${people} people exited with ${code}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as SizeResult);
    });
  });
}

/** Runs every size, prints the figures and tables, and says whether every judged budget was met. */
async function compareSizes(): Promise<boolean> {
  const sizes = (values.sizes ?? '').split(',').map(Number);
  if (sizes.some((people) => !Number.isInteger(people)) || !(latencyMs >= 0) || !(scale > 0))
    throw new RangeError('--sizes takes integers, --latency-ms a number ≥ 0, --time-scale a number > 0');
  const scaled = scale !== 1;
  const cores = availableParallelism();
  console.log(
    `collection bench: sizes ${sizes.join(', ')} people, target ~${targetPeople} people in ${targetTeams} teams, ` +
      `${weeks} weeks, latency ${latencyMs} ms, throttling on, time scale ${scale}`,
  );
  if (values.parallel) console.log(`sizes run concurrently, one process each, sharing ${cores} CPU cores`);
  if (scaled)
    console.log(
      `TIME SCALE ${scale}: times below are virtual (real × ${scale}); CPU and database work count ${scale}× ` +
        'too, so the time budgets are shown but not judged.',
    );
  const results = values.parallel
    ? await Promise.all(sizes.map(runChild))
    : await sizes.reduce<Promise<SizeResult[]>>(
        async (done, people) => [...(await done), await runChild(people)],
        Promise.resolve([]),
      );

  const verdicts: boolean[] = [];
  const judge = (pass: boolean, judged = true): string => {
    if (!judged) return 'SKIP';
    verdicts.push(pass);
    return pass ? 'PASS' : 'FAIL';
  };
  const figure = (name: string, value: number, unit: string, limit: number | null, digits = 2): string =>
    `${name} ${value.toFixed(digits)} ${unit} budget=${limit ?? 'none'}` +
    (limit === null
      ? ''
      : ` ratio=${limit === 0 ? (value === 0 ? '0.00' : 'inf') : (value / limit).toFixed(2)}`);
  const secs = (ms: number): string => (ms / 1000).toFixed(1);
  const table = (rows: string[][]): string => {
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
    return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
  };

  const summary: string[][] = [
    ['size', 'target', 'requests/min', 'x', 'budget', 'wall s/min', 'x', 'budget'].concat([
      'non-report s/min',
      'x',
      'budget',
      '429s',
      'budget',
      'peak RSS (before)',
    ]),
  ];
  const byKind: string[][] = [['size', ...kinds.map((kind) => `${kind} (min)`), 'errors, retries']];
  const phases: string[][] = [
    [
      'size',
      'directory',
      'non-report (from 0)',
      'reports after that',
      'assembling',
      'snapshot',
      'msgs in window',
    ],
  ];
  for (const result of results) {
    const { minimum, marks } = result;
    const name = label(result.people);
    const sent = kinds.reduce((total, kind) => total + result.requests[kind], 0);
    const wall = marks['saved'] ?? 0;
    const messagesDone = marks['reports'] ?? marks['assembling'] ?? wall;
    const throttled = Math.max(result.raw429, result.governorThrottled);
    const ratios = {
      requests: sent / minimum.requests.total,
      wall: wall / minimum.ms.total,
      nonReport: messagesDone / minimum.ms.nonReport,
    };
    console.log(figure(`collect.${name}.requests-vs-minimum`, ratios.requests, 'x', budget.requests));
    console.log(figure(`collect.${name}.wall-vs-minimum`, ratios.wall, 'x', budget.time));
    console.log(
      `collect.${name}.non-report-vs-minimum ${ratios.nonReport.toFixed(2)} x (information, no budget)`,
    );
    console.log(figure(`collect.${name}.throttled`, throttled, 'responses', budget.throttled, 0));
    console.log(figure(`collect.${name}.peak-rss`, result.rssMiB.peak, 'MiB', null, 0));
    const { target } = result;
    summary.push([
      name,
      `${target.people} (${target.teams} cohort teams, ${target.channels} ch)`,
      `${sent}/${minimum.requests.total}`,
      ratios.requests.toFixed(2),
      judge(ratios.requests <= budget.requests),
      `${secs(wall)}/${secs(minimum.ms.total)}`,
      ratios.wall.toFixed(2),
      judge(ratios.wall <= budget.time, !scaled),
      `${secs(messagesDone)}/${secs(minimum.ms.nonReport)}`,
      ratios.nonReport.toFixed(2),
      'info',
      `${throttled} (raw ${result.raw429})`,
      judge(throttled <= budget.throttled),
      `${result.rssMiB.peak.toFixed(0)} MiB (${result.rssMiB.before.toFixed(0)})`,
    ]);
    const least: Record<Kind, number> = {
      users: minimum.requests.users,
      reportSettings: minimum.requests.reportSettings,
      batch: minimum.requests.teamBatches,
      messages: minimum.requests.channelPages,
      replies: minimum.requests.replyPages,
      reports: minimum.requests.reports,
      other: 0,
    };
    const errors = Object.entries(result.failures).map(([key, count]) => `${count}× ${key}`);
    byKind.push([
      name,
      ...kinds.map((kind) => `${result.requests[kind]} (${least[kind]})`),
      `${errors.join(', ') || 'none'}; ${result.governorRetried} retried`,
    ]);
    const at = (mark: string, fallback: number): number => marks[mark] ?? fallback;
    phases.push([
      name,
      secs(at('directory done', 0)),
      secs(messagesDone),
      secs(at('assembling', messagesDone) - messagesDone),
      secs(at('collected', 0) - at('assembling', 0)),
      secs(wall - at('collected', 0)),
      `${result.messages.collected} of ${result.messages.truth}`,
    ]);
  }
  console.log(
    `\nbudgets (x = measured / minimum; budget ≤ ${budget.requests}, 429s = 0; peak RSS has no budget)`,
  );
  console.log(table(summary));
  console.log('\nGraph requests by kind, sent (minimum); a report is its 302 and its download');
  console.log(table(byKind));
  console.log(
    `\nphase times in s${scaled ? ' (virtual)' : ''}; the directory and the messages run side by side, the reports after the directory`,
  );
  console.log(table(phases));
  console.log(
    '\nnotes: wall time runs from the start of collection to the saved snapshot (build and save included);' +
      ' non-report time ends when the last channel is read. Peak RSS is sampled every 100 ms and includes' +
      ' the in-process simulator and generated tenant (RSS before collection in brackets).',
  );
  if (values.parallel && results.length > 1)
    console.log(`notes: ${results.length} sizes ran at once on ${cores} CPU cores, competing for them.`);
  console.log(verdicts.every(Boolean) ? '\nall judged budgets met' : '\nBUDGET FAILED');
  return verdicts.every(Boolean);
}

// A child measures one size and never spawns: only the parent compares sizes.
if (values.child === undefined) process.exitCode = (await compareSizes()) ? 0 : 1;
else {
  const result = await measure(Number(values.child));
  // Exit once the line is out: an idle PGlite or socket handle must not keep the child alive.
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`, () => process.exit(0));
}
