import type { InitiativeSummary } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import type { BotUser, LinkSettings, MessageExtensionPorts } from '../ports';
import { searchReports } from './search';

const initiative: InitiativeSummary = {
  id: 'i-1',
  name: 'Peer coaching circles',
  goal: 'Managers coach each other',
  status: 'active',
  targetGroupSize: 40,
  createdAt: '2026-11-01T09:00:00.000Z',
};
const learner: BotUser = { tenantId: 't-1', userId: 'u-1', roles: ['Learner'] };

function portsWith(links: LinkSettings): MessageExtensionPorts {
  return {
    identifyUser: () => Promise.resolve(learner),
    search: () => Promise.resolve([{ kind: 'initiative', initiative, report: null }]),
    preview: () => Promise.resolve(null),
    fitCheck: () => Promise.resolve({ kind: 'not-allowed' }),
    links,
  };
}

/** The buttons of the one card a search returns, as title and URL. */
async function buttons(links: LinkSettings): Promise<Array<{ title: string; url: string }>> {
  const result = await searchReports(portsWith(links), learner, { text: 'peer', skip: 0, count: 10 });
  const [card] = result.composeExtension.attachments;
  const actions = (card?.content as { actions?: Array<{ type: string; title: string; url: string }> })
    .actions;
  return (actions ?? []).map(({ title, url }) => ({ title, url }));
}

describe('search cards', () => {
  const web = 'https://learnfit.example.com/tab/index.html#/initiatives/i-1';

  it('open the initiative in Teams and in the browser when the Teams app id is configured', async () => {
    const teamsAppId = '9f3d2a71-4c5e-4b8a-8e21-6d0c7b9a1e52';
    const [teams, browser, ...rest] = await buttons({
      publicUrl: 'https://learnfit.example.com',
      teamsAppId,
    });
    expect(rest).toEqual([]);
    expect(teams?.title).toBe('Open in Teams');
    const deep = new URL(teams?.url ?? '');
    expect(`${deep.origin}${deep.pathname}`).toBe(
      `https://teams.microsoft.com/l/entity/${teamsAppId}/initiatives`,
    );
    expect(JSON.parse(deep.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'initiatives/i-1' });
    expect(browser).toEqual({ title: 'Open in browser', url: web });
  });

  it('carry only the web link when no Teams app id is configured', async () => {
    expect(await buttons({ publicUrl: 'https://learnfit.example.com', teamsAppId: null })).toEqual([
      { title: 'Open in LearnFit', url: web },
    ]);
  });
});
