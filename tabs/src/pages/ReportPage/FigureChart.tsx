import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { fill, strings } from '../../messages/strings';
import { useFigureChartStyles } from './FigureChart.styles';
import type { FigureSet } from './report-figures';

const rowHeight = 30;
const labelWidth = 220;
const trackWidth = 300;
const maxLabel = 30;

function shortLabel(label: string): string {
  return label.length > maxLabel ? `${label.slice(0, maxLabel - 1)}…` : label;
}

/**
 * A small horizontal bar chart (own SVG, `role="img"` with a spoken summary) and the same figures as a
 * table, which is the accessible alternative and carries the figures the bars leave out. A hidden
 * figure draws a dashed empty track and says "Hidden"; nothing is estimated in its place.
 */
export function FigureChart({
  title,
  figures,
  testId,
}: {
  title: string;
  figures: FigureSet;
  testId: string;
}) {
  const styles = useFigureChartStyles();
  const { chart, columns, rows } = figures;
  const height = chart.length * rowHeight + 4;
  const spoken = fill(strings.report.chartLabel, {
    title,
    figures: chart.map((row) => `${row.label} ${row.display}`).join(', '),
  });
  return (
    <div className={styles.root} data-testid={testId}>
      <svg
        className={styles.svg}
        role="img"
        aria-label={spoken}
        viewBox={`0 0 ${labelWidth + trackWidth + 90} ${height}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {chart.map((row, index) => {
          const y = index * rowHeight + 4;
          const hidden = row.share === null;
          const length = hidden ? 0 : Math.max(0, Math.min(1, row.share ?? 0)) * trackWidth;
          return (
            <g key={row.key} data-hidden={hidden ? 'true' : 'false'}>
              <text className={styles.label} x={0} y={y + 15}>
                {shortLabel(row.label)}
              </text>
              <rect
                className={hidden ? styles.hiddenTrack : styles.track}
                x={labelWidth}
                y={y + 2}
                width={trackWidth}
                height={18}
                rx={2}
              />
              {hidden ? null : (
                <rect className={styles.bar} x={labelWidth} y={y + 2} width={length} height={18} rx={2} />
              )}
              <text
                className={hidden ? styles.hiddenValue : styles.value}
                x={labelWidth + trackWidth + 8}
                y={y + 15}
              >
                {row.display}
              </text>
            </g>
          );
        })}
      </svg>
      <div
        className={styles.tableWrap}
        role="region"
        aria-label={fill(strings.report.tableLabel, { title })}
        // Focusable, so that keyboard users can scroll a table wider than the tab.
        tabIndex={0}
      >
        <Table size="small" aria-label={fill(strings.report.tableLabel, { title })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{strings.report.columnItem}</TableHeaderCell>
              {columns.map((column) => (
                <TableHeaderCell key={column} scope="col">
                  {column}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} data-testid={`${testId}-row`}>
                <TableCell>{row.label}</TableCell>
                {row.cells.map((value, index) => (
                  <TableCell key={columns[index] ?? index}>{value}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
