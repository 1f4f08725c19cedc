import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Switch,
  Title3,
} from '@fluentui/react-components';
import {
  initiativeCreatorOptions,
  minimumK,
  retentionDaysRange,
  type TenantSettingsView,
} from '@learnfit/core';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { saveAdminSettings } from '../../api/admin';
import { useApiClient } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../messages/strings';
import { formatTime } from './admin-format';
import { useAdminPageStyles } from './AdminPage.styles';
import {
  checkSettings,
  formValuesOf,
  isDirty,
  maximumK,
  type SettingsField,
  type SettingsFormValues,
} from './settings-form';

const text = strings.admin;

/** A whole-number input in a field, with its hint and, when checking failed, the message. */
function WholeNumberField({
  label,
  hint,
  error,
  inputRef,
  min,
  max,
  value,
  onChange,
  testId,
}: {
  label: string;
  hint: string;
  error: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  min: number;
  max: number;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const styles = useAdminPageStyles();
  return (
    <Field
      label={label}
      hint={hint}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? null}
    >
      <Input
        input={{ ref: inputRef }}
        className={styles.numberInput}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(_event, data) => onChange(data.value)}
        data-testid={testId}
      />
    </Field>
  );
}

/**
 * The tenant's settings: k, retention, who may create initiatives and whether participation reports
 * name managers. Checked with the contract before sending; only the editable fields are sent.
 */
export function SettingsForm({
  initial,
  locale,
  onSaved,
}: {
  initial: TenantSettingsView;
  locale?: string | undefined;
  onSaved?: (saved: TenantSettingsView) => void;
}) {
  const styles = useAdminPageStyles();
  const client = useApiClient();
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState<SettingsFormValues>(() => formValuesOf(initial));
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' } | { kind: 'failed'; error: ApiError } | null>(
    null,
  );
  const kRef = useRef<HTMLInputElement>(null);
  const retentionRef = useRef<HTMLInputElement>(null);

  const change = (next: Partial<SettingsFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setOutcome(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSettings(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      (checked.errors.k ? kRef : retentionRef).current?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const answer = await saveAdminSettings(client, checked.settings);
      setSaved(answer);
      onSaved?.(answer);
      setValues(formValuesOf(answer));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', error: toApiError(error) });
    } finally {
      setSaving(false);
    }
  };

  const dirty = isDirty(values, saved);
  return (
    <Card className={styles.card} data-testid="admin-settings">
      <Title3 as="h2">{text.settingsHeading}</Title3>
      <p className={styles.note} data-testid="admin-settings-saved-at">
        {saved.savedAt ? fill(text.savedAt, { time: formatTime(saved.savedAt, locale) }) : text.defaultsApply}
      </p>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <WholeNumberField
          label={text.kLabel}
          hint={fill(text.kHint, { min: minimumK })}
          error={errors.k}
          inputRef={kRef}
          min={minimumK}
          max={maximumK}
          value={values.k}
          onChange={(k) => change({ k })}
          testId="admin-settings-k"
        />
        <WholeNumberField
          label={text.retentionLabel}
          hint={fill(text.retentionHint, { min: retentionDaysRange.min, max: retentionDaysRange.max })}
          error={errors.retentionDays}
          inputRef={retentionRef}
          min={retentionDaysRange.min}
          max={retentionDaysRange.max}
          value={values.retentionDays}
          onChange={(retentionDays) => change({ retentionDays })}
          testId="admin-settings-retention"
        />
        <Field label={text.creatorsLabel} hint={text.creatorsHint}>
          <RadioGroup
            value={values.initiativeCreators}
            onChange={(_event, data) => {
              const option = initiativeCreatorOptions.find((candidate) => candidate === data.value);
              if (option) change({ initiativeCreators: option });
            }}
          >
            {initiativeCreatorOptions.map((option) => (
              <Radio key={option} value={option} label={text.creators[option]} />
            ))}
          </RadioGroup>
        </Field>
        <Field hint={text.nameManagersHint}>
          <Switch
            label={text.nameManagersLabel}
            checked={values.nameManagersInParticipation}
            onChange={(_event, data) => change({ nameManagersInParticipation: data.checked })}
          />
        </Field>
        <div className={styles.row}>
          <Button
            type="submit"
            appearance="primary"
            disabled={saving || !dirty}
            data-testid="admin-settings-save"
          >
            {saving ? text.saving : strings.common.save}
          </Button>
          {dirty ? (
            <Button
              type="button"
              onClick={() => {
                change(formValuesOf(saved));
                setErrors({});
              }}
              disabled={saving}
            >
              {text.discard}
            </Button>
          ) : null}
        </div>
      </form>
      <div role="status" aria-live="polite">
        {outcome?.kind === 'saved' ? (
          <MessageBar intent="success" layout="multiline" data-testid="admin-settings-success">
            <MessageBarBody>
              <MessageBarTitle>{text.savedTitle}</MessageBarTitle>
              {text.savedBody}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {outcome?.kind === 'failed' ? <ErrorPanel error={outcome.error} /> : null}
    </Card>
  );
}
