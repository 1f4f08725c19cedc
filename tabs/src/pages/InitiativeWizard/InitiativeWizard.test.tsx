// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { InitiativeDetail } from '@learnfit/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { ApiError, type ApiClient, type ApiRequest } from '../../api/client';
import { fakeClient } from '../../test-fixtures/fake-client';
import InitiativeWizard from './InitiativeWizard';

const teamId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const personId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function created(body: unknown): InitiativeDetail {
  const { name, goal, design } = body as Pick<InitiativeDetail, 'name' | 'goal' | 'design'>;
  return {
    id: 'new-1',
    name,
    goal,
    design,
    status: 'draft',
    targetGroupSize: 0,
    createdAt: '2026-11-30T10:00:00Z',
    updatedAt: '2026-11-30T10:00:00Z',
  };
}

/** A client whose directory finds one team and one person; POST is answered by `onCreate`. */
function clientWith(onCreate: (call: ApiRequest<unknown>) => Promise<unknown>): {
  client: ApiClient;
  request: ReturnType<typeof vi.fn>;
} {
  const request = vi.fn((call: ApiRequest<unknown>) => {
    if (call.path.startsWith('/api/directory/teams'))
      return Promise.resolve({
        items: [{ id: teamId, displayName: 'Sales EMEA', description: null, mail: null, visibility: null }],
      });
    if (call.path.startsWith('/api/directory/people'))
      return Promise.resolve({
        items: [
          {
            id: personId,
            displayName: 'Ines Okafor',
            mail: null,
            userPrincipalName: null,
            jobTitle: 'Designer',
            department: null,
          },
        ],
      });
    if (call.method === 'POST' && call.path === '/api/initiatives') return onCreate(call);
    return Promise.reject(new Error(`unexpected ${call.method ?? 'GET'} ${call.path}`));
  });
  return { client: fakeClient({ request: request as ApiClient['request'] }), request };
}

function renderWizard(client: ApiClient) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <InitiativeWizard initiativeId={null} searchDelayMs={0} />
      </ApiClientProvider>
    </FluentProvider>,
  );
}

const next = () => fireEvent.click(screen.getByRole('button', { name: 'Next' }));
const step = () => screen.getByTestId('wizard-step').getAttribute('data-step');
const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function pick(comboName: string, option: RegExp) {
  const input = screen.getByRole('combobox', { name: comboName });
  fireEvent.change(input, { target: { value: 'a' } });
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.location.hash = '#/initiatives/new';
});
afterEach(cleanup);

