import { Body1, Button } from '@fluentui/react-components';
import { Fragment } from 'react';
import { fill, strings } from '../../messages/strings';
import { useWizardStyles } from './InitiativeWizard.styles';
import type { AudienceDraft, WizardDraft, WizardStep } from './wizard-model';

const s = strings.wizard;

function audienceText(audience: AudienceDraft): string {
  const items = audience.selections[audience.kind];
  if (items.length === 0) return s.selectedNone;
  return `${strings.pickers.kinds[audience.kind]}: ${items.map((item) => item.label).join(', ')}`;
}

/** Step 6: everything typed, read back, with a way to each step. */
export function StepReview({ draft, goTo }: { draft: WizardDraft; goTo: (step: WizardStep) => void }) {
  const styles = useWizardStyles();
  const rows: ReadonlyArray<{ step: WizardStep; term: string; value: string }> = [
    { step: 'basics', term: s.name, value: draft.name },
    { step: 'basics', term: s.goal, value: draft.goal || strings.initiatives.noGoal },
    { step: 'basics', term: s.launchDate, value: draft.launchDate || strings.initiatives.design.notSet },
    { step: 'people', term: s.targetGroup, value: audienceText(draft.targetGroup) },
    { step: 'people', term: s.designTeam, value: audienceText(draft.designTeam) },
    {
      step: 'features',
      term: strings.initiatives.design.features,
      value:
        draft.features.length === 0
          ? strings.initiatives.design.noFeatures
          : draft.features.map((f) => `${f.name} (${s.modes[f.mode]}, ${s.cadences[f.cadence]})`).join('; '),
    },
    {
      step: 'kpis',
      term: strings.initiatives.design.kpis,
      value:
        draft.kpis.length === 0
          ? strings.initiatives.design.noKpis
          : draft.kpis.map((k) => `${k.name} (${s.levels[k.kirkpatrickLevel]})`).join('; '),
    },
    {
      step: 'comparison',
      term: s.comparisonGroup,
      value: draft.useComparison
        ? audienceText(draft.comparisonGroup)
        : strings.initiatives.design.noComparison,
    },
  ];
  return (
    <>
      <Body1 as="p">{s.reviewIntro}</Body1>
      <dl className={styles.review} data-testid="wizard-review">
        {rows.map((row) => (
          <Fragment key={row.term}>
            <dt className={styles.term}>{row.term}</dt>
            <dd className={styles.definition}>
              {row.value}{' '}
              <Button appearance="transparent" size="small" onClick={() => goTo(row.step)}>
                {fill(s.reviewEdit, { step: row.term })}
              </Button>
            </dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}
