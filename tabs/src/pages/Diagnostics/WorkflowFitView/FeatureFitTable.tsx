import type { DiagnosticsResponse } from '@learnfit/core';
import { formatNumber, formatShare } from '../../../components/charts/chart-format';
import { strings } from '../../../messages/strings';
import { useViewStyles } from '../view-styles';
import { scrollRegion } from '../../../components/ScrollRegion/scroll-region';

type Feature = DiagnosticsResponse['results']['workflowFit']['data']['features'][number];

const t = strings.diagnostics.workflowFit;

/** Per feature: the mode it relies on and how well each part of its fit scores. */
export function FeatureFitTable({ features }: { features: readonly Feature[] }) {
  const styles = useViewStyles();
  const share = (feature: Feature, value: number | null) =>
    feature.measurable ? formatShare(value) : t.notMeasurable;
  return (
    <div className={styles.tableWrap} {...scrollRegion(strings.common.tableRegions.featureFit)}>
      <table className={styles.table} data-testid="feature-fit-table">
        <thead>
          <tr>
            <th scope="col">{t.feature}</th>
            <th scope="col">{t.mode}</th>
            <th scope="col">{t.cadence}</th>
            <th scope="col">{t.adoption}</th>
            <th scope="col">{t.intensity}</th>
            <th scope="col">{t.timing}</th>
            <th scope="col">{t.cadenceMatch}</th>
            <th scope="col">{t.score}</th>
            <th scope="col">{t.outside}</th>
          </tr>
        </thead>
        <tbody>
          {features.map((feature) => (
            <tr key={feature.featureId} data-feature={feature.featureId}>
              <th scope="row">{feature.name}</th>
              <td>{strings.diagnostics.modes[feature.mode]}</td>
              <td>{t.cadences[feature.cadence]}</td>
              <td>{share(feature, feature.adoption)}</td>
              <td>{share(feature, feature.intensity)}</td>
              <td>{feature.timing === null ? '–' : share(feature, feature.timing)}</td>
              <td>{share(feature, feature.cadenceMatch)}</td>
              <td>{feature.measurable ? formatNumber(feature.score, 0) : t.notMeasurable}</td>
              <td>{feature.outsideCurrentWork ? t.yes : t.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
