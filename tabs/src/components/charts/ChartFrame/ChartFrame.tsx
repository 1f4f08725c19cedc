import { Button, mergeClasses } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { strings } from '../../../messages/strings';
import { useChartStyles } from '../chart-styles';
import { Legend, type LegendEntry } from '../chart-parts';
import { useChartFrameStyles } from './ChartFrame.styles';

/** The data behind a chart as a table: column headers, and rows whose first cell names the row. */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** What every chart passes to its frame. */
export interface ChartFrameProps {
  /** Shown above the chart and as the table's caption. */
  readonly title: string;
  /** One or two sentences a screen reader announces for the drawing. */
  readonly summary: string;
  readonly width: number;
  readonly height: number;
  readonly table: ChartTable;
  readonly legend?: readonly LegendEntry[] | undefined;
  /** When set, the chart has nothing to draw and shows this instead. */
  readonly empty?: string | null | undefined;
  readonly testId?: string | undefined;
  readonly children: ReactNode;
}

/**
 * The accessible shell of every chart: an SVG with `role="img"` and a summary label, a legend, and the
 * same data as a table, visually hidden (still read by screen readers) until "Show as table" is pressed.
 */
export function ChartFrame(props: ChartFrameProps) {
  const styles = useChartFrameStyles();
  const chart = useChartStyles();
  const [showTable, setShowTable] = useState(false);
  const { title, summary, width, height, table, legend, empty, testId } = props;
  if (empty)
    return (
      <figure className={styles.figure} data-testid={testId} data-empty="true">
        <figcaption className={styles.caption}>{title}</figcaption>
        <p className={styles.empty}>{empty}</p>
      </figure>
    );
  return (
    <figure className={styles.figure} data-testid={testId}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <div className={styles.drawing}>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${width} ${height}`}
          className={chart.svg}
          style={{ maxWidth: `${width}px` }}
          focusable="false"
        >
          {props.children}
        </svg>
      </div>
      {legend && legend.length > 0 ? <Legend entries={legend} /> : null}
      <Button
        className={styles.toggle}
        appearance="subtle"
        size="small"
        aria-pressed={showTable}
        onClick={() => setShowTable((shown) => !shown)}
      >
        {showTable ? strings.charts.hideTable : strings.charts.showTable}
      </Button>
      <div className={mergeClasses(styles.tableWrap, showTable ? undefined : styles.hidden)}>
        <table className={styles.table}>
          <caption className={styles.hidden}>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => (
                <th key={`${column}-${index}`} scope="col">
                  {column === '' ? <span className={styles.hidden}>{strings.charts.rowHeader}</span> : column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={`${row[0] ?? ''}-${rowIndex}`}>
                {row.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
