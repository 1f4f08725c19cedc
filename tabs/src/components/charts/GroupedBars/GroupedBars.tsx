import { strings } from '../../../messages/strings';
import { clamp } from '../chart-format';
import { Hatch, MeterBar, MissingBox, useSvgId, type SeriesLook } from '../chart-parts';
import { useChartStyles } from '../chart-styles';
import { ChartFrame } from '../ChartFrame/ChartFrame';

/** One series of a grouped bar chart. */
export interface BarSeries {
  readonly label: string;
  readonly look: Exclude<SeriesLook, 'marker'>;
}

/** One group of bars: its label and one value per series (null when withheld or not measured). */
export interface BarGroup {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** Props of `GroupedBars`. */
export interface GroupedBarsProps {
  readonly title: string;
  readonly summary: string;
  readonly series: readonly BarSeries[];
  readonly groups: readonly BarGroup[];
  /** The value a full bar stands for (1 for shares, 100 for scores). */
  readonly max: number;
  readonly format: (value: number | null) => string;
  /** What a missing value means here ("withheld", "no answers"); defaults to "withheld". */
  readonly missingLabel?: string;
  readonly emptyText: string;
  readonly testId?: string;
}

const labelWidth = 100;
const barWidth = 200;
const valueWidth = 76;
const barHeight = 14;
const barGap = 3;
const groupGap = 12;

/** Horizontal bars, one group per row and one bar per series; missing values are drawn as dashed outlines. */
export function GroupedBars(props: GroupedBarsProps) {
  const styles = useChartStyles();
  const hatchId = useSvgId('bars-hatch');
  const { series, groups, max, format } = props;
  const missing = props.missingLabel ?? strings.charts.withheld;
  const groupHeight = series.length * (barHeight + barGap) - barGap;
  const height = groups.length * (groupHeight + groupGap);
  const width = labelWidth + barWidth + valueWidth;
  const hasData = groups.some((group) => group.values.some((value) => value !== null));
  const show = (value: number | null) => (value === null ? missing : format(value));

  return (
    <ChartFrame
      title={props.title}
      summary={props.summary}
      width={width}
      height={Math.max(height, 1)}
      empty={groups.length === 0 || !hasData ? props.emptyText : null}
      legend={series.length > 1 ? series : undefined}
      testId={props.testId}
      table={{
        columns: ['', ...series.map((entry) => entry.label)],
        rows: groups.map((group) => [
          group.label,
          ...series.map((_, index) => show(group.values[index] ?? null)),
        ]),
      }}
    >
      <defs>
        <Hatch id={hatchId} />
      </defs>
      {groups.map((group, groupIndex) => {
        const top = groupIndex * (groupHeight + groupGap);
        return (
          <g key={group.label} data-group={group.label}>
            <text x={0} y={top + groupHeight / 2} dominantBaseline="middle" className={styles.label}>
              {group.label}
            </text>
            {series.map((entry, index) => {
              const value = group.values[index] ?? null;
              const y = top + index * (barHeight + barGap);
              const length = value === null ? 0 : (clamp(value, 0, max) / max) * barWidth;
              return (
                <g key={entry.label}>
                  {value === null ? (
                    <MissingBox x={labelWidth} y={y} width={barWidth} height={barHeight} />
                  ) : (
                    <MeterBar
                      x={labelWidth}
                      y={y}
                      width={barWidth}
                      height={barHeight}
                      length={length}
                      look={entry.look}
                      hatchId={hatchId}
                    />
                  )}
                  <text
                    x={labelWidth + barWidth + 6}
                    y={y + barHeight / 2}
                    dominantBaseline="middle"
                    className={value === null ? styles.label : styles.value}
                  >
                    {show(value)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
