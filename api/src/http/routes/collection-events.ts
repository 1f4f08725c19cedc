import { Router } from 'express';
import type { CollectionRun } from '@learnfit/core';
import type { CollectionService } from '../../services/collection-service';
import { identityOf } from '../authenticate';

/** Timing of the event stream; tests shorten it. */
export interface CollectionEventTiming {
  /** How often the store is read for changes (about a second: simple, and works across processes). */
  readonly pollMs: number;
  /** How often a comment line keeps proxies from closing an idle stream. */
  readonly heartbeatMs: number;
  /**
   * Longest a stream stays open; then it closes and EventSource reconnects by itself. Bounds how long a
   * run that is never picked up (no worker anywhere) holds a connection.
   */
  readonly maxStreamMs: number;
}

/** Defaults: poll every second, heartbeat every 15 s, reconnect every 5 minutes. */
export const defaultEventTiming: CollectionEventTiming = {
  pollMs: 1_000,
  heartbeatMs: 15_000,
  maxStreamMs: 300_000,
};

const finished = new Set<CollectionRun['state']>(['succeeded', 'failed', 'cancelled']);

/**
 * `GET /api/collections/:id/events`: the run as server-sent events. A `progress` event carries the run
 * (the schema of `GET /api/collections/:id`) whenever it changes; a finished run ends with a `done`
 * event and the stream closes. Unknown ids and callers without the role get a problem before any byte
 * of the stream is sent, because the first read goes through the same service call as the JSON route.
 */
export function collectionEventRoutes(
  service: CollectionService,
  timing: CollectionEventTiming = defaultEventTiming,
): Router {
  const router = Router();
  router.get('/collections/:id/events', async (req, res) => {
    const identity = identityOf(res);
    const id = req.params.id;
    const first = await service.get(identity, id);

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();

    let closed = false;
    let sequence = 0;
    let last = '';
    const timers: { poll?: NodeJS.Timeout; heartbeat?: NodeJS.Timeout; lifetime?: NodeJS.Timeout } = {};
    const stop = (): void => {
      if (closed) return;
      closed = true;
      clearTimeout(timers.poll);
      clearTimeout(timers.heartbeat);
      clearTimeout(timers.lifetime);
      if (!res.writableEnded) res.end();
    };
    // A client that goes away closes the response: the polling stops at once. (The request's own 'close'
    // fires as soon as a GET has been read, so it cannot tell a disconnect.)
    res.on('close', stop);

    const send = (event: string, run: CollectionRun): void => {
      sequence += 1;
      res.write(`id: ${sequence}\nevent: ${event}\ndata: ${JSON.stringify(run)}\n\n`);
    };
    /** Sends the run if it changed; true when it is finished and the stream has ended. */
    const publish = (run: CollectionRun): boolean => {
      const json = JSON.stringify(run);
      if (json !== last) {
        last = json;
        send('progress', run);
      }
      if (!finished.has(run.state)) return false;
      send('done', run);
      stop();
      return true;
    };

    res.write(`retry: ${Math.max(1_000, timing.pollMs)}\n\n`);
    if (publish(first)) return;

    const poll = async (): Promise<void> => {
      if (closed) return;
      try {
        if (publish(await service.get(identity, id))) return;
      } catch {
        // The run vanished (retention) or the store failed: end the stream; the client can reconnect.
        stop();
        return;
      }
      if (!closed) timers.poll = setTimeout(() => void poll(), timing.pollMs);
    };
    timers.poll = setTimeout(() => void poll(), timing.pollMs);
    const heartbeat = (): void => {
      if (closed) return;
      res.write(`: heartbeat\n\n`);
      timers.heartbeat = setTimeout(heartbeat, timing.heartbeatMs);
    };
    timers.heartbeat = setTimeout(heartbeat, timing.heartbeatMs);
    timers.lifetime = setTimeout(stop, timing.maxStreamMs);
  });
  return router;
}
