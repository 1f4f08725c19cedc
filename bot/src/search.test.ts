import type { InitiativeSummary } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { searchInitiatives, type SearchPorts } from './search';

const tenantId = '11111111-1111-4111-8111-111111111111';

function summary(index: number): InitiativeSummary {
  return {
    id: `i-${index}`,
    name: `Initiative ${index}`,
    goal: '',
    status: 'active',
    targetGroupSize: index,
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

function ports(items: InitiativeSummary[], seen: Array<[string, string, number]> = []): SearchPorts {
  return {
    searchInitiatives: (tenant, text, limit) => {
      seen.push([tenant, text, limit]);
      return Promise.resolve(items.slice(0, limit));
    },
    initiativeLink: (id) => `https://learnfit.example.com/tab/index.html#/initiatives/${id}`,
  };
}

describe('searchInitiatives', () => {
  it('pages with skip and count and links every card to the initiative', async () => {
    const items = Array.from({ length: 12 }, (_, index) => summary(index));
    const result = await searchInitiatives(ports(items), { tenantId, text: 'x', skip: 10, count: 5 });
    const names = result.composeExtension.attachments.map(
      (attachment) => (attachment.preview?.content as { title: string }).title,
    );
    expect(names).toEqual(['Initiative 10', 'Initiative 11']);
    expect(JSON.stringify(result)).toContain('#/initiatives/i-10');
  });

  it('answers nothing without a tenant, and caps count and text length', async () => {
    const seen: Array<[string, string, number]> = [];
    expect(
      (await searchInitiatives(ports([summary(1)], seen), { tenantId: null, text: 'x', skip: 0, count: 5 }))
        .composeExtension.attachments,
    ).toEqual([]);
    expect(seen).toEqual([]);
    await searchInitiatives(ports([], seen), { tenantId, text: 'y'.repeat(500), skip: 0, count: 1000 });
    expect(seen[0]?.[1]).toHaveLength(200);
    expect(seen[0]?.[2]).toBe(25);
  });
});
