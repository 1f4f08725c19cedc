/** A date and time in the admin's locale (medium date, short time); the raw value when it cannot be read. */
export function formatTime(iso: string, locale?: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    // A malformed locale tag from the host: fall back to the browser's default locale.
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}
