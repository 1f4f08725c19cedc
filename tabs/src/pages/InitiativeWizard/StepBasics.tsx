import { Field, Input, Textarea } from '@fluentui/react-components';
import { strings } from '../../messages/strings';
import { errorProps, type StepProps } from './step-props';

const s = strings.wizard;

/** Step 1: name, goal and the planned launch date. */
export function StepBasics({ draft, update, errors }: StepProps) {
  return (
    <>
      <Field label={s.name} hint={s.nameHint} required {...errorProps(errors['name'])}>
        <Input
          value={draft.name}
          maxLength={120}
          onChange={(_e, data) => update((d) => ({ ...d, name: data.value }))}
        />
      </Field>
      <Field label={s.goal} hint={s.goalHint} {...errorProps(errors['goal'])}>
        <Textarea
          value={draft.goal}
          resize="vertical"
          onChange={(_e, data) => update((d) => ({ ...d, goal: data.value }))}
        />
      </Field>
      <Field label={s.launchDate} hint={s.launchHint} {...errorProps(errors['launchDate'])}>
        <Input
          type="date"
          value={draft.launchDate}
          onChange={(_e, data) => update((d) => ({ ...d, launchDate: data.value }))}
        />
      </Field>
    </>
  );
}
