import {
  Badge,
  Body1,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  TableCell,
  TableRow,
  Title3,
} from '@fluentui/react-components';
import type { ConsentStatus } from '@learnfit/core';
import { useConsentStatus } from '../../api/admin';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { LoadingState } from '../../components/LoadingState/LoadingState';
import { formatCount } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { formatTime } from './admin-format';
import { useAdminPageStyles } from './AdminPage.styles';
import { AdminTable, CodeCell } from './AdminTable';

const text = strings.admin;

/** The consent and coverage figures once loaded. */
export function ConsentView({ consent, locale }: { consent: ConsentStatus; locale?: string | undefined }) {
  const styles = useAdminPageStyles();
  const missing = consent.applicationPermissions.filter((entry) => entry.status === 'missing');
  return (
    <div className={styles.panel} data-testid="admin-consent" data-state="ready">
      <Card className={styles.card}>
        <Title3 as="h2">{text.consentHeading}</Title3>
        <p className={styles.note}>{fill(text.checkedAt, { time: formatTime(consent.checkedAt, locale) })}</p>
        {missing.length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="admin-consent-missing">
            <MessageBarBody>
              <MessageBarTitle>{fill(text.permissionsMissing, { count: missing.length })}</MessageBarTitle>
              {text.permissionsMissingBody}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Body1 as="p" className={styles.paragraph}>
            {text.allGranted}
          </Body1>
        )}
        <Body1 as="p" className={styles.paragraph}>
          {text.consentHow}{' '}
          <Link
            href={consent.adminConsentUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="admin-consent-link"
          >
            {text.consentLink}
          </Link>
        </Body1>
        <AdminTable
          label={text.appPermissionsTable}
          columns={[text.columnPermission, text.columnStatus, text.columnUsedFor, text.columnWithoutIt]}
        >
          {consent.applicationPermissions.map((entry) => (
            <TableRow key={entry.permission} data-testid="admin-permission-row">
              <CodeCell>{entry.permission}</CodeCell>
              <TableCell>
                <Badge appearance="tint" color={entry.status === 'granted' ? 'success' : 'danger'}>
                  {text.permissionStatus[entry.status]}
                </Badge>
              </TableCell>
              <TableCell>{entry.features.join(' ')}</TableCell>
              <TableCell>{entry.withoutIt}</TableCell>
            </TableRow>
          ))}
        </AdminTable>
        <Title3 as="h3">{text.delegatedHeading}</Title3>
        <Body1 as="p" className={styles.paragraph}>
          {text.delegatedIntro}
        </Body1>
        <AdminTable label={text.delegatedHeading} columns={[text.columnPermission, text.columnUsedFor]}>
          {consent.delegatedScopes.map((entry) => (
            <TableRow key={entry.permission}>
              <CodeCell>{entry.permission}</CodeCell>
              <TableCell>{entry.features.join(' ')}</TableCell>
            </TableRow>
          ))}
        </AdminTable>
      </Card>
      <Card className={styles.card}>
        <Title3 as="h2">{text.coverageHeading}</Title3>
        <Body1 as="p" className={styles.paragraph}>
          {text.coverageIntro}
        </Body1>
        <AdminTable
          label={text.coverageHeading}
          columns={[
            text.columnSource,
            text.columnStatus,
            text.columnPeople,
            text.columnDataAsOf,
            text.columnDetail,
          ]}
        >
          {consent.coverage.map((entry) => (
            <TableRow key={entry.source} data-testid="admin-coverage-row">
              <TableCell>{strings.report.sources[entry.source]}</TableCell>
              <TableCell>{strings.report.sourceStatus[entry.status]}</TableCell>
              <TableCell>{formatCount(entry.coveredPeople, locale)}</TableCell>
              <TableCell>{entry.dataAsOf ? formatTime(entry.dataAsOf, locale) : text.notYet}</TableCell>
              <TableCell>{entry.detail ?? ''}</TableCell>
            </TableRow>
          ))}
        </AdminTable>
      </Card>
    </div>
  );
}

/** Consent per permission, with the admin-consent link and what each permission is for, and coverage. */
export function ConsentPanel({ locale }: { locale?: string | undefined }) {
  const { state, retry } = useConsentStatus();
  if (state.status === 'loading')
    return (
      <div data-testid="admin-consent" data-state="loading">
        <LoadingState label={text.consentLoading} />
      </div>
    );
  if (state.status === 'failed')
    return (
      <div data-testid="admin-consent" data-state="error">
        <ErrorPanel error={state.error} onRetry={retry} />
      </div>
    );
  return <ConsentView consent={state.data} locale={locale} />;
}
