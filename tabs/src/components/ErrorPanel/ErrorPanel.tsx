import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ApiError } from '../../api/client';
import { messageForError } from '../../messages/problem-messages';
import { useErrorPanelStyles } from './ErrorPanel.styles';

/** Explains a failed call in plain words, with the error code for support and Retry when it can help. */
export function ErrorPanel({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const styles = useErrorPanelStyles();
  const message = messageForError(error);
  return (
    <div className={styles.root} data-testid="tab-error" data-error-code={error.code}>
      <MessageBar intent="error" layout="multiline" className={styles.bar}>
        <MessageBarBody>
          <MessageBarTitle>{message.title}</MessageBarTitle>
          <p className={styles.body}>{message.body}</p>
          <p className={styles.code}>
            Error code: <code>{error.code}</code>
            {error.status > 0 ? ` (HTTP ${error.status})` : ''}
          </p>
        </MessageBarBody>
        {message.canRetry && onRetry ? (
          <MessageBarActions>
            <Button appearance="primary" onClick={onRetry}>
              Retry
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
    </div>
  );
}
