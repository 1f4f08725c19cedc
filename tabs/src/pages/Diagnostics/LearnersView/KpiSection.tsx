import { Body1, Subtitle2 } from '@fluentui/react-components';
import type { DiagnosticsResponse } from '@learnfit/core';
import { useId } from 'react';
import { formatNumber } from '../../../components/charts/chart-format';
import { EffectInterval, type EffectRow } from '../../../components/charts/EffectInterval/EffectInterval';
import { fill, strings } from '../../../messages/strings';
import { useViewStyles } from '../view-styles';
import { scrollRegion } from '../../../components/ScrollRegion/scroll-region';

type Kpi = DiagnosticsResponse['results']['learners']['data']['kpis'][number];

const t = strings.diagnostics.learners;

function resultText(kpi: Kpi): string {
  if (kpi.status !== 'ok') return t.kpiStatus[kpi.status];
  const parts: string[] = [];
  if (kpi.improved !== null) parts.push(kpi.improved ? t.improved : t.worsened);
  if (kpi.hedgesG && kpi.magnitude)
    parts.push(
      fill(t.effectSize, { g: formatNumber(kpi.hedgesG.estimate, 2), magnitude: t.magnitude[kpi.magnitude] }),
    );
  return parts.join('; ');
}

function meanText(mean: number | null, unit: string): string {
  return mean === null ? '–' : `${formatNumber(mean, 2)} ${unit}`.trim();
}

function rowsOf(kpis: readonly Kpi[], pick: (kpi: Kpi) => Kpi['difference']): EffectRow[] {
  return kpis.map((kpi) => ({
    label: kpi.name,
    interval: kpi.status === 'ok' ? pick(kpi) : null,
    missingText: t.kpiStatus[kpi.status],
    unit: kpi.unit,
  }));
}

/** KPIs before and after launch: means, the change with its likely range, effect size and diff-in-diff. */
export function KpiSection({ kpis }: { kpis: readonly Kpi[] }) {
  const styles = useViewStyles();
  const id = useId();
  const withDid = kpis.some((kpi) => kpi.differenceInDifferences !== null);
  return (
    <section className={styles.section} aria-labelledby={`${id}-kpis`} data-testid="learners-kpis">
      <Subtitle2 as="h4" id={`${id}-kpis`}>
        {t.kpisHeading}
      </Subtitle2>
      {kpis.length === 0 ? (
        <Body1>{t.noKpis}</Body1>
      ) : (
        <>
          <Body1 className={styles.note}>{t.kpiIntro}</Body1>
          <div className={styles.tableWrap} {...scrollRegion(strings.common.tableRegions.kpis)}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t.kpiName}</th>
                  <th scope="col">{t.kpiLevel}</th>
                  <th scope="col">{t.before}</th>
                  <th scope="col">{t.after}</th>
                  <th scope="col">{t.result}</th>
                </tr>
              </thead>
              <tbody>
                {kpis.map((kpi) => (
                  <tr key={kpi.id} data-kpi={kpi.id} data-status={kpi.status}>
                    <th scope="row">{kpi.name}</th>
                    <td>
                      {kpi.kirkpatrickLevel} · {t.kpiLevels[kpi.kirkpatrickLevel]}
                    </td>
                    <td>
                      {meanText(kpi.baseline.mean, kpi.unit)} (n = {kpi.baseline.n})
                    </td>
                    <td>
                      {meanText(kpi.followUp.mean, kpi.unit)} (n = {kpi.followUp.n})
                    </td>
                    <td>{resultText(kpi)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <EffectInterval
            testId="kpi-effects"
            title={t.effectTitle}
            rows={rowsOf(kpis, (kpi) => kpi.difference)}
          />
          {withDid ? (
            <EffectInterval
              testId="kpi-did"
              title={t.didTitle}
              rows={rowsOf(kpis, (kpi) => kpi.differenceInDifferences)}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