describe('InitiativeWizard', () => {
  it('does not leave a step until it is valid, and says which field is wrong', async () => {
    renderWizard(clientWith(() => Promise.reject(new Error('no'))).client);
    next();
    expect(step()).toBe('basics');
    expect(screen.getByTestId('wizard-step-errors').textContent).toMatch(/Fix the marked fields/);
    expect(screen.getByText('Required.')).toBeTruthy();
    type(/^Name/, 'Sales onboarding');
    next();
    expect(step()).toBe('people');
    next();
    expect(step()).toBe('people');
    expect(within(screen.getByTestId('wizard-target-group')).getByText('Choose at least 1.')).toBeTruthy();
    expect(within(screen.getByTestId('wizard-design-team')).getByText('Choose at least 1.')).toBeTruthy();
  });

  it('pre-fills a live session from its template and checks the typed minutes', async () => {
    window.sessionStorage.setItem(
      'learnfit:wizard:new',
      JSON.stringify({ ...JSON.parse(JSON.stringify(baseDraft)), step: 'features' }),
    );
    renderWizard(clientWith(() => Promise.reject(new Error('no'))).client);
    fireEvent.click(screen.getByRole('button', { name: 'Live session' }));
    const feature = screen.getByTestId('feature-0');
    expect((within(feature).getByLabelText(/Feature name/) as HTMLInputElement).value).toBe('Live session');
    expect((within(feature).getByLabelText('Work mode') as HTMLSelectElement).value).toBe('meetings');
    expect((within(feature).getByLabelText('Cadence') as HTMLSelectElement).value).toBe('biweekly');
    expect(
      (within(feature).getByLabelText('Everyone takes part at the same time') as HTMLInputElement).checked,
    ).toBe(true);
    expect((within(feature).getByLabelText('Day') as HTMLSelectElement).value).toBe('2');
    expect((within(feature).getByLabelText('Starts at') as HTMLSelectElement).value).toBe('14');
    expect((within(feature).getByLabelText('Minutes') as HTMLInputElement).value).toBe('60');
    expect((within(feature).getByLabelText(/Group size/) as HTMLInputElement).value).toBe('12');
    fireEvent.change(within(feature).getByLabelText('Minutes'), { target: { value: '1' } });
    next();
    expect(step()).toBe('features');
    expect(within(feature).getByText('Use 5 or more.')).toBeTruthy();
  });

  it('creates the initiative with exactly the typed design, clears the draft and opens its overview', async () => {
    const { client, request } = clientWith((call) => Promise.resolve(created(call.body)));
    renderWizard(client);
    type(/^Name/, 'Sales onboarding');
    type(/^Goal/, 'Sellers ask peers first');
    type('Planned launch date', '2027-01-04');
    next();
    await pick('Target group: Teams', /Sales EMEA/);
    fireEvent.click(within(screen.getByTestId('wizard-design-team')).getByRole('radio', { name: 'People' }));
    await pick('Design team: People', /Ines Okafor/);
    next();
    fireEvent.click(screen.getByRole('button', { name: 'Peer Q&A' }));
    fireEvent.click(screen.getByRole('button', { name: 'Live session' }));
    next();
    fireEvent.click(screen.getByRole('button', { name: 'Add a KPI' }));
    type(/KPI name/, 'Replies per week');
    fireEvent.change(screen.getByLabelText('Kirkpatrick level'), { target: { value: '3' } });
    next();
    next();
    expect(screen.getByTestId('wizard-review').textContent).toMatch(/Teams: Sales EMEA/);
    fireEvent.click(screen.getByRole('button', { name: 'Create initiative' }));
    await waitFor(() => expect(window.location.hash).toBe('#/initiatives/new-1'));
    const post = request.mock.calls.find(([call]) => call.method === 'POST')?.[0];
    expect(post?.body).toEqual({
      name: 'Sales onboarding',
      goal: 'Sellers ask peers first',
      design: {
        targetGroup: { kind: 'teams', ids: [teamId] },
        designTeam: { kind: 'people', ids: [personId] },
        comparisonGroup: null,
        features: [
          {
            id: 'peer-qa',
            name: 'Peer Q&A',
            mode: 'channelPosts',
            cadence: 'onDemand',
            synchronous: false,
            plannedTimes: [],
            groupSize: null,
          },
          {
            id: 'live-session',
            name: 'Live session',
            mode: 'meetings',
            cadence: 'biweekly',
            synchronous: true,
            plannedTimes: [{ dayOfWeek: 2, hour: 14, durationMinutes: 60 }],
            groupSize: 12,
          },
        ],
        kpis: [
          {
            id: 'kpi',
            name: 'Replies per week',
            kirkpatrickLevel: 3,
            unit: '',
            direction: 'increase',
            source: 'graph',
          },
        ],
        launchDate: '2027-01-04',
      },
    });
    expect(window.sessionStorage.getItem('learnfit:wizard:new')).toBeNull();
  });

  it('shows the API problem when it refuses, and keeps everything typed', async () => {
    window.sessionStorage.setItem('learnfit:wizard:new', JSON.stringify({ ...baseDraft, step: 'review' }));
    const refusal = new ApiError({
      status: 403,
      code: 'forbidden',
      title: 'You may not create initiatives',
      detail: 'Ask an admin to assign you the LearningLeader role.',
    });
    renderWizard(clientWith(() => Promise.reject(refusal)).client);
    fireEvent.click(screen.getByRole('button', { name: 'Create initiative' }));
    const shown = await screen.findByTestId('wizard-server-error');
    expect(shown.textContent).toMatch(
      /You may not create initiatives — Ask an admin to assign you the LearningLeader role/,
    );
    expect(screen.getByTestId('wizard-review').textContent).toMatch(/Kept name/);
    expect(window.location.hash).toBe('#/initiatives/new');
  });

  it('keeps a draft across a reload and offers to discard it', () => {
    const { client } = clientWith(() => Promise.reject(new Error('no')));
    const first = renderWizard(client);
    type(/^Name/, 'Half typed');
    first.unmount();
    renderWizard(client);
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Half typed');
    expect(screen.getByTestId('wizard-draft-restored')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).value).toBe('');
    expect(window.sessionStorage.getItem('learnfit:wizard:new')).toBeNull();
  });
});

const audience = (kind: 'teams' | 'people', id: string, label: string) => ({
  kind,
  selections: { teams: [], groups: [], people: [], [kind]: [{ id, label, secondary: null }] },
});

const baseDraft = {
  step: 'basics',
  name: 'Kept name',
  goal: '',
  launchDate: '',
  targetGroup: audience('teams', teamId, 'Sales EMEA'),
  designTeam: audience('people', personId, 'Ines Okafor'),
  useComparison: false,
  comparisonGroup: audience('teams', teamId, 'Sales EMEA'),
  features: [],
  kpis: [],
};
