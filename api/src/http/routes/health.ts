import { Router } from 'express';
import type { ReadinessCheck } from '../../services/api-services';
import { sendProblem } from '../problem';

const checkTimeoutMs = 3000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** `GET /healthz` (the process answers) and `GET /readyz` (database and Graph transport reachable). */
export function healthRoutes(checks: readonly ReadinessCheck[]): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), checkTimeoutMs);
          return [name, 'ok'] as const;
        } catch {
          return [name, 'failing'] as const;
        }
      }),
    );
    const failing = results.filter(([, state]) => state !== 'ok').map(([name]) => name);
    if (failing.length > 0) {
      sendProblem(res, 503, 'not_ready', 'Not ready', `Failing checks: ${failing.join(', ')}.`);
      return;
    }
    res.json({ status: 'ready', checks: Object.fromEntries(results) });
  });
  return router;
}
