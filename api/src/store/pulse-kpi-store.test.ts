import type { PulseAnswer } from '@learnfit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';
import { createKpiStore, kpiErasableTables } from './kpi-store';
import { createPulseStore, pulseErasableTables, type PulseWaveRecord } from './pulse-store';

let store: Store;
let clock = new Date('2026-03-01T09:00:00Z');
const now = (): Date => clock;

beforeAll(async () => {
  store = await openStore({ kind: 'pglite', dataDir: null });
});
afterAll(async () => {
  await store?.close();
});

const wave = (id: string, initiativeId: string, closesAt: string): PulseWaveRecord => ({
  id,
  initiativeId,
  state: 'open',
  openedAt: clock,
  closesAt: new Date(closesAt),
  closedAt: null,
});

const answer = (expectedHelp: number): PulseAnswer => ({
  currentModes: { email: 'weekly' },
  preferredModes: ['chat'],
  expectedHelp,
  selfAssessment: { participatory: 1, timely: 2, transparent: 3, current: 4 },
});

describe('pulse store', () => {
  it('keeps one open wave per initiative and tenant, and treats a wave past its time as closed', async () => {
    const pulse = createPulseStore(store.db, now);
    expect(await pulse.openWave('t1', wave('a1', 'i1', '2026-03-08T00:00:00Z'))).toBe('opened');
    expect(await pulse.openWave('t1', wave('a2', 'i1', '2026-03-09T00:00:00Z'))).toBe('conflict');
    // Another tenant's initiative with the same id is another initiative.
    expect(await pulse.openWave('t2', wave('b1', 'i1', '2026-03-20T00:00:00Z'))).toBe('opened');
    expect(await pulse.getWave('t2', 'i1', 'a1')).toBeNull();

    expect(await pulse.putAnswer('t1', 'i1', 'a1', 'p1', answer(2))).toBe('saved');
    expect(await pulse.putAnswer('t2', 'i1', 'a1', 'p1', answer(2))).toBe('missing');
    clock = new Date('2026-03-08T00:00:00Z');
    expect((await pulse.getWave('t1', 'i1', 'a1'))?.state).toBe('closed');
    expect(await pulse.putAnswer('t1', 'i1', 'a1', 'p1', answer(5))).toBe('closed');
    // The expired wave no longer blocks a new one; it is recorded closed at its closing time.
    expect(await pulse.openWave('t1', wave('a3', 'i1', '2026-03-15T00:00:00Z'))).toBe('opened');
    const waves = await pulse.listWaves('t1', 'i1');
    expect(waves.map((w) => [w.id, w.state, w.closedAt?.toISOString() ?? null])).toEqual([
      ['a3', 'open', null],
      ['a1', 'closed', '2026-03-08T00:00:00.000Z'],
    ]);
  });

  it('reads the latest closed wave for the diagnostics, and erases by person key or tenant', async () => {
    const pulse = createPulseStore(store.db, now);
    await pulse.putAnswer('t1', 'i1', 'a3', 'p1', answer(4));
    await pulse.putAnswer('t1', 'i1', 'a3', 'p2', answer(1));
    // a1 is the latest closed wave: its one answer, not the open wave's two.
    expect(await pulse.responses('t1', 'i1')).toEqual([
      {
        personKey: 'p1',
        preferredModes: ['chat'],
        expectedHelp: 2,
        selfAssessment: { participatory: 1, timely: 2, transparent: 3, current: 4 },
      },
    ]);
    expect(await pulse.putAnswer('t2', 'i1', 'b1', 'p1', answer(3))).toBe('saved');
    const erased = await store.db
      .transaction()
      .execute((trx) => pulseErasableTables.erasePerson(trx, 't1', 'u1', 'p1'));
    expect(erased).toBe(2);
    expect((await pulse.answers('t1', 'a3')).map((stored) => stored.personKey)).toEqual(['p2']);
    expect((await pulse.answers('t2', 'b1')).map((stored) => stored.personKey)).toEqual(['p1']);
    const tenant = await store.db.transaction().execute((trx) => pulseErasableTables.eraseTenant(trx, 't1'));
    expect(tenant).toBe(3); // one answer, two waves
    expect(await pulse.listWaves('t1', 'i1')).toEqual([]);
    expect(await pulse.listWaves('t2', 'i1')).toHaveLength(1);
  });
});

describe('pulse retention', () => {
  it('deletes only the answers of waves closed before the cut-off, in one tenant', async () => {
    // Its own clock: the tests above share theirs and run as one story.
    let clock = new Date('2026-06-01T09:00:00Z');
    const pulse = createPulseStore(store.db, () => clock);
    expect(await pulse.openWave('t3', wave('c1', 'i3', '2026-06-05T00:00:00Z'))).toBe('opened');
    await pulse.putAnswer('t3', 'i3', 'c1', 'p1', answer(3));
    await pulse.closeWave('t3', 'i3', 'c1');
    clock = new Date('2026-06-10T09:00:00Z');
    expect(await pulse.openWave('t3', wave('c2', 'i3', '2026-06-20T00:00:00Z'))).toBe('opened');
    await pulse.putAnswer('t3', 'i3', 'c2', 'p1', answer(4));
    expect(await pulse.openWave('t4', wave('d1', 'i4', '2026-06-11T00:00:00Z'))).toBe('opened');
    await pulse.putAnswer('t4', 'i4', 'd1', 'p1', answer(2));

    // Wave c1 closed on 1 June; c2 closes on 20 June; d1 (another tenant) closed on 11 June.
    expect(await pulse.purgeAnswers('t3', new Date('2026-06-01T00:00:00Z'))).toBe(0);
    expect(await pulse.purgeAnswers('t3', new Date('2026-06-15T00:00:00Z'))).toBe(1);
    expect(await pulse.answers('t3', 'c1')).toEqual([]);
    expect(await pulse.answers('t3', 'c2')).toHaveLength(1);
    expect(await pulse.answers('t4', 'd1')).toHaveLength(1);
    expect((await pulse.getWave('t3', 'i3', 'c1'))?.state).toBe('closed');
  });
});

describe('KPI store', () => {
  it('replaces series per tenant, groups them for the diagnostics and erases a tenant', async () => {
    const kpis = createKpiStore(store.db);
    await kpis.replace(
      't1',
      'i1',
      [{ kpiId: 'k', phase: 'baseline', group: 'target', values: [1, 2] }],
      clock,
    );
    await kpis.replace(
      't1',
      'i1',
      [
        { kpiId: 'k', phase: 'baseline', group: 'target', values: [3] },
        { kpiId: 'k', phase: 'followUp', group: 'comparison', values: [4.5] },
      ],
      clock,
    );
    await kpis.replace('t2', 'i1', [{ kpiId: 'k', phase: 'baseline', group: 'target', values: [9] }], clock);
    expect(await kpis.values('t1', 'i1')).toEqual(
      new Map([['k', { baseline: [3], followUp: [], comparisonBaseline: [], comparisonFollowUp: [4.5] }]]),
    );
    expect(
      await store.db.transaction().execute((trx) => kpiErasableTables.erasePerson(trx, 't1', 'u', 'p')),
    ).toBe(0);
    expect(await store.db.transaction().execute((trx) => kpiErasableTables.eraseTenant(trx, 't1'))).toBe(2);
    expect(await kpis.series('t1', 'i1')).toEqual([]);
    expect((await kpis.series('t2', 'i1')).map((series) => series.values)).toEqual([[9]]);
  });
});
