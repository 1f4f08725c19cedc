import { describe, expect, it } from 'vitest';
import { collectionProgressSchema } from './collection';

const base = { phase: 'reports', done: 70, total: 73, etaSeconds: 1 };

describe('collectionProgressSchema', () => {
  it('accepts progress without a wait, as older servers send it', () => {
    expect(collectionProgressSchema.parse(base)).toEqual(base);
  });

  it('carries what the run waits for and until when', () => {
    const progress = { ...base, waitingFor: 'reportQuota', waitingUntil: '2026-11-30T10:29:00.000Z' };
    expect(collectionProgressSchema.parse(progress)).toEqual(progress);
    expect(collectionProgressSchema.parse({ ...progress, waitingFor: 'throttling' }).waitingFor).toBe(
      'throttling',
    );
  });

  it('rejects an unknown wait reason and a wait end that is not an ISO time', () => {
    expect(collectionProgressSchema.safeParse({ ...base, waitingFor: 'coffee' }).success).toBe(false);
    expect(collectionProgressSchema.safeParse({ ...base, waitingUntil: 'in ten minutes' }).success).toBe(
      false,
    );
  });
});
