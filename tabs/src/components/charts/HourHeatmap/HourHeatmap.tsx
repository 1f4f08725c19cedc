import { fill, strings } from '../../../messages/strings';
import { formatShare } from '../chart-format';
import { Hatch, useSvgId } from '../chart-parts';
import { useChartStyles } from '../chart-styles';
import { ChartFrame } from '../ChartFrame/ChartFrame';

/** A planned session to outline on the heatmap (group-local time). */
export interface HeatmapSession {
  readonly label: string;
  /** 0 = Monday … 6 = Sunday. */
  readonly dayOfWeek: number;
  readonly hour: number;
  readonly durationMinutes: number;
}

/** Props of `HourHeatmap`. */
export interface HourHeatmapProps {
  readonly title: string;
  /** 168 shares, Monday 00:00 first; null where the API withheld the hour. */
  readonly values: readonly (number | null)[];
  readonly sessions: readonly HeatmapSession[];
  readonly k: number;
  readonly testId?: string;
}

const cell = 17;
const left = 40;
const top = 18;
const hours = Array.from({ length: 24 }, (_, hour) => hour);
const days = [0, 1, 2, 3, 4, 5, 6];

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The hours each session covers, as `day*24+hour` bins (a session may run past midnight). */
function coveredBins(session: HeatmapSession): number[] {
  const span = Math.max(1, Math.ceil((session.hour * 60 + session.durationMinutes) / 60) - session.hour);
  return Array.from({ length: span }, (_, offset) => (session.dayOfWeek * 24 + session.hour + offset) % 168);
}

/** When the group is active across the week, 7 days × 24 hours, with planned sessions outlined. */
export function HourHeatmap(props: HourHeatmapProps) {
  const styles = useChartStyles();
  const hatchId = useSvgId('heat-hatch');
  const { values, sessions, k } = props;
  const max = Math.max(1e-9, ...values.map((value) => value ?? 0));
  const planned = new Set(sessions.flatMap(coveredBins));
  const hiddenCount = values.filter((value) => value === null).length;
  let peak = -1;
  values.forEach((value, index) => {
    if (value !== null && (peak < 0 || value > (values[peak] ?? 0))) peak = index;
  });
  const dayName = (day: number) => strings.charts.daysLong[day] ?? String(day);
  const summary = [
    peak >= 0
      ? fill(strings.charts.heatmapPeak, {
          day: dayName(Math.floor(peak / 24)),
          hour: hourLabel(peak % 24),
          share: formatShare(values[peak] ?? null),
        })
      : strings.charts.heatmapNoPeak,
    hiddenCount > 0 ? fill(strings.charts.heatmapHidden, { count: hiddenCount, k }) : '',
    sessions.length > 0 ? fill(strings.charts.heatmapSessions, { count: sessions.length }) : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  const cellText = (bin: number) => {
    const value = values[bin] ?? null;
    const text = value === null ? strings.charts.hiddenShort : formatShare(value);
    return planned.has(bin) ? fill(strings.charts.plannedCell, { value: text }) : text;
  };

  return (
    <ChartFrame
      title={props.title}
      summary={summary}
      width={left + 24 * cell + 4}
      height={top + 7 * cell + 4}
      empty={
        values.length !== 168 || values.every((value) => value === null) ? strings.charts.noHeatmap : null
      }
      testId={props.testId}
      legend={[
        { label: strings.charts.shareActive, look: 'primary' },
        { label: fill(strings.charts.hiddenFewerThan, { k }), look: 'secondary' },
        ...(sessions.length > 0 ? [{ label: strings.charts.plannedSession, look: 'marker' as const }] : []),
      ]}
      table={{
        columns: [strings.charts.day, ...hours.map(hourLabel)],
        rows: days.map((day) => [dayName(day), ...hours.map((hour) => cellText(day * 24 + hour))]),
      }}
    >
      <defs>
        <Hatch id={hatchId} withheld />
      </defs>
      {hours
        .filter((hour) => hour % 3 === 0)
        .map((hour) => (
          <text key={hour} x={left + hour * cell} y={top - 6} className={styles.label}>
            {hour}
          </text>
        ))}
      {days.map((day) => (
        <text
          key={day}
          x={0}
          y={top + day * cell + cell / 2}
          dominantBaseline="middle"
          className={styles.label}
        >
          {strings.charts.daysShort[day]}
        </text>
      ))}
      {days.flatMap((day) =>
        hours.map((hour) => {
          const bin = day * 24 + hour;
          const value = values[bin] ?? null;
          const common = { x: left + hour * cell, y: top + day * cell, width: cell - 2, height: cell - 2 };
          return value === null ? (
            <rect
              key={bin}
              {...common}
              fill={`url(#${hatchId})`}
              className={styles.withheld}
              data-bin={bin}
              data-withheld="true"
            />
          ) : (
            <g key={bin}>
              <rect {...common} className={styles.track} />
              <rect {...common} className={styles.primary} fillOpacity={value / max} data-bin={bin} />
            </g>
          );
        }),
      )}
      {sessions.map((session) =>
        coveredBins(session).map((bin) => (
          <rect
            key={`${session.label}-${bin}`}
            x={left + (bin % 24) * cell - 1}
            y={top + Math.floor(bin / 24) * cell - 1}
            width={cell}
            height={cell}
            className={styles.marker}
            data-planned={session.label}
          />
        )),
      )}
    </ChartFrame>
  );
}
