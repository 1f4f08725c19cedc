// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import AboutPage from './AboutPage';

afterEach(cleanup);

describe('AboutPage', () => {
  it('explains what is measured, what never is, who sees what, and data freshness and coverage', () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <AboutPage />
      </FluentProvider>,
    );
    const page = screen.getByTestId('page-about');
    expect(page.dataset['state']).toBe('ready');
    expect(screen.getByRole('heading', { level: 1, name: 'About LearnFit' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'What LearnFit measures',
      'What LearnFit never measures',
      'Who sees what',
      'How fresh the data is, and what may be missing',
    ]);
    expect(screen.getByTestId('about-never').textContent).toMatch(
      /never reads, stores or logs what a message says/,
    );
    expect(screen.getByTestId('about-privacy').textContent).toMatch(/fewer than 5 people is hidden/);
    expect(screen.getByTestId('about-privacy').textContent).toMatch(/only you see it/);
    const freshness = screen.getByTestId('about-freshness').textContent ?? '';
    expect(freshness).toMatch(/about two days behind/);
    expect(freshness).toMatch(/conceals user names/);
    expect(freshness).toMatch(/not been granted a Microsoft Graph permission/);
  });
});
