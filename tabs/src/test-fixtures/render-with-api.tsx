import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiClientProvider } from '../api/api-context';
import type { ApiClient } from '../api/client';
import { MeProvider } from '../api/me-context';

/** Renders a page as the shell does: Fluent theme, the API client and the shared `/api/me`. */
export function renderWithApi(ui: ReactNode, client: ApiClient): RenderResult {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <MeProvider>{ui}</MeProvider>
      </ApiClientProvider>
    </FluentProvider>,
  );
}
