// Local working time of the synthetic tenant: each office location has a time zone and a country, so a
// person's working hours (08:00–18:30 local), weekends and public holidays follow where they sit, while
// every timestamp the tenant stores stays in UTC (as Graph sends it). Offsets come from the platform's
// time-zone database (Intl), read once per location and window day; no clock is read here.
import { LOCATION_INFO, type CountryCode } from './names';
import type { Rng } from './random';

/** Milliseconds per minute, hour and day. */
export const MINUTE = 60_000;
/** Milliseconds per hour. */
export const HOUR = 60 * MINUTE;
/** Milliseconds per day. */
export const DAY = 24 * HOUR;
/** Start and end of the local working day, in hours. */
export const WORK_START_HOUR = 8;
/** End of the local working day, in hours (18:30). */
export const WORK_END_HOUR = 18.5;

/** Working days and UTC offsets of one office location over the window. */
export interface LocalCalendar {
  readonly location: string;
  readonly timeZone: string;
  readonly country: CountryCode;
  /** Minutes east of UTC at noon UTC of each window day (index 0 = first day of the window). */
  readonly offsetMinutes: Int16Array;
  /** 1 when the local date of that window day is a working day (Monday–Friday, no public holiday). */
  readonly workday: Uint8Array;
  /** ISO dates (YYYY-MM-DD) of the public holidays that fall on weekdays inside the window. */
  readonly holidays: readonly string[];
}

