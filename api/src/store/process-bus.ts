// Tells the other LearnFit processes on the same PostgreSQL database what this one just changed, with
// LISTEN/NOTIFY: caches of a tenant's inputs must be dropped everywhere (a design, settings or an erasure
// changed), and workers should look at the queue now (a run was queued or cancelled). Without it, another
// instance behind the load balancer would answer from stale caches until they expire, keep an erased
// person in a decoded snapshot, or notice a cancel only at its next lease check.
import pg from 'pg';
import { z } from 'zod';
import type { Logger } from '../logger';

/** One message between processes; never carries personal data, only tenant ids and cache keys. */
export type BusMessage =
  | { readonly type: 'cache'; readonly tenantId: string; readonly key: string | null }
  | { readonly type: 'poke' };

const messageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('cache'),
    tenantId: z.string().min(1).max(200),
    key: z.string().max(400).nullable(),
  }),
  z.object({ type: z.literal('poke') }),
]);

/** The channel every LearnFit process of one database listens on. */
export const busChannel = 'learnfit_bus';

/** A process's link to the others. */
export interface ProcessBus {
  /** Sends to every process, this one included; resolves once PostgreSQL has taken the message. */
  publish(message: BusMessage): Promise<void>;
  close(): Promise<void>;
}

/** What the bus calls on this process. */
export interface BusHandlers {
  onMessage(message: BusMessage): void;
  /** The link was lost and is back: messages may have been missed, so drop every cache. */
  onReconnected(): void;
}

/** A bus for a process alone (the embedded database): messages go straight back to it. */
export function createLocalBus(handlers: BusHandlers): ProcessBus {
  return {
    publish: (message) => {
      handlers.onMessage(message);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Listens on PostgreSQL and publishes with `pg_notify`. A lost listening connection is re-opened with
 * back-off; after it is back `onReconnected` runs, because notifications sent meanwhile are gone.
 */
export async function startPostgresBus(
  url: string,
  handlers: BusHandlers,
  logger: Logger,
): Promise<ProcessBus> {
  const publisher = new pg.Pool({ connectionString: url, max: 2 });
  let listener: pg.Client | null = null;
  let closed = false;
  let retryMs = 250;

  const receive = (notification: pg.Notification): void => {
    if (notification.channel !== busChannel || notification.payload === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(notification.payload);
    } catch {
      parsed = null;
    }
    const message = messageSchema.safeParse(parsed);
    if (message.success) handlers.onMessage(message.data);
    else logger.warn('process bus: ignored a malformed message');
  };

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', receive);
    client.on('error', (error: Error) => {
      logger.warn('process bus: listening connection lost', { error: error.message });
      void client.end().catch(() => undefined);
      if (listener === client) listener = null;
      if (!closed) setTimeout(() => void reconnect(), retryMs).unref();
    });
    await client.connect();
    await client.query(`listen ${busChannel}`);
    listener = client;
  };

  const reconnect = async (): Promise<void> => {
    if (closed || listener) return;
    try {
      await connect();
      retryMs = 250;
      logger.info('process bus: listening again');
      handlers.onReconnected();
    } catch (error) {
      retryMs = Math.min(retryMs * 2, 10_000);
      logger.warn('process bus: reconnect failed', {
        error: error instanceof Error ? error.message : String(error),
        retryMs,
      });
      setTimeout(() => void reconnect(), retryMs).unref();
    }
  };

  await connect();
  return {
    async publish(message) {
      await publisher.query('select pg_notify($1, $2)', [busChannel, JSON.stringify(message)]);
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => undefined);
      listener = null;
      await publisher.end();
    },
  };
}
