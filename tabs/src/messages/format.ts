function supportedLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0];
  } catch {
    // A malformed tag from the host must not break the page; the browser's default locale is used instead.
    return undefined;
  }
}

/** Formats a count for display in the person's locale, e.g. 1,234. */
export function formatCount(value: number, locale?: string | undefined): string {
  return new Intl.NumberFormat(supportedLocale(locale)).format(value);
}

/**
 * Formats a report date (`YYYY-MM-DD`, as Microsoft 365 usage reports give it) as a readable date.
 * The date has no time zone, so it is read and shown in UTC to avoid showing the day before.
 */
export function formatReportDate(value: string, locale?: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(supportedLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}
