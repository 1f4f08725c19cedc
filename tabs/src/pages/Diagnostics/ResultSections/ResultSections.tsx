import { Badge, Body1, Caption1, Subtitle2, Text } from '@fluentui/react-components';
import type { DiagnosticsResponse } from '@learnfit/core';
import { formatWithUnit } from '../../../components/charts/chart-format';
import { fill, strings } from '../../../messages/strings';
import { useViewStyles } from '../view-styles';
import { useResultSectionsStyles } from './ResultSections.styles';
import { scrollRegion } from '../../../components/ScrollRegion/scroll-region';

type AnyResult = DiagnosticsResponse['results'][keyof DiagnosticsResponse['results']];
type Finding = AnyResult['findings'][number];
type Coverage = AnyResult['coverage'];

const t = strings.diagnostics;
const badgeColor = {
  positive: 'success',
  info: 'informative',
  warning: 'warning',
  critical: 'danger',
} as const;

/** The diagnostic's headline figure with its label, as the API phrased it. */
export function Headline({ headline, text }: { headline: AnyResult['headline']; text?: string }) {
  const styles = useResultSectionsStyles();
  return (
    <div className={styles.headline} data-testid="diagnostic-headline">
      <span className={styles.figure}>{text ?? formatWithUnit(headline.value, headline.unit)}</span>
      <Body1>{headline.label}</Body1>
    </div>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const styles = useResultSectionsStyles();
  return (
    <li className={styles.finding} data-severity={finding.severity}>
      <div className={styles.findingText}>
        {/* The badge carries a word, so severity never rests on colour alone. */}
        <Badge appearance="tint" color={badgeColor[finding.severity]} className={styles.badge}>
          {t.severity[finding.severity]}
        </Badge>
        <Body1>{finding.text}</Body1>
      </div>
      {finding.evidence.length > 0 ? (
        <ul className={styles.evidence} aria-label={t.evidenceToggle}>
          {finding.evidence.map((item, index) => (
            <li key={`${item.label}-${index}`}>
              <Caption1>
                {fill(t.evidenceItem, {
                  label: item.label,
                  value: formatWithUnit(item.value, item.unit),
                  n: item.n,
                })}
              </Caption1>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The findings in plain words, each with the figures behind it. */
export function Findings({ findings, headingId }: { findings: readonly Finding[]; headingId: string }) {
  const styles = useResultSectionsStyles();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h4" id={headingId}>
        {t.findingsHeading}
      </Subtitle2>
      {findings.length === 0 ? (
        <Body1>{t.noFindings}</Body1>
      ) : (
        <ul className={styles.list} data-testid="diagnostic-findings">
          {findings.map((finding, index) => (
            <FindingItem key={`${finding.code}-${index}`} finding={finding} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Which sources the result rests on, what is missing, what an admin can do, and what privacy hid. */
export function CoverageSection(props: {
  coverage: Coverage;
  suppressedCells: number;
  k: number;
  headingId: string;
}) {
  const styles = useResultSectionsStyles();
  const view = useViewStyles();
  const { coverage, suppressedCells, k, headingId } = props;
  const gaps = coverage.sources.filter((source) => source.status !== 'complete');
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="diagnostic-coverage">
      <Subtitle2 as="h4" id={headingId}>
        {t.coverageHeading}
      </Subtitle2>
      <Body1>
        <Text weight="semibold">
          {fill(t.confidence, { level: t.confidenceLevels[coverage.confidence] })}
        </Text>
        {' · '}
        {coverage.note}
      </Body1>
      <div className={view.tableWrap} {...scrollRegion(strings.common.tableRegions.coverage)}>
        <table className={view.table}>
          <thead>
            <tr>
              <th scope="col">{t.source}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.covered}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.sources.map((source) => (
              <tr key={source.source} data-source={source.source}>
                <th scope="row">{t.sources[source.source]}</th>
                <td>
                  {t.statuses[source.status]}
                  {source.detail ? <Caption1 className={view.note}> ({source.detail})</Caption1> : null}
                </td>
                <td>{source.coveredPeople}</td>
              </tr>
            ))}
            {coverage.missing
              .filter((name) => !coverage.sources.some((source) => source.source === name))
              .map((name) => (
                <tr key={name} data-source={name}>
                  <th scope="row">{t.sources[name]}</th>
                  <td>{t.statuses.missing}</td>
                  <td>0</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {gaps.length > 0 || coverage.missing.length > 0 ? (
        <ul className={styles.list} data-testid="coverage-admin-actions">
          {gaps.map((source) =>
            source.status === 'complete' ? null : (
              <li key={source.source}>
                <Body1>
                  <Text weight="semibold">{t.sources[source.source]}: </Text>
                  {t.adminActions[source.status]}
                </Body1>
              </li>
            ),
          )}
          {coverage.missing
            .filter((name) => !gaps.some((source) => source.source === name))
            .map((name) => (
              <li key={name}>
                <Body1>
                  <Text weight="semibold">{t.sources[name]}: </Text>
                  {t.adminActions.missing}
                </Body1>
              </li>
            ))}
        </ul>
      ) : null}
      {suppressedCells > 0 ? (
        <Caption1 className={view.note} data-testid="suppressed-cells">
          {fill(t.suppressedCells, { count: suppressedCells, k })}
        </Caption1>
      ) : null}
    </section>
  );
}

/** The one thing to do next, in a learning leader's words. */
export function NextStep({ text, headingId }: { text: string; headingId: string }) {
  const styles = useResultSectionsStyles();
  return (
    <section className={styles.nextStep} aria-labelledby={headingId} data-testid="diagnostic-next-step">
      <Subtitle2 as="h4" id={headingId}>
        {t.nextStepHeading}
      </Subtitle2>
      <Body1>{text}</Body1>
    </section>
  );
}
