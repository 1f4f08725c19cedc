import { describe, expect, it } from 'vitest';
import { commitBehind, createMemoryJournal, type CollectionJournal } from './journal';

/** A journal whose commits finish only when the test says so. */
function gatedJournal(): { journal: CollectionJournal; started: string[]; finish: (error?: Error) => void } {
  const inner = createMemoryJournal();
  const started: string[] = [];
  const gates: Array<(error?: Error) => void> = [];
  const journal: CollectionJournal = {
    ...inner,
    commit(unit, state, rows) {
      started.push(state.state === 'next' ? state.link : 'done');
      return new Promise<void>((resolve, reject) => {
        gates.push((error) => (error ? reject(error) : resolve(inner.commit(unit, state, rows))));
      });
    },
  };
  return { journal, started, finish: (error) => gates.shift()?.(error) };
}

describe('commitBehind', () => {
  it('returns before the commit is written, and starts the next only after the previous finished', async () => {
    const { journal, started, finish } = gatedJournal();
    const commits = commitBehind(journal);
    await commits.commit('u', { state: 'next', link: 'p2' });
    expect(started).toEqual(['p2']);
    let second = false;
    const pending = commits.commit('u', { state: 'next', link: 'p3' }).then(() => (second = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(second).toBe(false);
    expect(started).toEqual(['p2']);
    finish();
    await pending;
    expect(started).toEqual(['p2', 'p3']);
    finish();
    await commits.settle();
    expect((await journal.units()).get('u')).toEqual({ state: 'next', link: 'p3' });
  });

  it("passes a failed commit's error to the next call, and writes nothing after it", async () => {
    const { journal, started, finish } = gatedJournal();
    const commits = commitBehind(journal);
    await commits.commit('u', { state: 'next', link: 'p2' });
    finish(new Error('lease lost'));
    await expect(commits.commit('u', { state: 'next', link: 'p3' })).rejects.toThrow('lease lost');
    expect(started).toEqual(['p2']);
    await expect(commits.settle()).resolves.toBeUndefined();
  });
});
