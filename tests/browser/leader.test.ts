import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, screenshot, startTabSession, type TabSession } from '../support/tab-session';
import { phaseOrder, readPhases, recordPhases } from '../support/collection-phases';

interface InitiativeBody {
  id: string;
  name: string;
  design: {
    targetGroup: { kind: string; ids: string[] };
    designTeam: { kind: string; ids: string[] };
    features: Array<{ name: string }>;
  } | null;
}

const diagnostics = [
  ['leaders', 'Leaders'],
  ['learners', 'Learners'],
  ['workflow-fit', 'Workflow fit'],
  ['change-plan', 'Change plan'],
  ['management', 'Management'],
] as const;

const targetTeam = 'Marketing Studio';
const initiativeName = 'Marketing peer learning';

describe('a learning leader in the Teams host emulator', () => {
  let session: TabSession | undefined;
  // The collection tests use an initiative made through the API, so they do not hang on the wizard's.
  let collectedId = '';

  beforeAll(async () => {
    session = await startTabSession();
    const marketing = session.server.composed.demo?.tenant.teams.find(
      (team) => team.displayName === targetTeam,
    );
    const created = await session.api<InitiativeBody>('learningLeader', 'POST', '/api/initiatives', {
      name: 'Marketing campaign clinic',
      goal: '',
      design: {
        targetGroup: { kind: 'teams', ids: [marketing?.id] },
        designTeam: { kind: 'people', ids: [session.persona('learningLeader').userId] },
      },
    });
    expect(created.status).toBe(201);
    collectedId = created.body.id;
    await session.usePersona('learningLeader');
  });

  afterAll(async () => {
    await session?.close();
  });

  it(
    'creates an initiative with the wizard, choosing people through the directory pickers',
    { timeout: 90_000 },
    async () => {
      if (!session) throw new Error('the session did not start');
      const { tab, frame, page } = session;
      const leader = session.persona('learningLeader');
      await session.open('#/initiatives', 'initiatives');
      await checkAccessibility(frame, 'initiatives list');
      await screenshot(page, 'leader-initiatives');

      await tab.getByRole('link', { name: 'New initiative' }).first().click();
      await session.waitForPage('wizard', ['ready']);
      // Without a name the wizard stays on its first step and says what to fix.
      await tab.getByRole('button', { name: 'Next' }).click();
      await tab.getByTestId('wizard-step-errors').waitFor();
      expect(await tab.getByTestId('wizard-step').getAttribute('data-step')).toBe('basics');
      await tab.getByRole('textbox', { name: /^Name/ }).fill(initiativeName);
      await tab
        .getByRole('textbox', { name: /^Goal/ })
        .fill('Marketers learn campaign craft from each other.');
      await checkAccessibility(frame, 'wizard: name and goal');
      await screenshot(page, 'leader-wizard-basics');
      await tab.getByRole('button', { name: 'Next' }).click();

      const target = tab.getByTestId('wizard-target-group');
      await target.getByRole('combobox').fill('Marketing');
      await tab.getByRole('option', { name: targetTeam }).click();
      await target.getByRole('combobox').press('Escape');
      await target.getByText(targetTeam, { exact: true }).waitFor();
      const designTeam = tab.getByTestId('wizard-design-team');
      await designTeam.getByRole('combobox').fill(leader.displayName.split(' ')[0] ?? leader.displayName);
      await tab.getByRole('option', { name: new RegExp(`^${leader.displayName}`) }).click();
      await designTeam.getByRole('combobox').press('Escape');
      await designTeam.getByText(leader.displayName, { exact: true }).waitFor();
      await checkAccessibility(frame, 'wizard: target group and design team');
      await screenshot(page, 'leader-wizard-people');
      await tab.getByRole('button', { name: 'Next' }).click();

      await tab
        .getByRole('group', { name: 'Add a feature from a template' })
        .getByRole('button', { name: 'Peer Q&A' })
        .click();
      await checkAccessibility(frame, 'wizard: solution design');
      await screenshot(page, 'leader-wizard-features');
      await tab.getByRole('button', { name: 'Next' }).click();
      await tab.locator('[data-testid="wizard-step"][data-step="kpis"]').waitFor();
      await tab.getByRole('button', { name: 'Next' }).click();
      await tab.locator('[data-testid="wizard-step"][data-step="comparison"]').waitFor();
      await tab.getByRole('button', { name: 'Next' }).click();
      await tab.locator('[data-testid="wizard-step"][data-step="review"]').waitFor();
      await checkAccessibility(frame, 'wizard: review');
      await screenshot(page, 'leader-wizard-review');
      await tab.getByRole('button', { name: 'Create initiative' }).click();

      await session.waitForPage('initiative', ['ready']);
      const initiativeId = decodeURIComponent(new URL(frame.url()).hash.replace(/^#\/initiatives\//, ''));
      expect(await tab.getByTestId('initiative-header').innerText()).toContain(initiativeName);
      const stored = await session.api<InitiativeBody>(
        'learningLeader',
        'GET',
        `/api/initiatives/${initiativeId}`,
      );
      expect(stored.status).toBe(200);
      const marketing = session.server.composed.demo?.tenant.teams.find(
        (team) => team.displayName === targetTeam,
      );
      expect(stored.body.design?.targetGroup).toEqual({ kind: 'teams', ids: [marketing?.id] });
      expect(stored.body.design?.designTeam).toEqual({ kind: 'people', ids: [leader.userId] });
      expect(stored.body.design?.features.map((feature) => feature.name)).toHaveLength(1);
    },
  );

  it(
    'takes the baseline, watches its phases advance, sees it again after a reload and cancels it',
    { timeout: 90_000 },
    async () => {
      if (!session) throw new Error('the session did not start');
      const { tab, frame, page } = session;
      await session.open(`#/initiatives/${collectedId}`, 'initiative', ['ready']);
      await tab.getByTestId('collection-panel').waitFor();
      await checkAccessibility(frame, 'initiative overview');
      await screenshot(page, 'leader-initiative-overview');
      await recordPhases(frame);
      await tab.getByRole('button', { name: 'Take the baseline' }).click();
      // The demo Graph serves 14 daily usage reports per report per ten minutes, as Graph does: a run of six
      // weeks reads the directory and the channels at once and then waits in "reports".
      const waiting = tab.locator(
        '[data-testid="collection-progress"][data-state="running"][data-phase="reports"]',
      );
      await waiting.waitFor({ timeout: 30_000 });
      const phases = await readPhases(frame);
      const ranks = phases.map((phase) => phaseOrder.indexOf(phase));
      expect(ranks.every((rank) => rank >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(phases.filter((phase) => phase !== 'queued').length).toBeGreaterThanOrEqual(2);
      await checkAccessibility(frame, 'collection running');
      await screenshot(page, 'leader-collection-running');

      await session.reload('initiative', ['ready']);
      await waiting.waitFor();
      await tab.getByRole('button', { name: 'Cancel collection' }).click();
      await tab
        .locator('[data-testid="collection-progress"][data-state="cancelled"]')
        .waitFor({ timeout: 30_000 });
      await screenshot(page, 'leader-collection-cancelled');
    },
  );

  it('reads the five diagnostics of the sample initiative', { timeout: 90_000 }, async () => {
    if (!session) throw new Error('the session did not start');
    const { tab, frame, page } = session;
    const sample = session.server.composed.demo?.tenant.sampleInitiative.name ?? '';
    await session.open('#/initiatives', 'initiatives', ['ready']);
    await tab.getByRole('link', { name: sample }).click();
    await session.waitForPage('initiative', ['ready']);
    for (const [key, label] of diagnostics) {
      await tab.getByRole('tab', { name: label, exact: true }).first().click();
      await tab.locator(`[data-testid="page-initiative"][data-view="${key}"]`).waitFor();
      await session.waitForPage('diagnostics', ['ready']).catch((error: unknown) => {
        throw new Error(`diagnostic ${key}: ${error instanceof Error ? error.message : String(error)}`);
      });
      await tab.getByTestId(`diagnostic-${key}`).waitFor();
      expect(new URL(frame.url()).hash).toMatch(new RegExp(`^#/initiatives/[^/]+/${key}$`));
      await checkAccessibility(frame, `diagnostic ${key}`);
      await screenshot(page, `leader-diagnostic-${key}`);
    }
    expect(session.pageErrors).toEqual([]);
  });
});
