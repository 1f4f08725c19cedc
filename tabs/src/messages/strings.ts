/**
 * Every string the tab shows, in one resource file ready for translation. Each area owns one namespace;
 * placeholders are `{name}` and are filled by `fill()`. Components never hold user-facing text.
 */
export const strings = {
  // ── common: shared words (owner: integration) ──
  common: {
    retry: 'Try again',
    loading: 'Loading…',
    connecting: 'Connecting to Teams…',
    cancel: 'Cancel',
    save: 'Save',
    back: 'Back',
    next: 'Next',
    close: 'Close',
    edit: 'Edit',
    delete: 'Delete',
    exportCsv: 'Export CSV',
    print: 'Print view',
    share: 'Share',
    dataAsOf: 'Data as of {date}',
    coverage: 'Coverage',
    evidence: 'Evidence',
    nextStep: 'Next step',
    suppressed: 'Hidden: fewer than {k} people',
  },
  // ── end common ──
} as const;

/** Fills `{name}` placeholders; a placeholder without a value stays visible so a gap is noticed. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
