import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { RoleName } from '@learnfit/core';
import type { ApiError } from '../../api/client';
import { useMyRoles } from '../../api/me-context';
import { messageForError } from '../../messages/problem-messages';
import { fill, strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import { useErrorPanelStyles } from './ErrorPanel.styles';

/** The way forward when an admin must grant consent: the Admin page for admins, or who to ask. */
function ConsentNextStep({ roles, className }: { roles: readonly RoleName[] | null; className: string }) {
  if (roles?.includes('Admin'))
    return (
      <p className={className}>
        <Link href={hrefFor('admin')} data-testid="consent-admin-link">
          {strings.errors.consentAdminLink}
        </Link>
      </p>
    );
  if (roles === null)
    return (
      <p className={className}>
        {strings.errors.consentAdminsOnly}{' '}
        <Link href={hrefFor('admin')} data-testid="consent-admin-link">
          {strings.nav.admin}
        </Link>
      </p>
    );
  return <p className={className}>{strings.errors.consentAskAdmin}</p>;
}

/** Explains a failed call in plain words, with the error code for support and Retry when it can help. */
export function ErrorPanel({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const styles = useErrorPanelStyles();
  const roles = useMyRoles();
  const message = messageForError(error);
  return (
    <div className={styles.root} data-testid="tab-error" data-error-code={error.code}>
      <MessageBar intent="error" layout="multiline" className={styles.bar}>
        <MessageBarBody>
          <MessageBarTitle>{message.title}</MessageBarTitle>
          <p className={styles.body}>{message.body}</p>
          {error.code === 'consent_required' ? (
            <ConsentNextStep roles={roles} className={styles.body} />
          ) : null}
          <p className={styles.code}>
            {strings.errors.code} <code>{error.code}</code>
            {error.status > 0 ? fill(strings.errors.httpStatus, { status: error.status }) : ''}
          </p>
        </MessageBarBody>
        {message.canRetry && onRetry ? (
          <MessageBarActions>
            <Button appearance="primary" onClick={onRetry}>
              {strings.errors.retry}
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
    </div>
  );
}
