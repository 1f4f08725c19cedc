function safeLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0];
  } catch {
    // A malformed tag from the host must not break the page; the browser's default locale is used instead.
    return undefined;
  }
}

/** A moment (ISO date-time) as a readable local date and time, e.g. "Dec 4, 2026, 5:00 PM". */
export function formatMoment(iso: string, locale?: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** A moment (ISO date-time) as a readable local date, e.g. "Dec 4, 2026". */
export function formatDay(iso: string, locale?: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium' }).format(date);
}

/** The time of day of a moment, e.g. "5:03 PM". */
export function formatTime(date: Date, locale?: string | undefined): string {
  return new Intl.DateTimeFormat(safeLocale(locale), { timeStyle: 'short' }).format(date);
}
