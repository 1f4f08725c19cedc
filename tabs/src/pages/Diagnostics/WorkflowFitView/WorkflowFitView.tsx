import { Body1, Subtitle2 } from '@fluentui/react-components';
import type { DiagnosticsResponse } from '@learnfit/core';
import { useId } from 'react';
import type { PlannedSession } from '../../../api/diagnostics';
import { formatShare } from '../../../components/charts/chart-format';
import { FitGauge } from '../../../components/charts/FitGauge/FitGauge';
import { GroupedBars } from '../../../components/charts/GroupedBars/GroupedBars';
import { HourHeatmap } from '../../../components/charts/HourHeatmap/HourHeatmap';
import { fill, strings } from '../../../messages/strings';
import { DiagnosticShell } from '../ResultSections/DiagnosticShell';
import { useViewStyles } from '../view-styles';
import { FeatureFitTable } from './FeatureFitTable';

type FitData = DiagnosticsResponse['results']['workflowFit']['data'];

const t = strings.diagnostics.workflowFit;

/** The next step follows the score bands the change plan uses. */
export function workflowNextStep(data: FitData, cutOffs: { light: number; moderate: number }): string {
  if (data.overallScore === null) return t.nextUnknown;
  if (data.overallScore >= cutOffs.light) return t.nextHigh;
  return data.overallScore >= cutOffs.moderate ? t.nextMid : t.nextLow;
}

/** Diagnostic 3: the design's fit with the group's work: score, features, mode mix and timing. */
export default function WorkflowFitView(props: {
  data: DiagnosticsResponse;
  planned: readonly PlannedSession[];
}) {
  const styles = useViewStyles();
  const id = useId();
  const { data: response, planned } = props;
  const result = response.results.workflowFit;
  const { data } = result;
  const cutOffs = response.results.changePlan.data.cutOffs;
  const weights = data.method.featureWeights;

  return (
    <DiagnosticShell
      viewKey="workflow-fit"
      result={result}
      k={response.k}
      nextStep={workflowNextStep(data, cutOffs)}
    >
      <div className={styles.grid}>
        <FitGauge
          testId="fit-gauge"
          title={t.gaugeTitle}
          score={data.overallScore}
          marks={[
            { value: cutOffs.light, label: strings.diagnostics.changePlan.intensities.light },
            { value: cutOffs.moderate, label: strings.diagnostics.changePlan.intensities.moderate },
          ]}
        />
        <GroupedBars
          testId="mode-mix"
          title={t.mixTitle}
          summary={t.mixSummary}
          series={[
            { label: t.design, look: 'secondary' },
            { label: t.observed, look: 'primary' },
          ]}
          groups={data.modeMix.map((row) => ({
            label: strings.diagnostics.modes[row.mode],
            values: [row.design, row.observed],
          }))}
          max={1}
          format={(value) => formatShare(value)}
          emptyText={t.noMix}
        />
      </div>
      {data.modeMixDistance !== null ? (
        <Body1>{fill(t.distance, { share: formatShare(data.modeMixDistance) })}</Body1>
      ) : null}
      <section className={styles.section} aria-labelledby={`${id}-features`}>
        <Subtitle2 as="h4" id={`${id}-features`}>
          {t.featuresHeading}
        </Subtitle2>
        <FeatureFitTable features={data.features} />
        {data.outsideCurrentWork.length > 0 ? (
          <Body1>{fill(t.outsideList, { names: data.outsideCurrentWork.join(', ') })}</Body1>
        ) : null}
      </section>
      <HourHeatmap
        testId="hour-heatmap"
        title={t.heatmapTitle}
        values={data.heatmap.values}
        k={response.k}
        sessions={planned.map((session) => ({ ...session, label: session.featureName }))}
      />
      {planned.length === 0 ? <Body1 className={styles.note}>{t.noPlanned}</Body1> : null}
      {data.recommendations.length > 0 ? (
        <section className={styles.section} aria-labelledby={`${id}-moves`}>
          <Subtitle2 as="h4" id={`${id}-moves`}>
            {t.recommendationsHeading}
          </Subtitle2>
          <ul className={styles.list} data-testid="fit-recommendations">
            {data.recommendations.map((move) => (
              <li key={`${move.featureId}-${move.code}`}>
                <Body1>{move.text}</Body1>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Body1 className={styles.note}>
        {fill(t.method, {
          adoption: formatShare(weights.adoption),
          intensity: formatShare(weights.intensity),
          timing: formatShare(weights.timing),
          cadence: formatShare(weights.cadence),
          featureWeight: formatShare(data.method.featureFitWeight),
        })}
      </Body1>
    </DiagnosticShell>
  );
}
