import { fill, strings } from '../../../messages/strings';
import { formatNumber } from '../chart-format';
import { Hatch, MissingBox, useSvgId } from '../chart-parts';
import { useChartStyles } from '../chart-styles';
import { ChartFrame } from '../ChartFrame/ChartFrame';

/** One histogram bin of 0–100 scores; `count` is null when the API withheld it. */
export interface DistributionBin {
  readonly from: number;
  readonly to: number;
  readonly count: number | null;
}

/** Props of `Distribution`. */
export interface DistributionProps {
  readonly title: string;
  readonly bins: readonly DistributionBin[];
  readonly p25: number | null;
  readonly median: number | null;
  readonly p75: number | null;
  /** The smallest group shown, for the "hidden: fewer than k" note. */
  readonly k: number;
  readonly testId?: string;
}

const width = 360;
const height = 150;
const left = 10;
const right = 350;
const top = 10;
const bottom = 120;

function x(score: number): number {
  return left + (Math.min(100, Math.max(0, score)) / 100) * (right - left);
}

/** A histogram of 0–100 scores with the median and the middle half marked; withheld bins are hatched. */
export function Distribution(props: DistributionProps) {
  const styles = useChartStyles();
  const hatchId = useSvgId('dist-hatch');
  const { bins, p25, median, p75, k } = props;
  const maxCount = Math.max(1, ...bins.map((bin) => bin.count ?? 0));
  const hidden = fill(strings.charts.hiddenFewerThan, { k });
  const people = bins.reduce((sum, bin) => sum + (bin.count ?? 0), 0);
  const summary =
    median === null || p25 === null || p75 === null
      ? fill(strings.charts.distributionSummaryNoMedian, { n: people })
      : fill(strings.charts.distributionSummary, {
          n: people,
          median: formatNumber(median, 0),
          p25: formatNumber(p25, 0),
          p75: formatNumber(p75, 0),
        });
  const empty = bins.length === 0 || bins.every((bin) => bin.count === null) ? strings.charts.noScores : null;
  const markers = [
    { key: 'p25', value: p25, className: styles.grid },
    { key: 'median', value: median, className: styles.marker },
    { key: 'p75', value: p75, className: styles.grid },
  ];

  return (
    <ChartFrame
      title={props.title}
      summary={summary}
      width={width}
      height={height}
      empty={empty}
      testId={props.testId}
      legend={[
        { label: strings.charts.people, look: 'primary' },
        { label: strings.charts.medianMarker, look: 'marker' },
      ]}
      table={{
        columns: [strings.charts.scoreRange, strings.charts.people],
        rows: [
          ...bins.map((bin) => [
            fill(strings.charts.range, { from: bin.from, to: bin.to }),
            bin.count === null ? hidden : formatNumber(bin.count, 0),
          ]),
          [strings.charts.medianMarker, formatNumber(median, 0)],
          [
            strings.charts.middleHalf,
            p25 === null || p75 === null
              ? strings.charts.withheld
              : `${formatNumber(p25, 0)}–${formatNumber(p75, 0)}`,
          ],
        ],
      }}
    >
      <defs>
        <Hatch id={hatchId} withheld />
      </defs>
      <line x1={left} x2={right} y1={bottom} y2={bottom} className={styles.axis} />
      {bins.map((bin) => {
        const x0 = x(bin.from) + 1;
        const barWidth = Math.max(x(bin.to) - x(bin.from) - 2, 1);
        if (bin.count === null)
          return (
            <g key={bin.from} data-withheld="true">
              <MissingBox
                x={x0}
                y={top}
                width={barWidth}
                height={bottom - top}
                hatchId={hatchId}
                note={strings.charts.hiddenShort}
              />
            </g>
          );
        const barHeight = (bin.count / maxCount) * (bottom - top - 14);
        return (
          <g key={bin.from}>
            <rect
              x={x0}
              y={bottom - barHeight}
              width={barWidth}
              height={barHeight}
              className={styles.primary}
            />
            <text
              x={x0 + barWidth / 2}
              y={bottom - barHeight - 3}
              textAnchor="middle"
              className={styles.value}
            >
              {formatNumber(bin.count, 0)}
            </text>
          </g>
        );
      })}
      {markers.map((marker) =>
        marker.value === null ? null : (
          <line
            key={marker.key}
            x1={x(marker.value)}
            x2={x(marker.value)}
            y1={top}
            y2={bottom}
            className={marker.className}
          />
        ),
      )}
      {[0, 50, 100].map((tick) => (
        <text key={tick} x={x(tick)} y={bottom + 14} textAnchor="middle" className={styles.label}>
          {tick}
        </text>
      ))}
    </ChartFrame>
  );
}
