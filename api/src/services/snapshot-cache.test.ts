import { describe, expect, it } from 'vitest';
import type { InitiativeRecord } from './ports';
import { createSnapshotCache, initiativeKey, invalidatingInitiatives, Lru } from './snapshot-cache';

describe('Lru', () => {
  it('evicts the least recently used entry', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.deletePrefix('a')).toBe(1);
    expect(lru.size).toBe(1);
  });
});

describe('snapshot cache', () => {
  it('computes a key once for concurrent callers and keeps the value', async () => {
    const cache = createSnapshotCache();
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { runs };
    };
    const [a, b] = await Promise.all([cache.memo('t1', 'k', compute), cache.memo('t1', 'k', compute)]);
    expect(a).toBe(b);
    expect(await cache.memo('t1', 'k', compute)).toBe(a);
    expect(runs).toBe(1);
  });

  it('does not remember a failure or a missing snapshot', async () => {
    const cache = createSnapshotCache();
    await expect(cache.memo('t1', 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.memo('t1', 'k', () => 2)).toBe(2);
    expect(await cache.snapshot('t1', 's', () => Promise.resolve(null))).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const loaded = { id: 's' };
    expect(await cache.snapshot('t1', 's', () => Promise.resolve(loaded))).toBe(loaded);
    expect(await cache.snapshot('t1', 's', () => Promise.resolve({ id: 'other' }))).toBe(loaded);
  });

  it('trusts store reads for the TTL only, and re-reads on request', async () => {
    let clock = 0;
    const cache = createSnapshotCache({ inputTtlMs: 1000, now: () => clock });
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    expect(await cache.fresh('t1', 'settings', read)).toBe(1);
    clock = 999;
    expect(await cache.fresh('t1', 'settings', read)).toBe(1);
    clock = 1000;
    expect(await cache.fresh('t1', 'settings', read)).toBe(2);
    expect(await cache.fresh('t1', 'settings', read, true)).toBe(3);
  });

  it('forgets one tenant on invalidate and keeps the others', async () => {
    const cache = createSnapshotCache();
    await cache.memo('t1', 'k', () => 'one');
    await cache.memo('t2', 'k', () => 'two');
    await cache.snapshot('t1', 's', () => Promise.resolve({ tenant: 1 }));
    await cache.invalidate('t1');
    expect(await cache.memo('t1', 'k', () => 'one again')).toBe('one again');
    expect(await cache.memo('t2', 'k', () => 'two again')).toBe('two');
    expect(await cache.snapshot('t1', 's', () => Promise.resolve({ tenant: 'reloaded' }))).toEqual({
      tenant: 'reloaded',
    });
  });
});

describe('invalidatingInitiatives', () => {
  it('drops the cached record when the initiative is created or changed', async () => {
    const cache = createSnapshotCache();
    let stored: InitiativeRecord | null = null;
    const store = invalidatingInitiatives(
      {
        list: () => Promise.resolve([]),
        search: () => Promise.resolve([]),
        create: (record) => {
          stored = record;
          return Promise.resolve();
        },
        get: () => Promise.resolve(stored),
        update: (_tenant, _id, change) => {
          stored = stored && { ...stored, name: change.name ?? stored.name };
          return Promise.resolve(stored);
        },
      },
      cache,
    );
    const read = () => cache.fresh('t1', initiativeKey('i1'), () => store.get('t1', 'i1'));
    expect(await read()).toBeNull();
    const record = {
      id: 'i1',
      tenantId: 't1',
      name: 'One',
      goal: '',
      status: 'draft' as const,
      targetGroupSize: 0,
      createdBy: 'u',
      createdAt: new Date(0),
    };
    await store.create(record);
    expect((await read())?.name).toBe('One');
    await store.update('t1', 'i1', { name: 'Two' }, new Date(1));
    expect((await read())?.name).toBe('Two');
  });
});
