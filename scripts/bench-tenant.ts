// npm run bench:tenant — generation time and peak memory of synthetic tenants of 1,000, 10,000 and
// 100,000 people × 26 weeks, one line per figure: `name value unit budget=B ratio=R` (R = value/budget).
// Budgets (issue 3): 100,000 people × 26 weeks in ≤ 60 s and ≤ 2 GiB. Time budgets of the smaller sizes
// scale linearly from it (0.6 s at 1k, 6 s at 10k); the memory budget is 2 GiB at every size. Each size
// runs in a fresh Node process, so peak memory is that process's maximum resident set (Node's own
// baseline included). Generation includes one streaming pass over every channel message. The 100k run
// takes up to a minute: benchmarks never go into tests.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateTenant } from '../api/src/demo/tenant/generate';

const sizes = [
  { label: '1k', people: 1_000 },
  { label: '10k', people: 10_000 },
  { label: '100k', people: 100_000 },
];
const weeks = 26;
const secondsPer100k = 60;
const memoryBudgetMiB = 2048;

interface ChildResult {
  seconds: number;
  peakRssMiB: number;
  messages: number;
}

const { values } = parseArgs({ options: { child: { type: 'string' } }, strict: true });

function measure(people: number): ChildResult {
  const started = performance.now();
  const tenant = generateTenant({ seed: 42, people, weeks, asOf: new Date('2026-11-30T00:00:00Z') });
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / 2 ** 20,
    messages: tenant.messageLog.total,
  };
}

function runChild(people: number): Promise<ChildResult> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--child', String(people)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`bench child for ${people} people exited with ${code}`));
      else resolve(JSON.parse(out) as ChildResult);
    });
  });
}

const line = (name: string, value: number, unit: string, budget: number, digits: number) =>
  `${name} ${value.toFixed(digits)} ${unit} budget=${budget} ratio=${(value / budget).toFixed(2)}`;

if (values.child !== undefined) {
  process.stdout.write(JSON.stringify(measure(Number(values.child))));
} else {
  for (const size of sizes) {
    const result = await runChild(size.people);
    const timeBudget = (secondsPer100k * size.people) / 100_000;
    console.log(line(`tenant.generate.${size.label}`, result.seconds, 's', timeBudget, 2));
    console.log(line(`tenant.peak-rss.${size.label}`, result.peakRssMiB, 'MiB', memoryBudgetMiB, 0));
    console.error(`(${size.label}: ${result.messages} channel messages generated and streamed)`);
  }
}
