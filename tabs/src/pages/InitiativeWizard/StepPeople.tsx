import { AudiencePicker } from '../../components/AudiencePicker/AudiencePicker';
import { strings } from '../../messages/strings';
import type { StepProps } from './step-props';

const s = strings.wizard;

/** Step 2: who the solution is for, and who designs and runs it. */
export function StepPeople({ draft, update, errors, searchDelayMs }: StepProps) {
  const delay = searchDelayMs === undefined ? {} : { delayMs: searchDelayMs };
  return (
    <>
      <AudiencePicker
        label={s.targetGroup}
        hint={s.targetGroupHint}
        value={draft.targetGroup}
        onChange={(targetGroup) => update((d) => ({ ...d, targetGroup }))}
        error={errors['targetGroup']}
        testId="wizard-target-group"
        {...delay}
      />
      <AudiencePicker
        label={s.designTeam}
        hint={s.designTeamHint}
        value={draft.designTeam}
        onChange={(designTeam) => update((d) => ({ ...d, designTeam }))}
        error={errors['designTeam']}
        testId="wizard-design-team"
        {...delay}
      />
    </>
  );
}
