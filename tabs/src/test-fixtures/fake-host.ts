import type { ChannelPlacement, TeamsHost, TeamsTheme } from '../teams/host';
import { meFixture } from './me-response';

/** A connected host for component tests: the fixture user, optional channel placement, pushable themes. */
export function fakeHost(placement: ChannelPlacement | null = null): {
  host: TeamsHost;
  pushTheme(theme: TeamsTheme): void;
} {
  const listeners = new Set<(theme: TeamsTheme) => void>();
  const host: TeamsHost = {
    context: {
      userId: meFixture.user.id,
      tenantId: meFixture.tenantId,
      userPrincipalName: meFixture.user.userPrincipalName,
      locale: 'en-us',
      frameContext: 'content',
      hostName: 'Teams',
      hostClientType: 'web',
      placement,
      subPageId: null,
    },
    initialTheme: 'default',
    getAuthToken: () => Promise.resolve('token'),
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { host, pushTheme: (theme) => listeners.forEach((listener) => listener(theme)) };
}
