import type { FieldErrors, WizardDraft } from './wizard-model';

/** What every wizard step gets: the draft, a way to change it, the errors of the last check. */
export interface StepProps {
  readonly draft: WizardDraft;
  readonly update: (change: (draft: WizardDraft) => WizardDraft) => void;
  readonly errors: FieldErrors;
  /** Pause before directory searches; tests shorten it. */
  readonly searchDelayMs?: number;
}

/** Field props for an error message: red with the message when there is one, plain otherwise. */
export function errorProps(message: string | undefined): {
  validationState: 'error' | 'none';
  validationMessage?: string;
} {
  return message ? { validationState: 'error', validationMessage: message } : { validationState: 'none' };
}
