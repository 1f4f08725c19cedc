import { Caption1, Radio, RadioGroup } from '@fluentui/react-components';
import type { DirectoryKind } from '../../api/directory';
import { strings } from '../../messages/strings';
import type { AudienceDraft } from '../../pages/InitiativeWizard/wizard-model';
import { DirectoryPicker } from '../DirectoryPicker/DirectoryPicker';
import { useAudiencePickerStyles } from './AudiencePicker.styles';

const s = strings.pickers;
const kinds: readonly DirectoryKind[] = ['teams', 'groups', 'people'];

/** Chooses a group of people by Teams, Entra groups or names; each kind keeps its own choices. */
export function AudiencePicker({
  label,
  hint,
  value,
  onChange,
  error,
  testId,
  delayMs,
}: {
  label: string;
  hint: string;
  value: AudienceDraft;
  onChange: (value: AudienceDraft) => void;
  error?: string | undefined;
  testId: string;
  delayMs?: number;
}) {
  const styles = useAudiencePickerStyles();
  return (
    <fieldset className={styles.root} data-testid={testId}>
      <legend className={styles.legend}>{label}</legend>
      <Caption1 className={styles.hint}>{hint}</Caption1>
      <RadioGroup
        layout="horizontal"
        aria-label={`${label}: ${s.chooseBy}`}
        value={value.kind}
        onChange={(_event, data) => onChange({ ...value, kind: data.value as DirectoryKind })}
      >
        {kinds.map((kind) => (
          <Radio key={kind} value={kind} label={s.kinds[kind]} />
        ))}
      </RadioGroup>
      <DirectoryPicker
        kind={value.kind}
        label={`${label}: ${s.kinds[value.kind]}`}
        selected={value.selections[value.kind]}
        onChange={(items) => onChange({ ...value, selections: { ...value.selections, [value.kind]: items } })}
        error={error}
        testId={`${testId}-picker`}
        {...(delayMs === undefined ? {} : { delayMs })}
      />
    </fieldset>
  );
}
