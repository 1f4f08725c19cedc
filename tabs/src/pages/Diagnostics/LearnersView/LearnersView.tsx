import { Body1, Subtitle2 } from '@fluentui/react-components';
import { adopterCategories, attributeNames, type DiagnosticsResponse } from '@learnfit/core';
import { useId } from 'react';
import { AdopterCurve } from '../../../components/charts/AdopterCurve/AdopterCurve';
import { formatNumber, formatShare } from '../../../components/charts/chart-format';
import { Distribution } from '../../../components/charts/Distribution/Distribution';
import { GroupedBars } from '../../../components/charts/GroupedBars/GroupedBars';
import { fill, strings } from '../../../messages/strings';
import { DiagnosticShell } from '../ResultSections/DiagnosticShell';
import { useViewStyles } from '../view-styles';
import { CardAnswers } from './CardAnswers';
import { KpiSection } from './KpiSection';
import { SegmentsSection } from './SegmentsSection';

type LearnersData = DiagnosticsResponse['results']['learners']['data'];

const t = strings.diagnostics;

/** The next step targets the habit the fewest learners show. */
export function learnersNextStep(data: LearnersData): string {
  const measured = data.distributions.filter((row) => row.shareMeetingBar !== null);
  if (measured.length === 0) return t.learners.nextUnknown;
  const weakest = measured.reduce((low, row) =>
    (row.shareMeetingBar ?? 1) < (low.shareMeetingBar ?? 1) ? row : low,
  );
  return fill(t.learners.nextStep, {
    attribute: t.attributes[weakest.attribute].toLowerCase(),
    advice: t.learners.advice[weakest.attribute],
  });
}

function PulseSection({ pulse, k }: { pulse: LearnersData['pulse']; k: number }) {
  const styles = useViewStyles();
  const id = useId();
  const byAttribute = new Map(pulse.attributes.map((row) => [row.attribute, row]));
  return (
    <section className={styles.section} aria-labelledby={`${id}-pulse`} data-testid="learners-pulse">
      <Subtitle2 as="h4" id={`${id}-pulse`}>
        {t.learners.pulseHeading}
      </Subtitle2>
      {pulse.respondents === null ? (
        <Body1>{fill(t.learners.pulseWithheld, { k })}</Body1>
      ) : (
        <>
          <Body1>
            {fill(t.learners.pulseRespondents, {
              count: pulse.respondents,
              rate: formatShare(pulse.responseRate),
            })}
          </Body1>
          <GroupedBars
            title={t.learners.pulseTitle}
            summary={t.learners.pulseSummary}
            series={[
              { label: t.leaders.self, look: 'secondary' },
              { label: t.leaders.observed, look: 'primary' },
            ]}
            groups={attributeNames.map((name) => ({
              label: t.attributes[name],
              values: [
                byAttribute.get(name)?.selfScore ?? null,
                byAttribute.get(name)?.observedScore ?? null,
              ],
            }))}
            max={100}
            format={(value) => formatNumber(value, 0)}
            emptyText={fill(t.learners.pulseWithheld, { k })}
          />
          {pulse.expectedHelp !== null ? (
            <Body1>{fill(t.learners.expectedHelp, { share: formatShare(pulse.expectedHelp) })}</Body1>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Diagnostic 2: the target group's habits, segments, adopters, pulse and KPIs before and after. */
export default function LearnersView({ data: response }: { data: DiagnosticsResponse }) {
  const styles = useViewStyles();
  const id = useId();
  const result = response.results.learners;
  const { data } = result;
  const k = response.k;
  const categories = new Map(data.adopters.categories.map((row) => [row.category, row]));

  return (
    <DiagnosticShell viewKey="learners" result={result} k={k} nextStep={learnersNextStep(data)}>
      {data.learnsSocial !== null ? (
        <Body1 data-testid="learners-social-share">
          {fill(t.learners.socialShare, {
            count: data.learnsSocial,
            size: data.groupSize,
            required: data.attributesRequired,
          })}
        </Body1>
      ) : null}
      <section className={styles.section} aria-labelledby={`${id}-dist`}>
        <Subtitle2 as="h4" id={`${id}-dist`}>
          {t.learners.distributionsHeading}
        </Subtitle2>
        <div className={styles.grid}>
          {data.distributions.map((row) => (
            <Distribution
              key={row.attribute}
              testId={`distribution-${row.attribute}`}
              title={fill(t.learners.distributionTitle, {
                attribute: t.attributes[row.attribute],
                share: formatShare(row.shareMeetingBar),
              })}
              bins={row.histogram}
              p25={row.p25}
              median={row.median}
              p75={row.p75}
              k={k}
            />
          ))}
        </div>
      </section>
      <SegmentsSection segments={data.segments} k={k} />
      <section className={styles.section} aria-labelledby={`${id}-adopters`}>
        <Subtitle2 as="h4" id={`${id}-adopters`}>
          {t.learners.adoptersHeading}
        </Subtitle2>
        <AdopterCurve
          testId="learners-adopters"
          title={t.learners.adoptersTitle}
          k={k}
          categories={adopterCategories.flatMap((category) => {
            const row = categories.get(category);
            return row
              ? [{ label: t.learners.adopters[category], share: row.share, expected: row.rogersShare }]
              : [];
          })}
        />
        {data.adopters.habitFormed !== null ? (
          <Body1>{fill(t.learners.habitFormed, { count: data.adopters.habitFormed })}</Body1>
        ) : null}
      </section>
      <PulseSection pulse={data.pulse} k={k} />
      <KpiSection kpis={data.kpis} />
      <CardAnswers
        summary={data.acknowledgements}
        messages={response.results.changePlan.data.messages}
        k={k}
      />
    </DiagnosticShell>
  );
}
