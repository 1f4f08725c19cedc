// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '../../api/api-context';
import { TenantErasure } from './TenantErasure';
import { routedClient } from './admin-test-client';

afterEach(cleanup);

const tenantId = '6d1c0d57-6b3f-4a5e-9d0b-5f0c7f1f2a10';
const erased = { body: { counts: { initiatives: 2, settings: 1 } } };
const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

function renderPanel(client: Parameters<typeof ApiClientProvider>[0]['client']) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <ApiClientProvider client={client}>
        <TenantErasure tenantId={tenantId} />
      </ApiClientProvider>
    </FluentProvider>,
  );
}

describe('TenantErasure', () => {
  it('waits for the tenant id typed out, then for the confirmation, and sends it as the API requires', async () => {
    const { client, calls } = routedClient({ 'DELETE /api/admin/tenant-data': erased });
    renderPanel(client);
    fireEvent.change(screen.getByTestId('admin-tenant-confirm'), { target: { value: 'contoso' } });
    expect(screen.getByText("This is not your organisation's tenant id.")).toBeTruthy();
    expect(button('admin-erase-tenant-start').disabled).toBe(true);

    fireEvent.change(screen.getByTestId('admin-tenant-confirm'), {
      target: { value: ` ${tenantId.toUpperCase()} ` },
    });
    fireEvent.click(button('admin-erase-tenant-start'));
    await screen.findByRole('alertdialog');
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByTestId('admin-confirm-confirm'));
    await screen.findByTestId('admin-erase-tenant-result');
    expect(calls).toEqual([
      { method: 'DELETE', path: '/api/admin/tenant-data', body: { confirm: tenantId.toUpperCase() } },
    ]);
  });
});
