import {
  Body1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Tab,
  TabList,
  Title2,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useAdminSettings } from '../../api/admin';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import type { TeamsHost } from '../../teams/host';
import { useAdminPageStyles } from './AdminPage.styles';
import { AuditPanel } from './AuditPanel';
import { ConsentPanel } from './ConsentPanel';
import { PersonErasure } from './PersonErasure';
import { SettingsForm } from './SettingsForm';
import { TenantErasure } from './TenantErasure';

const text = strings.admin;
const sections = ['settings', 'consent', 'audit', 'erasure'] as const;
type Section = (typeof sections)[number];

function Root({ state, children }: { state: 'loading' | 'ready' | 'empty' | 'error'; children: ReactNode }) {
  const styles = useAdminPageStyles();
  return (
    <article className={styles.root} data-testid="page-admin" data-state={state}>
      <header className={styles.header}>
        <Title2 as="h1">{text.title}</Title2>
        <Body1 as="p" className={styles.paragraph}>
          {text.intro}
        </Body1>
      </header>
      {children}
    </article>
  );
}

/**
 * `#/admin`: settings, consent and coverage, the audit log and erasure, for LearnFit admins. The
 * settings load first: their answer also tells whether the person is an admin at all.
 */
export default function AdminPage({ host }: { host: TeamsHost }) {
  const styles = useAdminPageStyles();
  const { state, retry, replace } = useAdminSettings();
  const [section, setSection] = useState<Section>('settings');
  const locale = host?.context.locale;

  if (state.status === 'loading')
    return (
      <Root state="loading">
        <Skeleton aria-label={text.loading} className={styles.skeleton}>
          {[0, 1, 2, 3].map((row) => (
            <SkeletonItem key={row} size={28} />
          ))}
        </Skeleton>
      </Root>
    );
  if (state.status === 'failed')
    return (
      <Root state="error">
        {state.error.code === 'forbidden' ? (
          <MessageBar intent="info" layout="multiline" data-testid="admin-not-admin">
            <MessageBarBody>
              <MessageBarTitle>{text.notAdminTitle}</MessageBarTitle>
              {text.notAdminBody}
            </MessageBarBody>
            <MessageBarActions>
              <Link href={hrefFor('home')}>{strings.report.goHome}</Link>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <ErrorPanel error={state.error} onRetry={retry} />
        )}
      </Root>
    );

  return (
    <Root state="ready">
      <TabList
        selectedValue={section}
        onTabSelect={(_event, data) => {
          const next = sections.find((candidate) => candidate === data.value);
          if (next) setSection(next);
        }}
        aria-label={text.sectionsLabel}
      >
        {sections.map((name) => (
          <Tab key={name} value={name} id={`admin-tab-${name}`}>
            {text.sections[name]}
          </Tab>
        ))}
      </TabList>
      <div
        role="tabpanel"
        id={`admin-panel-${section}`}
        aria-labelledby={`admin-tab-${section}`}
        className={styles.panel}
      >
        {section === 'settings' ? (
          <SettingsForm initial={state.data} locale={locale} onSaved={replace} />
        ) : null}
        {section === 'consent' ? <ConsentPanel locale={locale} /> : null}
        {section === 'audit' ? <AuditPanel locale={locale} /> : null}
        {section === 'erasure' ? (
          <>
            <PersonErasure />
            <TenantErasure tenantId={host?.context.tenantId ?? null} />
          </>
        ) : null}
      </div>
    </Root>
  );
}
