import type { Client } from '@microsoft/microsoft-graph-client';
import { retryAfterMs, type Lane, type RateGovernor } from './governor';
import type { Release } from './rate-limiter';

/** One GET inside a JSON batch. */
export interface BatchGet {
  readonly id: string;
  /** Path relative to the version root, e.g. `/teams/{id}/members`. */
  readonly url: string;
  readonly lane: Lane;
}

/** A sub-response: the status and the parsed body. */
export interface BatchAnswer {
  readonly status: number;
  readonly body: unknown;
}

interface WireResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Graph accepts at most 20 requests per batch. */
export const BATCH_LIMIT = 20;

/**
 * Sends GETs as `$batch` requests of at most 20, each item admitted by the governor, and retries items
 * that come back 429/503/504 inside the batch's 200 (the SDK's retry handler never looks inside).
 */
export async function batchGet(
  client: Client,
  governor: RateGovernor,
  requests: readonly BatchGet[],
): Promise<Map<string, BatchAnswer>> {
  const answers = new Map<string, BatchAnswer>();
  let pending = [...requests];
  for (let round = 1; pending.length > 0; round += 1) {
    const retry: BatchGet[] = [];
    let wait = 0;
    for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
      const chunk = pending.slice(start, start + BATCH_LIMIT);
      const releases: Release[] = [];
      for (const item of chunk) releases.push(await governor.admit(item.lane));
      const reply = (await governor
        .run({ service: 'identity', units: 0 }, () =>
          client.api('/$batch').post({
            requests: chunk.map((item) => ({ id: item.id, method: 'GET', url: item.url })),
          }),
        )
        .finally(() => releases.forEach((release) => release()))) as { responses: WireResponse[] };
      for (const response of reply.responses) {
        const item = chunk.find((candidate) => candidate.id === response.id);
        if (!item) continue;
        if ([429, 503, 504].includes(response.status) && round < 8) {
          if (response.status === 429) governor.stats.throttled += 1;
          governor.stats.retried += 1;
          retry.push(item);
          wait = Math.max(wait, retryAfterMs(response.headers?.['Retry-After'], 0) ?? 1000);
        } else answers.set(item.id, { status: response.status, body: response.body });
      }
    }
    if (retry.length > 0) await governor.pause(wait);
    pending = retry;
  }
  return answers;
}
