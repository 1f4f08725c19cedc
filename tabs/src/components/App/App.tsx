import { FluentProvider } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { ApiClientProvider } from '../../api/api-context';
import { MeProvider } from '../../api/me-context';
import { createApiClient, type ApiClient } from '../../api/client';
import { tabConfig } from '../../config';
import { strings } from '../../messages/strings';
import { deepLinkTarget } from '../../routing/deep-link';
import { useHashRoute, type Route } from '../../routing/hash-route';
import { fluentThemeFor } from '../../teams/fluent-theme';
import { cachedTokens } from '../../teams/token-cache';
import { connectToTeamsOnce, useTeamsHost, type HostConnection, type TeamsHost } from '../../teams/host';
import { LoadingState } from '../LoadingState/LoadingState';
import { NotInTeams } from '../NotInTeams/NotInTeams';
import { PageErrorBoundary } from '../PageErrorBoundary/PageErrorBoundary';
import { PageNotFound } from '../PageNotFound/PageNotFound';
import { TopNav } from '../TopNav/TopNav';
import { useAppStyles } from './App.styles';

// Pages load on demand so the first paint only needs the shell.
const HomePage = lazy(() => import('../../pages/HomePage/HomePage'));
const InitiativesPage = lazy(() => import('../../pages/InitiativesPage/InitiativesPage'));
const AboutPage = lazy(() => import('../../pages/AboutPage/AboutPage'));
const ConfigPage = lazy(() => import('../../pages/ConfigPage/ConfigPage'));
const PulsePage = lazy(() => import('../../pages/PulsePage/PulsePage'));
const ProfilePage = lazy(() => import('../../pages/ProfilePage/ProfilePage'));
const ReportPage = lazy(() => import('../../pages/ReportPage/ReportPage'));
const AdminPage = lazy(() => import('../../pages/AdminPage/AdminPage'));
const ChannelPage = lazy(() => import('../../pages/ChannelPage/ChannelPage'));

function defaultClient(host: TeamsHost): ApiClient {
  return createApiClient({
    baseUrl: tabConfig.apiBaseUrl,
    getToken: cachedTokens(() => host.getAuthToken()),
  });
}

function renderPage(route: Route | null, host: TeamsHost): ReactNode {
  switch (route) {
    case 'home':
      return <HomePage locale={host.context.locale} />;
    case 'initiatives':
      return <InitiativesPage host={host} />;
    case 'pulse':
      return <PulsePage />;
    case 'profile':
      return <ProfilePage />;
    case 'report':
      return <ReportPage host={host} />;
    case 'admin':
      return <AdminPage host={host} />;
    case 'channel':
      return <ChannelPage host={host} />;
    case 'about':
      return <AboutPage />;
    case 'config':
      return <ConfigPage host={host} />;
    case null:
      return <PageNotFound />;
  }
}

function Shell({ host, createClient }: { host: TeamsHost; createClient: (host: TeamsHost) => ApiClient }) {
  const styles = useAppStyles();
  const route = useHashRoute();
  const client = useMemo(() => createClient(host), [createClient, host]);
  useEffect(() => {
    // A Teams deep link (a shared report card's "Open in Teams") names the page to open.
    const target = deepLinkTarget(host.context.subPageId, window.location.hash);
    if (target) window.location.replace(target);
  }, [host]);
  return (
    <ApiClientProvider client={client}>
      <MeProvider>
        {route === 'config' || route === 'channel' ? null : <TopNav current={route} />}
        <main className={styles.main}>
          <PageErrorBoundary key={route ?? 'not-found'}>
            <Suspense fallback={<LoadingState label={strings.common.loading} />}>
              {renderPage(route, host)}
            </Suspense>
          </PageErrorBoundary>
        </main>
      </MeProvider>
    </ApiClientProvider>
  );
}

/** How the app finds its host and talks to the API; tests pass fakes. */
export interface AppProps {
  readonly connect?: () => Promise<HostConnection>;
  readonly createClient?: (host: TeamsHost) => ApiClient;
}

/** The tab: Fluent theme that follows Teams, the host connection, navigation and pages. */
export function App({ connect = connectToTeamsOnce, createClient = defaultClient }: AppProps) {
  const styles = useAppStyles();
  const hostState = useTeamsHost(connect);
  const theme = hostState.status === 'ready' ? hostState.theme : 'default';

  let content: ReactNode;
  if (hostState.status === 'connecting') content = <LoadingState label={strings.common.connecting} />;
  else if (hostState.status === 'not-in-teams')
    content = <NotInTeams reason={hostState.reason} demoHostUrl={`${tabConfig.apiBaseUrl}/dev/host`} />;
  else content = <Shell host={hostState.host} createClient={createClient} />;

  return (
    // The layout sits on an inner element: Fluent copies the provider's class name onto every popup's
    // mount node, so a full-height background there would cover the tab whenever a dialog or list opens.
    <FluentProvider theme={fluentThemeFor(theme)} data-testid="app-root" data-theme={theme}>
      <div className={styles.root}>{content}</div>
    </FluentProvider>
  );
}
