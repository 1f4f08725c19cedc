import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { strings } from '../../messages/strings';

/**
 * An alert dialog for a destructive action: nothing happens until the person picks the confirm button;
 * Cancel, Escape and closing all leave everything as it was. Cancel has the first focus.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel,
  testId = 'confirm',
}: {
  /** Prefix of the dialog's test ids: `<testId>-dialog`, `-cancel`, `-confirm`. */
  testId?: string;
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface data-testid={`${testId}-dialog`}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} data-testid={`${testId}-cancel`}>
              {strings.common.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm} data-testid={`${testId}-confirm`}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
