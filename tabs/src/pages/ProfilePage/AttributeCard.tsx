import { Badge, Body1, Caption1, Card, Subtitle2 } from '@fluentui/react-components';
import type { AttributeName, ProfileAttribute, ProfileEvidence } from '@learnfit/core';
import { formatCount } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { useProfilePageStyles } from './ProfilePage.styles';

const text = strings.profile;

function evidenceValue(evidence: ProfileEvidence, locale: string | undefined): string {
  if (evidence.value === null) return text.noData;
  const value = formatCount(Math.round(evidence.value * 10) / 10, locale);
  const units: Record<string, string> = text.units;
  return fill(units[evidence.unit] ?? text.units.count, { value });
}

/** One habit: observed score against the bar, the person's own rating, the evidence and how to change it. */
export function AttributeCard({
  name,
  attribute,
  bar,
  locale,
}: {
  name: AttributeName;
  attribute: ProfileAttribute;
  bar: number;
  locale?: string | undefined;
}) {
  const styles = useProfilePageStyles();
  const words = text.attributes[name];
  const headingId = `profile-${name}-heading`;
  return (
    <Card className={styles.card} data-testid={`profile-${name}`}>
      <section aria-labelledby={headingId} className={styles.card}>
        <div className={styles.titleRow}>
          <Subtitle2 as="h2" id={headingId}>
            {words.name}
          </Subtitle2>
          {attribute.meetsBar === null ? null : (
            <Badge appearance="tint" color={attribute.meetsBar ? 'success' : 'warning'}>
              {fill(attribute.meetsBar ? text.meetsBar : text.belowBar, { bar })}
            </Badge>
          )}
        </div>
        <dl className={styles.compare}>
          <dt className={styles.term}>{text.observed}</dt>
          <dd className={styles.value} data-testid={`profile-${name}-score`}>
            {attribute.score === null
              ? text.noScore
              : fill(text.score, { score: Math.round(attribute.score) })}
          </dd>
          <dt className={styles.term}>{text.self}</dt>
          <dd className={styles.value} data-testid={`profile-${name}-self`}>
            {attribute.selfAssessment === null
              ? text.selfNone
              : fill(text.selfValue, {
                  value: formatCount(Math.round(attribute.selfAssessment * 10) / 10, locale),
                })}
          </dd>
        </dl>
        {attribute.score === null ? <Caption1>{text.noScoreWhy}</Caption1> : null}
        <h3 className={styles.subheading}>{text.meaning}</h3>
        <Body1 as="p">{fill(text.meaningSentence, { meaning: attribute.meaning })}</Body1>
        <h3 className={styles.subheading}>{text.evidence}</h3>
        <ul className={styles.evidence}>
          {attribute.evidence.map((evidence) => (
            <li key={evidence.signal}>
              <Body1>
                {evidence.label}: {evidenceValue(evidence, locale)}
              </Body1>
            </li>
          ))}
        </ul>
        <h3 className={styles.subheading}>{text.howToChange}</h3>
        <Body1 as="p">{words.change}</Body1>
      </section>
    </Card>
  );
}
