// A job worker in its own process, for tests/jobs.test.ts: `node --import tsx job-worker-child.ts <url> <worker-id>`.
// Runs 'collection' jobs that record each execution in job_execution; stops cleanly on SIGTERM.
import { sql } from 'kysely';
import { createJobQueue } from '../../api/src/jobs/queue';
import { startWorker } from '../../api/src/jobs/worker';
import { openStore } from '../../api/src/store/database';

const [url, workerId] = process.argv.slice(2);
if (!url || !workerId) {
  process.stderr.write('usage: job-worker-child.ts <database-url> <worker-id>\n');
  process.exit(2);
}

const store = await openStore({ kind: 'postgres', url });
const queue = createJobQueue(store.db);
const worker = startWorker(queue, {
  workerId,
  concurrency: 2,
  pollMs: 50,
  leaseMs: 10_000,
  handlers: {
    collection: async (ctx) => {
      await queue.withFence(ctx.job, (trx) =>
        sql`insert into job_execution (job_id, worker, at) values (${ctx.job.id}, ${workerId}, ${new Date()})`.execute(
          trx,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      return { worker: workerId };
    },
  },
  logger: {
    info: () => undefined,
    warn: (obj, msg) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
    error: (obj, msg) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
  },
});

process.once('SIGTERM', () => {
  void worker
    .stop()
    .then(() => store.close())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
});
process.stdout.write('ready\n');
