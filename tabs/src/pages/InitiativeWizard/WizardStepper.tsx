import { Button, Caption1 } from '@fluentui/react-components';
import { strings } from '../../messages/strings';
import { useWizardStyles } from './InitiativeWizard.styles';
import { wizardSteps, type WizardStep } from './wizard-model';

const s = strings.wizard;

/** The steps as an ordered list: earlier steps can be revisited, the current one is marked for screen readers. */
export function WizardStepper({
  current,
  onSelect,
}: {
  current: WizardStep;
  onSelect: (step: WizardStep) => void;
}) {
  const styles = useWizardStyles();
  const currentIndex = wizardSteps.indexOf(current);
  return (
    <nav aria-label={s.stepsLabel}>
      <ol className={styles.stepper}>
        {wizardSteps.map((step, index) => {
          const label = `${index + 1}. ${s.steps[step]}`;
          if (index < currentIndex)
            return (
              <li key={step}>
                <Button appearance="subtle" size="small" onClick={() => onSelect(step)}>
                  {label}
                </Button>
              </li>
            );
          return (
            <li key={step} aria-current={index === currentIndex ? 'step' : undefined}>
              <Caption1 className={index === currentIndex ? styles.stepCurrent : undefined}>{label}</Caption1>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
