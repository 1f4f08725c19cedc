import { fill, strings } from '../../../messages/strings';
import { formatShare } from '../chart-format';
import { Hatch, MissingBox, useSvgId } from '../chart-parts';
import { useChartStyles } from '../chart-styles';
import { ChartFrame } from '../ChartFrame/ChartFrame';

/** One adopter category: the group's share (null when withheld) and the share Rogers' curve expects. */
export interface AdopterBar {
  readonly label: string;
  readonly share: number | null;
  readonly expected: number;
}

/** Props of `AdopterCurve`. */
export interface AdopterCurveProps {
  readonly title: string;
  /** Earliest first: innovators … laggards. */
  readonly categories: readonly AdopterBar[];
  readonly k: number;
  readonly testId?: string;
}

const width = 420;
const height = 200;
const top = 16;
const bottom = 150;
const left = 10;
const slot = 80;

/** The group's adopter categories as bars beside the share Rogers' diffusion curve expects (a marker line). */
export function AdopterCurve(props: AdopterCurveProps) {
  const styles = useChartStyles();
  const hatchId = useSvgId('adopter-hatch');
  const { categories, k } = props;
  const max = Math.max(
    0.4,
    ...categories.map((category) => Math.max(category.share ?? 0, category.expected)),
  );
  const y = (share: number) => bottom - (share / max) * (bottom - top);
  const hidden = fill(strings.charts.hiddenFewerThan, { k });
  const summary = fill(strings.charts.adopterSummary, {
    list: categories
      .map((category) =>
        fill(strings.charts.adopterSummaryItem, {
          label: category.label,
          share: category.share === null ? hidden : formatShare(category.share),
          expected: formatShare(category.expected),
        }),
      )
      .join('; '),
  });

  return (
    <ChartFrame
      title={props.title}
      summary={summary}
      width={width}
      height={height}
      empty={categories.every((category) => category.share === null) ? strings.charts.noAdopters : null}
      testId={props.testId}
      legend={[
        { label: strings.charts.thisGroup, look: 'primary' },
        { label: strings.charts.rogersExpected, look: 'marker' },
      ]}
      table={{
        columns: [strings.charts.category, strings.charts.thisGroup, strings.charts.rogersExpected],
        rows: categories.map((category) => [
          category.label,
          category.share === null ? hidden : formatShare(category.share),
          formatShare(category.expected),
        ]),
      }}
    >
      <defs>
        <Hatch id={hatchId} withheld />
      </defs>
      <line x1={left} x2={left + slot * categories.length} y1={bottom} y2={bottom} className={styles.axis} />
      {categories.map((category, index) => {
        const x0 = left + index * slot + 12;
        const barWidth = slot - 24;
        const mid = x0 + barWidth / 2;
        return (
          <g key={category.label}>
            {category.share === null ? (
              <MissingBox
                x={x0}
                y={top}
                width={barWidth}
                height={bottom - top}
                hatchId={hatchId}
                note={strings.charts.hiddenShort}
              />
            ) : (
              <>
                <rect
                  x={x0}
                  y={y(category.share)}
                  width={barWidth}
                  height={Math.max(bottom - y(category.share), 1)}
                  className={styles.primary}
                />
                <text x={mid} y={y(category.share) - 4} textAnchor="middle" className={styles.value}>
                  {formatShare(category.share)}
                </text>
              </>
            )}
            <line
              x1={x0 - 6}
              x2={x0 + barWidth + 6}
              y1={y(category.expected)}
              y2={y(category.expected)}
              className={styles.marker}
            />
            <text x={mid} y={bottom + 14} textAnchor="middle" className={styles.label}>
              {category.label.split(' ').map((word, line) => (
                <tspan key={line} x={mid} dy={line === 0 ? 0 : 13}>
                  {word}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
