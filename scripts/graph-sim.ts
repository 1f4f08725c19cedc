// npm run graph-sim -- --people N --seed S --port P [--weeks W] [--latency-ms L] [--faults PCT] [--concealed]
//                      [--no-throttling] [--host H]
// Starts the Graph simulator and the identity simulator on one port and prints one JSON line:
// {graphBaseUrl, tokenEndpoint, tenantId, clientId, clientSecret}. Runs until interrupted.
import { parseArgs } from 'node:util';
import { startStandaloneSimulator } from '../api/src/demo/graph-sim/standalone';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    port: { type: 'string', default: '4100' },
    weeks: { type: 'string', default: '26' },
    'latency-ms': { type: 'string', default: '0' },
    faults: { type: 'string', default: '0' },
    concealed: { type: 'boolean', default: false },
    'no-throttling': { type: 'boolean', default: false },
    host: { type: 'string', default: '127.0.0.1' },
  },
  strict: true,
});

function integer(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`graph-sim: --${name} must be an integer in ${min}..${max} (got '${raw ?? ''}')\n`);
    process.exit(2);
  }
  return n;
}

const faults = Number(values.faults);
if (!(faults >= 0 && faults <= 100)) {
  process.stderr.write(`graph-sim: --faults must be a percentage in 0..100 (got '${values.faults ?? ''}')\n`);
  process.exit(2);
}

const sim = await startStandaloneSimulator({
  people: integer('people', values.people, 50, 100_000),
  seed: integer('seed', values.seed, -2_147_483_648, 2_147_483_647),
  weeks: integer('weeks', values.weeks, 1, 52),
  port: integer('port', values.port, 0, 65_535),
  host: values.host ?? '127.0.0.1',
  latencyMs: integer('latency-ms', values['latency-ms'], 0, 60_000),
  faultRate: faults / 100,
  concealed: values.concealed ?? false,
  throttling: !(values['no-throttling'] ?? false),
  now: () => new Date(),
});
process.stdout.write(`${JSON.stringify(sim.info)}\n`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
