import { strings } from '../../messages/strings';

/** Formats a share (0–1) as a whole percentage, e.g. 0.667 → "67%"; null reads "withheld". */
export function formatShare(value: number | null, locale?: string): string {
  if (value === null) return strings.charts.withheld;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** Formats a figure with at most `digits` decimals; null reads "withheld". */
export function formatNumber(value: number | null, digits = 1, locale?: string): string {
  if (value === null) return strings.charts.withheld;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Formats a figure with its unit as the API names it ("share" as a percentage, "of 100" after the number). */
export function formatWithUnit(value: number | null, unit: string, locale?: string): string {
  if (value === null) return strings.charts.withheld;
  if (unit === 'share') return formatShare(value, locale);
  const number = formatNumber(value, 1, locale);
  return unit === '' ? number : `${number} ${unit}`;
}

/** Clamps a number into [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
