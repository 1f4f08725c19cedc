import { Body1, Button, Card, Subtitle2 } from '@fluentui/react-components';
import type { Audience, InitiativeDesign } from '@learnfit/core';
import { formatReportDate } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import { useInitiativeDetailStyles } from './InitiativeDetail.styles';

const s = strings.initiatives.design;
const w = strings.wizard;

function audienceText(audience: Audience | null): string {
  if (!audience) return s.noComparison;
  const count = audience.ids.length;
  return count === 1 ? s.audienceOne[audience.kind] : fill(s.audience[audience.kind], { count });
}

function sessionsText(count: number): string | null {
  if (count === 0) return null;
  return count === 1 ? s.sessionsOne : fill(s.sessions, { count });
}

/** The design in a few lines: groups, launch, features and KPIs (names of people are not repeated here). */
export function DesignSummary({
  initiativeId,
  design,
  canEdit,
  locale,
}: {
  initiativeId: string;
  design: InitiativeDesign | null;
  canEdit: boolean;
  locale?: string | undefined;
}) {
  const styles = useInitiativeDetailStyles();
  if (!design)
    return (
      <Card className={styles.card} data-testid="design-summary">
        <Subtitle2 as="h2" className={styles.heading}>
          {s.title}
        </Subtitle2>
        <Body1 as="p">{s.none}</Body1>
        {canEdit ? (
          <div>
            <Button as="a" appearance="primary" href={hrefFor('initiatives', [initiativeId, 'edit'])}>
              {s.describe}
            </Button>
          </div>
        ) : null}
      </Card>
    );
  return (
    <Card className={styles.card} data-testid="design-summary">
      <Subtitle2 as="h2" className={styles.heading}>
        {s.title}
      </Subtitle2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{s.targetGroup}</dt>
        <dd className={styles.definition}>{audienceText(design.targetGroup)}</dd>
        <dt className={styles.term}>{s.designTeam}</dt>
        <dd className={styles.definition}>{audienceText(design.designTeam)}</dd>
        <dt className={styles.term}>{s.comparisonGroup}</dt>
        <dd className={styles.definition}>{audienceText(design.comparisonGroup)}</dd>
        <dt className={styles.term}>{s.launchDate}</dt>
        <dd className={styles.definition}>
          {design.launchDate ? formatReportDate(design.launchDate, locale) : s.notSet}
        </dd>
      </dl>
      <Subtitle2 as="h3" className={styles.heading}>
        {s.features}
      </Subtitle2>
      {design.features.length === 0 ? (
        <Body1 className={styles.muted}>{s.noFeatures}</Body1>
      ) : (
        <ul className={styles.list}>
          {design.features.map((feature) => {
            const extras = [
              sessionsText(feature.plannedTimes.length),
              feature.groupSize !== null ? fill(s.groupOf, { size: feature.groupSize }) : null,
            ].filter((part): part is string => part !== null);
            return (
              <li key={feature.id}>
                <strong>{feature.name}</strong>
                {': '}
                {fill(s.featureLine, {
                  mode: w.modes[feature.mode],
                  cadence: w.cadences[feature.cadence],
                  timing: feature.synchronous ? w.timing.synchronous : w.timing.asynchronous,
                })}
                {extras.length > 0 ? ` · ${extras.join(' · ')}` : ''}
              </li>
            );
          })}
        </ul>
      )}
      <Subtitle2 as="h3" className={styles.heading}>
        {s.kpis}
      </Subtitle2>
      {design.kpis.length === 0 ? (
        <Body1 className={styles.muted}>{s.noKpis}</Body1>
      ) : (
        <ul className={styles.list}>
          {design.kpis.map((kpi) => (
            <li key={kpi.id}>
              <strong>{kpi.name}</strong>
              {kpi.unit ? ` (${kpi.unit})` : ''}
              {': '}
              {fill(s.kpiLine, {
                level: kpi.kirkpatrickLevel,
                direction: w.directions[kpi.direction],
                source: w.sources[kpi.source],
              })}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
