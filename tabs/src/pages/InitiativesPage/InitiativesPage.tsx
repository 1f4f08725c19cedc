import { Body1, Link, Title2 } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { createCollectionStreamOpener } from '../../api/collection-events';
import { CollectionStreamProvider } from '../../api/collection-stream-context';
import { tabConfig } from '../../config';
import { fill, strings } from '../../messages/strings';
import { hrefFor, useHashLocation } from '../../routing/hash-route';
import type { TeamsHost } from '../../teams/host';
import { toDiagnosticKey } from '../Diagnostics/diagnostic-keys';
import { InitiativeList } from './InitiativeList';
import { useInitiativesPageStyles } from './InitiativesPage.styles';
import { PageSkeleton } from './PageSkeleton';

// The wizard and the overview load on demand: the list needs neither.
const InitiativeWizard = lazy(() => import('../InitiativeWizard/InitiativeWizard'));
const InitiativeDetail = lazy(() => import('../InitiativeDetail/InitiativeDetail'));

const s = strings.initiatives;

function UnknownPage({ name }: { name: string }) {
  const styles = useInitiativesPageStyles();
  return (
    <article className={styles.root} data-testid="page-initiatives" data-state="error">
      <Title2 as="h1">{s.title}</Title2>
      <Body1 as="p">{fill(s.unknownPage, { name })}</Body1>
      <Link href={hrefFor('initiatives')}>{s.backToList}</Link>
    </article>
  );
}

/** Which page `#/initiatives/…` shows, and the name of its root for the page contract. */
export function initiativesContent(
  segments: readonly string[],
  locale: string | undefined,
): { name: string; content: ReactNode } {
  const [first, second, ...rest] = segments;
  if (first === undefined) return { name: 'initiatives', content: <InitiativeList locale={locale} /> };
  if (first === 'new' && second === undefined)
    return { name: 'wizard', content: <InitiativeWizard initiativeId={null} /> };
  if (second === undefined)
    return {
      name: 'initiative',
      content: <InitiativeDetail initiativeId={first} view={null} locale={locale} />,
    };
  if (rest.length === 0 && second === 'edit')
    return { name: 'wizard', content: <InitiativeWizard initiativeId={first} /> };
  const view = toDiagnosticKey(second);
  if (rest.length === 0 && view)
    return {
      name: 'initiative',
      content: <InitiativeDetail initiativeId={first} view={view} locale={locale} />,
    };
  return { name: 'initiatives', content: <UnknownPage name={segments.slice(1).join('/')} /> };
}

/**
 * Initiatives: the list at `#/initiatives`, the wizard at `…/new` and `…/<id>/edit`, the overview at
 * `…/<id>` and a diagnostic at `…/<id>/<diagnostic>`. Collection progress streams with the host's token.
 */
export default function InitiativesPage({ host }: { host: TeamsHost }) {
  const { segments } = useHashLocation();
  const open = useMemo(
    () =>
      createCollectionStreamOpener({ baseUrl: tabConfig.apiBaseUrl, getToken: () => host.getAuthToken() }),
    [host],
  );
  const { name, content } = initiativesContent(segments, host.context.locale);
  return (
    <CollectionStreamProvider open={open}>
      <Suspense fallback={<PageSkeleton name={name} label={strings.common.loading} />}>{content}</Suspense>
    </CollectionStreamProvider>
  );
}
