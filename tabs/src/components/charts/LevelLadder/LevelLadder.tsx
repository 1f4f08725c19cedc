import { fill, strings } from '../../../messages/strings';
import { formatShare } from '../chart-format';
import { Hatch, MeterBar, MissingBox, useSvgId } from '../chart-parts';
import { useChartStyles } from '../chart-styles';
import { ChartFrame } from '../ChartFrame/ChartFrame';

/** Whether a level models the behaviour, does not, has no managers, or was withheld. */
export type LevelStatus = 'models' | 'not' | 'none' | 'withheld';

/** One level of the management chain as released by the API. */
export interface LadderLevel {
  readonly level: number;
  readonly managers: number;
  readonly genuine: number | null;
  readonly shareGenuine: number | null;
  readonly status: LevelStatus;
}

/** Props of `LevelLadder`. */
export interface LevelLadderProps {
  readonly title: string;
  readonly levels: readonly LadderLevel[];
  readonly k: number;
  readonly testId?: string;
}

const rowHeight = 34;
const left = 70;
const barWidth = 240;
const glyphs: Record<LevelStatus, string> = { models: '✓', not: '✗', none: '–', withheld: '?' };

/** The chain of management as a ladder, nearest level at the bottom: share who genuinely model, and a verdict. */
export function LevelLadder(props: LevelLadderProps) {
  const styles = useChartStyles();
  const hatchId = useSvgId('ladder-hatch');
  const { levels, k } = props;
  const statusText = (status: LevelStatus) => strings.charts.levelStatus[status];
  const shareText = (level: LadderLevel) =>
    level.status === 'withheld'
      ? fill(strings.charts.hiddenFewerThan, { k })
      : level.status === 'none'
        ? strings.charts.noManagers
        : formatShare(level.shareGenuine);
  // "No managers" and "hidden" already say it all; a measured level adds its verdict to the share.
  const verdictText = (level: LadderLevel) =>
    level.status === 'models' || level.status === 'not'
      ? `${shareText(level)} · ${statusText(level.status)}`
      : level.status === 'none'
        ? statusText(level.status)
        : shareText(level);
  const ordered = [...levels].sort((a, b) => b.level - a.level);
  const summary = levels
    .map((level) =>
      fill(strings.charts.levelSummary, {
        level: level.level,
        share: shareText(level),
        status: statusText(level.status),
      }),
    )
    .join(' ');

  return (
    <ChartFrame
      title={props.title}
      summary={summary}
      width={left + barWidth + 200}
      height={ordered.length * rowHeight + 4}
      empty={levels.length === 0 ? strings.charts.noLevels : null}
      testId={props.testId}
      table={{
        columns: [
          strings.charts.level,
          strings.charts.managers,
          strings.charts.genuine,
          strings.charts.shareGenuine,
          strings.charts.verdict,
        ],
        rows: levels.map((level) => [
          fill(strings.charts.levelN, { level: level.level }),
          String(level.managers),
          level.genuine === null ? strings.charts.withheld : String(level.genuine),
          shareText(level),
          statusText(level.status),
        ]),
      }}
    >
      <defs>
        <Hatch id={hatchId} withheld />
      </defs>
      {ordered.map((level, index) => {
        const y = index * rowHeight + 6;
        const share = level.shareGenuine ?? 0;
        return (
          <g key={level.level} data-level={level.level} data-status={level.status}>
            <text x={0} y={y + 11} dominantBaseline="middle" className={styles.label}>
              {fill(strings.charts.levelN, { level: level.level })}
            </text>
            {level.status === 'withheld' ? (
              <MissingBox x={left} y={y} width={barWidth} height={22} hatchId={hatchId} />
            ) : level.status === 'none' ? (
              <MissingBox x={left} y={y} width={barWidth} height={22} />
            ) : (
              <MeterBar x={left} y={y} width={barWidth} height={22} length={share * barWidth} />
            )}
            <text x={left + barWidth + 8} y={y + 11} dominantBaseline="middle" className={styles.value}>
              {`${glyphs[level.status]} ${verdictText(level)}`}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
