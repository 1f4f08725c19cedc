import { fill, strings } from '../../../messages/strings';
import { useChartStyles } from '../chart-styles';
import { ChartFrame } from '../ChartFrame/ChartFrame';

/** One plan action placed on the timeline. */
export interface TimelineAction {
  readonly id: string;
  /** Weeks relative to launch (0 = launch week). */
  readonly week: number;
  readonly stage: string;
  readonly owner: string;
  readonly title: string;
  readonly channel: string;
}

/** Props of `PlanTimeline`. */
export interface PlanTimelineProps {
  readonly title: string;
  /** The rows, in order (the ADKAR stages). */
  readonly stages: readonly { readonly key: string; readonly label: string }[];
  readonly actions: readonly TimelineAction[];
  readonly testId?: string;
}

const left = 100;
const column = 96;
const chipHeight = 18;
const chipGap = 3;
const top = 22;

/** A week label: "Launch" for week 0, otherwise "Week −2" / "Week 3". */
export function weekLabel(week: number): string {
  return week === 0
    ? strings.charts.launchWeek
    : fill(strings.charts.weekN, { week: week > 0 ? `+${week}` : `−${-week}` });
}

/** The plan's actions by week (columns) and ADKAR stage (rows), each chip naming its owner. */
export function PlanTimeline(props: PlanTimelineProps) {
  const styles = useChartStyles();
  const { stages, actions } = props;
  const weeks = actions.map((action) => action.week);
  const first = Math.min(0, ...weeks);
  const last = Math.max(0, ...weeks);
  const columns = last - first + 1;
  const stack = (stage: string) =>
    Math.max(1, ...weeks.map((week) => actions.filter((a) => a.stage === stage && a.week === week).length));
  const rowHeights = stages.map((stage) => stack(stage.key) * (chipHeight + chipGap) + 8);
  const rowTops = rowHeights.map((_, index) => top + rowHeights.slice(0, index).reduce((a, b) => a + b, 0));
  const height = top + rowHeights.reduce((a, b) => a + b, 0);
  const summary = fill(strings.charts.timelineSummary, {
    count: actions.length,
    from: weekLabel(first),
    to: weekLabel(last),
  });
  const sorted = [...actions].sort((a, b) => a.week - b.week);

  return (
    <ChartFrame
      title={props.title}
      summary={summary}
      width={left + columns * column}
      height={height}
      empty={actions.length === 0 ? strings.charts.noActions : null}
      testId={props.testId}
      table={{
        columns: [
          strings.charts.week,
          strings.charts.stage,
          strings.charts.owner,
          strings.charts.action,
          strings.charts.channel,
        ],
        rows: sorted.map((action) => [
          weekLabel(action.week),
          stages.find((stage) => stage.key === action.stage)?.label ?? action.stage,
          action.owner,
          action.title,
          action.channel,
        ]),
      }}
    >
      {Array.from({ length: columns }, (_, index) => first + index).map((week) => (
        <g key={week}>
          <text
            x={left + (week - first) * column + column / 2}
            y={12}
            textAnchor="middle"
            className={week === 0 ? styles.value : styles.label}
          >
            {weekLabel(week)}
          </text>
          <line
            x1={left + (week - first) * column}
            x2={left + (week - first) * column}
            y1={top - 4}
            y2={height}
            className={week === 0 ? styles.axis : styles.grid}
          />
        </g>
      ))}
      {stages.map((stage, row) => {
        const y0 = rowTops[row] ?? top;
        return (
          <g key={stage.key}>
            <text x={0} y={y0 + 4 + chipHeight / 2} dominantBaseline="middle" className={styles.label}>
              {stage.label}
            </text>
            <line x1={0} x2={left + columns * column} y1={y0} y2={y0} className={styles.grid} />
            {actions
              .filter((action) => action.stage === stage.key)
              .map((action) => {
                const slot = actions
                  .filter((a) => a.stage === stage.key && a.week === action.week)
                  .indexOf(action);
                const x = left + (action.week - first) * column + 3;
                const y = y0 + 4 + slot * (chipHeight + chipGap);
                return (
                  <g key={action.id} data-action={action.id}>
                    <title>{`${action.title} (${action.owner})`}</title>
                    <rect
                      x={x}
                      y={y}
                      width={column - 6}
                      height={chipHeight}
                      rx={4}
                      className={styles.primary}
                      fillOpacity={0.2}
                    />
                    <text x={x + 4} y={y + chipHeight / 2} dominantBaseline="middle" className={styles.value}>
                      {action.owner}
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
