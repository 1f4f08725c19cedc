import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

/** Renders a chart inside the Fluent provider, as the tab does. */
export function renderChart(chart: ReactElement) {
  return render(<FluentProvider theme={teamsLightTheme}>{chart}</FluentProvider>);
}

/** The rows of a chart's data table, each as its cells' text. */
export function tableRows(container: HTMLElement): string[][] {
  return [...container.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
  );
}
