import { Body1, Button, Caption1 } from '@fluentui/react-components';
import { strings } from '../../messages/strings';
import { blankFeature, featureFromTemplate, featureTemplateKeys } from './feature-templates';
import { FeatureEditor } from './FeatureEditor';
import { useWizardStyles } from './InitiativeWizard.styles';
import type { StepProps } from './step-props';

const s = strings.wizard;
const maxFeatures = 20;

/** Step 3: the solution design as features, added from templates that pre-fill sensible values. */
export function StepFeatures({ draft, update, errors }: StepProps) {
  const styles = useWizardStyles();
  const full = draft.features.length >= maxFeatures;
  return (
    <>
      <Body1 as="p">{s.featuresIntro}</Body1>
      <div role="group" aria-label={s.templatesLabel} className={styles.templates}>
        {featureTemplateKeys.map((key) => (
          <Button
            key={key}
            disabled={full}
            onClick={() =>
              update((d) => ({ ...d, features: [...d.features, featureFromTemplate(key, d.features)] }))
            }
          >
            {s.templates[key]}
          </Button>
        ))}
        <Button
          appearance="subtle"
          disabled={full}
          onClick={() => update((d) => ({ ...d, features: [...d.features, blankFeature(d.features)] }))}
        >
          {s.addBlankFeature}
        </Button>
      </div>
      {errors['features'] ? (
        <Caption1 role="alert" data-testid="features-error">
          {errors['features']}
        </Caption1>
      ) : null}
      {draft.features.length === 0 ? <Caption1 className={styles.muted}>{s.noFeatures}</Caption1> : null}
      {draft.features.map((feature, index) => (
        <FeatureEditor
          key={feature.id}
          feature={feature}
          index={index}
          errors={errors}
          onChange={(next) =>
            update((d) => ({ ...d, features: d.features.map((f, i) => (i === index ? next : f)) }))
          }
          onRemove={() => update((d) => ({ ...d, features: d.features.filter((_f, i) => i !== index) }))}
        />
      ))}
    </>
  );
}
