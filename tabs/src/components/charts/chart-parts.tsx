import { useId } from 'react';
import { useChartStyles } from './chart-styles';

/** A document-unique id usable inside `url(#…)` (React's ids may hold characters SVG references dislike). */
export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/** A diagonal hatch; `withheld` draws it fainter for hidden cells. */
export function Hatch({ id, withheld = false }: { id: string; withheld?: boolean }) {
  const styles = useChartStyles();
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <line x1="0" y1="0" x2="0" y2="6" className={withheld ? styles.withheldLine : styles.hatchLine} />
    </pattern>
  );
}

/** How a series is drawn: solid brand fill, hatched, or an outlined marker. */
export type SeriesLook = 'primary' | 'secondary' | 'marker';

/** One legend entry. */
export interface LegendEntry {
  readonly label: string;
  readonly look: SeriesLook;
}

function Swatch({ look, hatchId }: { look: SeriesLook; hatchId: string }) {
  const styles = useChartStyles();
  if (look === 'marker')
    return (
      <svg width="14" height="14" aria-hidden="true" focusable="false">
        <line x1="7" y1="1" x2="7" y2="13" className={styles.marker} />
      </svg>
    );
  return (
    <svg width="14" height="14" aria-hidden="true" focusable="false">
      <defs>
        <Hatch id={hatchId} />
      </defs>
      <rect
        x="1"
        y="1"
        width="12"
        height="12"
        className={look === 'primary' ? styles.primary : styles.secondary}
        fill={look === 'secondary' ? `url(#${hatchId})` : undefined}
      />
    </svg>
  );
}

/** A legend under a chart; hidden from screen readers, which get the same facts from the data table. */
export function Legend({ entries }: { entries: readonly LegendEntry[] }) {
  const styles = useChartStyles();
  const hatchId = useSvgId('legend-hatch');
  return (
    <ul className={styles.legend} aria-hidden="true">
      {entries.map((entry, index) => (
        <li key={entry.label} className={styles.legendItem}>
          <Swatch look={entry.look} hatchId={`${hatchId}-${index}`} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

/** Where a mark is drawn, in SVG units. */
export interface MarkBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The place of a value that is not shown: a dashed box, hatched when `hatchId` names a (withheld) hatch
 * and empty otherwise, with an optional short `note` centred near its top.
 */
export function MissingBox({ hatchId, note, ...box }: MarkBox & { hatchId?: string; note?: string }) {
  const styles = useChartStyles();
  return (
    <>
      <rect {...box} fill={hatchId === undefined ? 'none' : `url(#${hatchId})`} className={styles.withheld} />
      {note === undefined ? null : (
        <text x={box.x + box.width / 2} y={box.y + 14} textAnchor="middle" className={styles.label}>
          {note}
        </text>
      )}
    </>
  );
}

/**
 * A horizontal meter: the full-width track with a bar of `length` (at least 1 unit, so a zero still
 * shows) drawn over it, solid or, for a secondary series, hatched with the pattern `hatchId`.
 */
export function MeterBar({
  length,
  look = 'primary',
  hatchId,
  ...box
}: MarkBox & { length: number; look?: Exclude<SeriesLook, 'marker'>; hatchId?: string }) {
  const styles = useChartStyles();
  return (
    <>
      <rect {...box} className={styles.track} />
      <rect
        x={box.x}
        y={box.y}
        width={Math.max(length, 1)}
        height={box.height}
        className={look === 'primary' ? styles.primary : styles.secondary}
        fill={look === 'secondary' && hatchId !== undefined ? `url(#${hatchId})` : undefined}
      />
    </>
  );
}
