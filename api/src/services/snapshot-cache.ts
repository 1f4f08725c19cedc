// In-memory caches of the diagnostics path. A stored snapshot is gzip + a binary codec, and all five
// diagnostics over 10,000 people take a good part of a second, while the inputs behind one result
// (snapshot id, design, settings, pulse and KPI values) change rarely; so decoded snapshots, results and
// rendered answers are kept in small LRUs keyed by everything the answer depends on. The inputs read
// from the store are kept for a few seconds so that a busy report does not query the database on every
// request. Every key starts with the tenant, so `invalidate(tenantId)` drops all of a tenant at once
// (erasure, settings change). Entries are promises: concurrent misses of one key compute it once.
import type { InitiativeStore } from './ports';

/** A least-recently-used map with a fixed number of entries. */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('An LRU needs room for at least one entry.');
  }
  get size(): number {
    return this.entries.size;
  }
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-insert so that the Map's insertion order is the order of use.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
  /** Drops every entry whose key starts with `prefix`. */
  deletePrefix(prefix: string): number {
    let dropped = 0;
    for (const key of [...this.entries.keys()])
      if (key.startsWith(prefix)) {
        this.entries.delete(key);
        dropped++;
      }
    return dropped;
  }
}

/** Sizes and lifetimes of the caches. */
export interface SnapshotCacheOptions {
  /** Decoded snapshots kept (each can be tens of MB at 10,000 people). Default 3. */
  readonly snapshots?: number;
  /** Computed results and rendered answers kept. Default 256. */
  readonly results?: number;
  /** How long inputs read from the store are trusted, in ms. Default 2,000. */
  readonly inputTtlMs?: number;
  readonly now?: () => number;
}

/** The caches the diagnostics and report services share. */
export interface SnapshotCache {
  /** A decoded snapshot, loaded once while it stays in the cache; null (not cached) when there is none. */
  snapshot<T extends object>(tenantId: string, id: string, load: () => Promise<T | null>): Promise<T | null>;
  /** A value computed once per key (results, rendered JSON, CSV, HTML). */
  memo<T>(tenantId: string, key: string, compute: () => Promise<T> | T): Promise<T>;
  /** A value read from the store, trusted for the input TTL; `refresh` reads it again now. */
  fresh<T>(tenantId: string, key: string, read: () => Promise<T>, refresh?: boolean): Promise<T>;
  /** Drops one value read through `fresh` (its store was just written), in every process once shared. */
  forget(tenantId: string, key: string): Promise<void>;
  /** Forgets everything about a tenant (call it after erasure or any change a key does not capture). */
  invalidate(tenantId: string): Promise<void>;
  /** Forgets everything (messages from other processes may have been missed). */
  clear(): void;
}

const tenantPrefix = (tenantId: string): string => `${tenantId}\u0000`;

/** The input-cache key of an initiative record. */
export const initiativeKey = (id: string): string => `initiative:${id}`;

/**
 * An initiative store whose writes drop the cached record before they answer, so that every process
 * reads a changed design at once (the cache is shared with `shareAcrossProcesses`).
 */
export function invalidatingInitiatives(store: InitiativeStore, cache: SnapshotCache): InitiativeStore {
  return {
    ...store,
    async create(record) {
      await store.create(record);
      await cache.forget(record.tenantId, initiativeKey(record.id));
    },
    async update(tenantId, id, change, at) {
      try {
        return await store.update(tenantId, id, change, at);
      } finally {
        await cache.forget(tenantId, initiativeKey(id));
      }
    },
  };
}

/** Builds the shared caches. */
export function createSnapshotCache(options: SnapshotCacheOptions = {}): SnapshotCache {
  const snapshots = new Lru<Promise<object | null>>(options.snapshots ?? 3);
  const results = new Lru<Promise<unknown>>(options.results ?? 256);
  const inputs = new Lru<{ at: number; value: Promise<unknown> }>(Math.max(64, options.results ?? 256));
  const ttl = options.inputTtlMs ?? 2000;
  const now = options.now ?? (() => performance.now());
  // A failed computation must not stay cached: the next call tries again.
  const settle = <T>(lru: Lru<Promise<T>>, key: string, promise: Promise<T>): Promise<T> => {
    lru.set(key, promise);
    promise.catch(() => {
      if (lru.get(key) === promise) lru.delete(key);
    });
    return promise;
  };
  return {
    snapshot<T extends object>(tenantId: string, id: string, load: () => Promise<T | null>) {
      const key = tenantPrefix(tenantId) + id;
      const cached = snapshots.get(key) as Promise<T | null> | undefined;
      if (cached) return cached;
      const loading = settle(snapshots, key, load());
      // Nothing stored under that id: do not remember the miss (a collection may save it soon).
      void loading.then(
        (value) => {
          if (value === null && snapshots.get(key) === loading) snapshots.delete(key);
        },
        () => undefined,
      );
      return loading as Promise<T | null>;
    },
    memo<T>(tenantId: string, key: string, compute: () => Promise<T> | T) {
      const full = tenantPrefix(tenantId) + key;
      const cached = results.get(full) as Promise<T> | undefined;
      if (cached) return cached;
      return settle(results, full, Promise.resolve().then(compute)) as Promise<T>;
    },
    fresh<T>(tenantId: string, key: string, read: () => Promise<T>, refresh = false) {
      const full = tenantPrefix(tenantId) + key;
      const cached = inputs.get(full);
      if (cached && !refresh && now() - cached.at < ttl) return cached.value as Promise<T>;
      const value = read();
      const entry = { at: now(), value: value as Promise<unknown> };
      inputs.set(full, entry);
      value.catch(() => {
        if (inputs.get(full) === entry) inputs.delete(full);
      });
      return value;
    },
    forget(tenantId, key) {
      inputs.delete(tenantPrefix(tenantId) + key);
      return Promise.resolve();
    },
    invalidate(tenantId) {
      const prefix = tenantPrefix(tenantId);
      snapshots.deletePrefix(prefix);
      results.deletePrefix(prefix);
      inputs.deletePrefix(prefix);
      return Promise.resolve();
    },
    clear() {
      for (const lru of [snapshots, results, inputs]) lru.deletePrefix('');
    },
  };
}

/**
 * The cache of one process, with every `forget` and `invalidate` also sent to the other processes of the
 * deployment (api/src/store/process-bus.ts), which apply it to their own copy with `applyRemote`. The
 * call resolves once the message is sent, so a write answers only after every instance will drop it.
 * A failed send is logged, not thrown: the write itself has committed, and the TTL bounds the staleness.
 */
export function shareAcrossProcesses(
  local: SnapshotCache,
  publish: (tenantId: string, key: string | null) => Promise<void>,
  onPublishFailed: (error: unknown) => void,
): SnapshotCache {
  const send = (tenantId: string, key: string | null): Promise<void> =>
    publish(tenantId, key).catch(onPublishFailed);
  return {
    ...local,
    async forget(tenantId, key) {
      await local.forget(tenantId, key);
      await send(tenantId, key);
    },
    async invalidate(tenantId) {
      await local.invalidate(tenantId);
      await send(tenantId, null);
    },
  };
}
