import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/client';
import { createInitiative, updateInitiative } from '../../api/initiatives';
import { messageForError } from '../../messages/problem-messages';
import { fill, strings } from '../../messages/strings';
import { hrefFor, navigate } from '../../routing/hash-route';
import { useWizardStyles } from './InitiativeWizard.styles';
import { StepBasics } from './StepBasics';
import { StepComparison } from './StepComparison';
import { StepFeatures } from './StepFeatures';
import { StepKpis } from './StepKpis';
import { StepPeople } from './StepPeople';
import { StepReview } from './StepReview';
import type { StepProps } from './step-props';
import { clearDraft, saveDraft } from './wizard-draft';
import {
  firstStepWithErrors,
  toCreateBody,
  validate,
  wizardSteps,
  type FieldErrors,
  type WizardDraft,
  type WizardStep,
} from './wizard-model';
import { WizardStepper } from './WizardStepper';

const s = strings.wizard;

/** The API's problem in its own words when it sent one (a 4xx explains what to fix); the tab's message otherwise. */
function ServerError({ error }: { error: ApiError }) {
  const fromServer = error.status >= 400 && error.status < 500;
  const message = messageForError(error);
  return (
    <MessageBar
      intent="error"
      layout="multiline"
      data-testid="wizard-server-error"
      data-error-code={error.code}
    >
      <MessageBarBody>
        <MessageBarTitle>{s.serverError}</MessageBarTitle>
        {fromServer
          ? [error.title, error.detail].filter(Boolean).join(' — ')
          : `${message.title}. ${message.body}`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What the form needs: where it starts, what to fall back to on Discard, and where drafts are kept. */
export interface WizardFormProps {
  readonly initiativeId: string | null;
  readonly initial: WizardDraft;
  readonly pristine: WizardDraft;
  readonly restored: boolean;
  readonly storageKey: string;
  readonly searchDelayMs?: number;
}

/** The six steps with validation before Next, a draft kept on every change, and create or save at the end. */
export function WizardForm({
  initiativeId,
  initial,
  pristine,
  restored,
  storageKey,
  searchDelayMs,
}: WizardFormProps) {
  const styles = useWizardStyles();
  const client = useApiClient();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [showRestored, setShowRestored] = useState(restored);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const index = wizardSteps.indexOf(draft.step);

  useEffect(() => {
    if (touched) saveDraft(storageKey, draft);
  }, [draft, touched, storageKey]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [draft.step]);

  const update: StepProps['update'] = (change) => {
    setTouched(true);
    setDraft(change);
  };
  const goTo = (step: WizardStep) => update((d) => ({ ...d, step }));

  const next = () => {
    const found = validate(draft, draft.step);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const following = wizardSteps[index + 1];
    if (following) goTo(following);
  };

  const submit = async () => {
    const found = validate(draft, 'review');
    setErrors(found);
    const broken = firstStepWithErrors(found);
    if (broken) {
      goTo(broken);
      return;
    }
    setSaving(true);
    setServerError(null);
    try {
      const body = toCreateBody(draft);
      const saved =
        initiativeId === null
          ? await createInitiative(client, body)
          : await updateInitiative(client, initiativeId, body);
      clearDraft(storageKey);
      navigate(hrefFor('initiatives', [saved.id]));
    } catch (error) {
      setServerError(toApiError(error));
      setSaving(false);
    }
  };

  const discard = () => {
    clearDraft(storageKey);
    setDraft(pristine);
    setTouched(false);
    setErrors({});
    setShowRestored(false);
  };

  const stepProps: StepProps = {
    draft,
    update,
    errors,
    ...(searchDelayMs === undefined ? {} : { searchDelayMs }),
  };
  const hasErrors = Object.keys(errors).length > 0;
  const isLast = draft.step === 'review';
  return (
    <>
      {showRestored ? (
        <MessageBar intent="info" layout="multiline" data-testid="wizard-draft-restored">
          <MessageBarBody>{s.draftRestored}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={discard}>{s.discardDraft}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <WizardStepper current={draft.step} onSelect={goTo} />
      <section
        className={styles.step}
        aria-labelledby="wizard-step-heading"
        data-testid="wizard-step"
        data-step={draft.step}
      >
        <h2 id="wizard-step-heading" ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
          {fill(s.stepOf, { n: index + 1, total: wizardSteps.length, name: s.steps[draft.step] })}
        </h2>
        {hasErrors ? (
          <MessageBar intent="error" layout="multiline" data-testid="wizard-step-errors">
            <MessageBarBody>{s.stepHasErrors}</MessageBarBody>
          </MessageBar>
        ) : null}
        {draft.step === 'basics' ? <StepBasics {...stepProps} /> : null}
        {draft.step === 'people' ? <StepPeople {...stepProps} /> : null}
        {draft.step === 'features' ? <StepFeatures {...stepProps} /> : null}
        {draft.step === 'kpis' ? <StepKpis {...stepProps} /> : null}
        {draft.step === 'comparison' ? <StepComparison {...stepProps} /> : null}
        {draft.step === 'review' ? <StepReview draft={draft} goTo={goTo} /> : null}
      </section>
      {serverError ? <ServerError error={serverError} /> : null}
      <div className={styles.actions}>
        {index > 0 ? (
          <Button onClick={() => goTo(wizardSteps[index - 1] ?? 'basics')} disabled={saving}>
            {strings.common.back}
          </Button>
        ) : null}
        {isLast ? (
          <Button appearance="primary" onClick={() => void submit()} disabled={saving}>
            {saving
              ? initiativeId === null
                ? s.creating
                : s.saving
              : initiativeId === null
                ? s.create
                : s.saveChanges}
          </Button>
        ) : (
          <Button appearance="primary" onClick={next}>
            {strings.common.next}
          </Button>
        )}
      </div>
    </>
  );
}