/** The calendars of every office location for one window. */
export interface Calendar {
  readonly windowStart: number;
  readonly days: number;
  readonly byLocation: ReadonlyMap<string, LocalCalendar>;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Day of week of a UTC day (0 = Sunday); 1970-01-01 was a Thursday. */
export const weekdayOf = (ms: number): number => (((Math.floor(ms / DAY) + 4) % 7) + 7) % 7;

function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/** The n-th given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = Date.UTC(year, month - 1, 1);
    return first + (((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7) * DAY;
  }
  const last = Date.UTC(year, month, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7) * DAY;
}

/**
 * Public holidays of a country in a year (national or, for DE/CA/AU, the office's state: Bavaria,
 * Ontario, New South Wales). Fixed dates and weekday rules only: no "observed" substitutes, and no
 * lunar-calendar holidays (Singapore and India would have more).
 */
export function publicHolidays(country: CountryCode, year: number): string[] {
  const fixed = (month: number, day: number) => Date.UTC(year, month - 1, day);
  const easter = easterSunday(year);
  const e = (offset: number) => easter + offset * DAY;
  const mon = (month: number, n: number) => nthWeekday(year, month, 1, n);
  const byCountry: Record<CountryCode, number[]> = {
    US: [
      fixed(1, 1),
      mon(1, 3),
      mon(2, 3),
      mon(5, -1),
      fixed(6, 19),
      fixed(7, 4),
      mon(9, 1),
      nthWeekday(year, 11, 4, 4),
      nthWeekday(year, 11, 4, 4) + DAY,
      fixed(12, 25),
    ],
    GB: [fixed(1, 1), e(-2), e(1), mon(5, 1), mon(5, -1), mon(8, -1), fixed(12, 25), fixed(12, 26)],
    DE: [
      fixed(1, 1),
      fixed(1, 6),
      e(-2),
      e(1),
      fixed(5, 1),
      e(39),
      e(50),
      e(60),
      fixed(8, 15),
      fixed(10, 3),
      fixed(11, 1),
      fixed(12, 25),
      fixed(12, 26),
    ],
    CA: [
      fixed(1, 1),
      mon(2, 3),
      e(-2),
      fixed(5, 24) - ((weekdayOf(fixed(5, 24)) + 6) % 7) * DAY, // Victoria Day: Monday on or before 24 May
      fixed(7, 1),
      mon(8, 1),
      mon(9, 1),
      mon(10, 2),
      fixed(12, 25),
      fixed(12, 26),
    ],
    SG: [fixed(1, 1), e(-2), fixed(5, 1), fixed(8, 9), fixed(12, 25)],
    IN: [fixed(1, 26), fixed(8, 15), fixed(10, 2), fixed(12, 25)],
    AU: [
      fixed(1, 1),
      fixed(1, 26),
      e(-2),
      e(1),
      fixed(4, 25),
      mon(6, 2),
      mon(10, 1),
      fixed(12, 25),
      fixed(12, 26),
    ],
  };
  return [...new Set(byCountry[country].map(isoDate))].sort();
}

function offsetsOf(timeZone: string, windowStart: number, days: number): Int16Array {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const out = new Int16Array(days);
  for (let d = 0; d < days; d++) {
    const at = windowStart + d * DAY + 12 * HOUR;
    const part = (type: string) =>
      Number(format.formatToParts(at).find((p) => p.type === type)?.value ?? NaN);
    const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
    out[d] = Math.round((local - at) / MINUTE);
  }
  return out;
}

/** Builds the calendar of every office location for the window [windowStart, windowStart + days). */
export function buildCalendar(windowStart: number, days: number): Calendar {
  const byLocation = new Map<string, LocalCalendar>();
  const firstYear = new Date(windowStart).getUTCFullYear();
  const lastYear = new Date(windowStart + days * DAY).getUTCFullYear();
  for (const [location, info] of Object.entries(LOCATION_INFO)) {
    const holidaySet = new Set<string>();
    for (let y = firstYear; y <= lastYear; y++)
      for (const h of publicHolidays(info.country, y)) holidaySet.add(h);
    const workday = new Uint8Array(days);
    const holidays: string[] = [];
    for (let d = 0; d < days; d++) {
      const at = windowStart + d * DAY;
      const dow = weekdayOf(at);
      const weekday = dow !== 0 && dow !== 6;
      const holiday = holidaySet.has(isoDate(at));
      if (weekday && holiday) holidays.push(isoDate(at));
      workday[d] = weekday && !holiday ? 1 : 0;
    }
    byLocation.set(location, {
      location,
      timeZone: info.timeZone,
      country: info.country,
      offsetMinutes: offsetsOf(info.timeZone, windowStart, days),
      workday,
      holidays,
    });
  }
  return { windowStart, days, byLocation };
}

/** The calendar of a location (unknown or empty locations, e.g. guests, use Remote's). */
export function calendarOf(calendar: Calendar, location: string): LocalCalendar {
  const found = calendar.byLocation.get(location) ?? calendar.byLocation.get('Remote');
  if (!found) throw new Error('calendar has no Remote location');
  return found;
}

const clampDay = (local: LocalCalendar, d: number) =>
  Math.max(0, Math.min(local.offsetMinutes.length - 1, d));

/** UTC offset (ms east of UTC) of a location on a window day; days outside the window use the nearest. */
export function offsetMs(local: LocalCalendar, dayIndex: number): number {
  return (local.offsetMinutes[clampDay(local, dayIndex)] ?? 0) * MINUTE;
}

/** True when the local date of a window day is a working day (outside the window: Monday–Friday). */
export function isWorkday(calendar: Calendar, local: LocalCalendar, dayIndex: number): boolean {
  if (dayIndex >= 0 && dayIndex < calendar.days) return local.workday[dayIndex] === 1;
  const dow = weekdayOf(calendar.windowStart + dayIndex * DAY);
  return dow !== 0 && dow !== 6;
}

/** UTC time of a local clock time (hours, fractional) on the local date of a window day. */
export function atLocalHour(
  calendar: Calendar,
  local: LocalCalendar,
  dayIndex: number,
  hour: number,
): number {
  return calendar.windowStart + dayIndex * DAY + Math.round(hour * HOUR) - offsetMs(local, dayIndex);
}

/**
 * Moves a UTC time forward into the person's working hours: unchanged when already inside them,
 * otherwise the next working morning (08:00 plus up to 90 minutes).
 */
export function nextWorkingTime(calendar: Calendar, local: LocalCalendar, ms: number, rng: Rng): number {
  const utcDay = Math.floor((ms - calendar.windowStart) / DAY);
  const localMs = ms + offsetMs(local, utcDay);
  let day = Math.floor((localMs - calendar.windowStart) / DAY);
  const hour = (localMs - calendar.windowStart - day * DAY) / HOUR;
  if (isWorkday(calendar, local, day) && hour >= WORK_START_HOUR && hour < WORK_END_HOUR) return ms;
  if (!(isWorkday(calendar, local, day) && hour < WORK_START_HOUR)) day++;
  while (!isWorkday(calendar, local, day)) day++;
  return atLocalHour(calendar, local, day, WORK_START_HOUR + rng.int(0, 90) / 60);
}
