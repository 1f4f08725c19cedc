import { Body1, Checkbox } from '@fluentui/react-components';
import { AudiencePicker } from '../../components/AudiencePicker/AudiencePicker';
import { strings } from '../../messages/strings';
import type { StepProps } from './step-props';

const s = strings.wizard;

/** Step 5: an optional comparison group that does not get the initiative. */
export function StepComparison({ draft, update, errors, searchDelayMs }: StepProps) {
  return (
    <>
      <Body1 as="p">{s.comparisonIntro}</Body1>
      <Checkbox
        label={s.useComparison}
        checked={draft.useComparison}
        onChange={(_e, data) => update((d) => ({ ...d, useComparison: data.checked === true }))}
      />
      {draft.useComparison ? (
        <AudiencePicker
          label={s.comparisonGroup}
          hint={s.comparisonHint}
          value={draft.comparisonGroup}
          onChange={(comparisonGroup) => update((d) => ({ ...d, comparisonGroup }))}
          error={errors['comparisonGroup']}
          testId="wizard-comparison-group"
          {...(searchDelayMs === undefined ? {} : { delayMs: searchDelayMs })}
        />
      ) : null}
    </>
  );
}
