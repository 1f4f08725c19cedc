import { Badge, Body1, Card, Subtitle2, Title3 } from '@fluentui/react-components';
import type { WorkflowReport } from '@learnfit/core';
import { formatCount, formatReportDate } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { useReportPageStyles } from './ReportPage.styles';
import { headlineOf } from './report-figures';

const text = strings.report;
type Fit = NonNullable<WorkflowReport['workflowFit']>;

/** Data-as-of, weeks, demo data and group size: where the figures come from and whom they describe. */
export function ReportMeta({ report, locale }: { report: WorkflowReport; locale?: string | undefined }) {
  const styles = useReportPageStyles();
  const { snapshot } = report;
  return (
    <div className={styles.meta}>
      <Body1 data-testid="report-data-as-of">
        {fill(strings.common.dataAsOf, { date: formatReportDate(snapshot.dataAsOf, locale) })}
      </Body1>
      <Body1>{fill(text.weeks, { weeks: snapshot.weeks })}</Body1>
      {report.groupSize !== null ? (
        <Body1 data-testid="report-group-size">
          {fill(text.groupSize, { count: formatCount(report.groupSize, locale) })}
        </Body1>
      ) : null}
      {snapshot.source === 'demo-seed' ? (
        <Badge appearance="tint" color="informative">
          {text.demoData}
        </Badge>
      ) : null}
    </div>
  );
}

/** The headline fit figure, or why there is none. */
export function HeadlineCard({ fit, locale }: { fit: Fit; locale?: string | undefined }) {
  const styles = useReportPageStyles();
  const headline = headlineOf(fit.data, locale);
  return (
    <Card className={styles.card} data-testid="report-headline">
      <Title3 as="h2">{text.headlineHeading}</Title3>
      {headline.kind === 'score' ? (
        <>
          <p className={styles.headline}>
            <span className={styles.headlineValue} data-testid="report-score">
              {headline.score}
            </span>
            <Body1>{text.ofHundred}</Body1>
          </p>
          <div className={styles.secondary}>
            <Body1>{fill(text.featureFit, { value: headline.featureFit })}</Body1>
            <Body1>{fill(text.mixDistance, { value: headline.mixDistance })}</Body1>
          </div>
        </>
      ) : (
        <>
          <Subtitle2 as="p" data-testid="report-score-missing">
            {headline.kind === 'no-design' ? text.noDesignTitle : text.notAvailableTitle}
          </Subtitle2>
          <Body1 as="p" className={styles.paragraph}>
            {headline.kind === 'no-design' ? text.noDesignBody : text.notAvailableBody}
          </Body1>
        </>
      )}
    </Card>
  );
}

const severityColour = {
  positive: 'success',
  info: 'informative',
  warning: 'warning',
  critical: 'danger',
} as const;

/** Findings and suggested moves, in the plain sentences the diagnostic wrote from released figures. */
export function FindingsCard({ fit }: { fit: Fit }) {
  const styles = useReportPageStyles();
  const moves = fit.data.recommendations;
  if (fit.findings.length === 0 && moves.length === 0) return null;
  return (
    <Card className={styles.card} data-testid="report-findings">
      <Title3 as="h2">{text.findingsHeading}</Title3>
      <ul className={styles.list}>
        {fit.findings.map((finding) => (
          <li key={finding.code} className={styles.listItem}>
            <Badge appearance="tint" color={severityColour[finding.severity]}>
              {text.severity[finding.severity]}
            </Badge>
            <Body1>{finding.text}</Body1>
          </li>
        ))}
      </ul>
      {moves.length > 0 ? (
        <>
          <Subtitle2 as="h3">{text.movesHeading}</Subtitle2>
          <ul className={styles.list}>
            {moves.map((move) => (
              <li key={`${move.featureId}-${move.code}`}>
                <Body1>{move.text}</Body1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

/** Which sources the figures rest on, how complete each was, and the resulting confidence. */
export function CoverageCard({ fit, k }: { fit: Fit; k: number }) {
  const styles = useReportPageStyles();
  const { coverage } = fit;
  return (
    <Card className={styles.card} data-testid="report-coverage">
      <Title3 as="h2">{strings.common.coverage}</Title3>
      <div className={styles.listItem}>
        <Badge appearance="outline" color={coverage.confidence === 'high' ? 'success' : 'warning'}>
          {text.confidence[coverage.confidence]}
        </Badge>
        <Body1>{coverage.note}</Body1>
      </div>
      <ul className={styles.list}>
        {coverage.sources.map((entry) => (
          <li key={entry.source}>
            <Body1>
              {fill(text.sourceLine, {
                source: text.sources[entry.source],
                status: text.sourceStatus[entry.status],
              })}
              {entry.detail ? ` ${entry.detail}` : ''}
            </Body1>
          </li>
        ))}
      </ul>
      <p className={styles.note}>
        {fill(strings.common.suppressed, { k })}. {text.hiddenExplained}
      </p>
    </Card>
  );
}
