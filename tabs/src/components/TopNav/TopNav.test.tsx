// @vitest-environment jsdom
import type { MeResponse, RoleName } from '@learnfit/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { routedClient } from '../../test-fixtures/employee-fixtures';
import { meFixture } from '../../test-fixtures/me-response';
import { renderWithApi } from '../../test-fixtures/render-with-api';
import { TopNav } from './TopNav';

afterEach(cleanup);

function withRoles(roles: RoleName[]): MeResponse {
  return { ...meFixture, roles, primaryRole: roles[roles.length - 1] ?? 'Learner' };
}

async function linksFor(roles: RoleName[]): Promise<string[]> {
  renderWithApi(
    <TopNav current="pulse" />,
    routedClient({}, () => Promise.resolve(withRoles(roles))),
  );
  const nav = screen.getByRole('navigation', { name: 'LearnFit pages' });
  // Role-bound links appear once /api/me has answered; Help is always last.
  await waitFor(() => expect(within(nav).getAllByRole('link').length).toBeGreaterThan(0));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('TopNav', () => {
  it('shows a learner the pages every person has', async () => {
    expect(await linksFor(['Learner'])).toEqual(['Home', 'Initiatives', 'Pulse', 'My profile', 'Help']);
  });

  it('adds Report for managers and Admin for admins', async () => {
    expect(await linksFor(['Learner', 'Manager'])).toEqual([
      'Home',
      'Initiatives',
      'Pulse',
      'My profile',
      'Report',
      'Help',
    ]);
    cleanup();
    expect(await linksFor(['Learner', 'Admin'])).toContain('Admin');
    cleanup();
    expect(await linksFor(['Learner', 'LearningLeader'])).not.toContain('Report');
  });

  it('marks the current page and links to each route', async () => {
    await linksFor(['Learner']);
    const current = screen.getByRole('link', { name: 'Pulse' });
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(current.getAttribute('href')).toBe('#/pulse');
    expect(screen.getByRole('link', { name: 'Help' }).getAttribute('href')).toBe('#/about');
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
  });

  it('shows no role-bound link while the roles are unknown', () => {
    renderWithApi(
      <TopNav current="home" />,
      routedClient({}, () => new Promise(() => {})),
    );
    const names = within(screen.getByRole('navigation'))
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(names).not.toContain('Report');
    expect(names).not.toContain('Admin');
  });
});
