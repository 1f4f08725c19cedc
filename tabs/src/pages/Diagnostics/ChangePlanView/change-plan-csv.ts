import type { DiagnosticsResponse } from '@learnfit/core';
import { fill, strings } from '../../../messages/strings';

type Plan = DiagnosticsResponse['results']['changePlan']['data'];

const t = strings.diagnostics;

/**
 * One CSV field: quoted when it holds a separator, quote or line break; a leading `= + - @` (or tab/CR)
 * gets an apostrophe so a spreadsheet does not run the text as a formula.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The plan's actions and messages as CSV (CRLF lines, header first), ready to save as a file. */
export function changePlanCsv(plan: Plan): string {
  const lines: (string | number | null)[][] = [[...t.changePlan.csvHeader]];
  for (const action of [...plan.actions].sort((a, b) => a.week - b.week)) {
    lines.push([
      t.changePlan.csvAction,
      action.week,
      action.date,
      t.changePlan.stages[action.adkar],
      t.changePlan.owners[action.owner],
      t.modes[action.channel],
      '',
      action.title,
      action.detail,
    ]);
  }
  for (const message of plan.messages) {
    lines.push([
      t.changePlan.csvMessage,
      message.week,
      null,
      '',
      '',
      t.modes[message.channel],
      message.audience,
      message.title,
      message.text,
    ]);
  }
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A file name for the export, from the initiative's name (letters, digits and dashes only). */
export function csvFileName(initiativeName: string): string {
  const slug = initiativeName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return fill(t.changePlan.csvFile, { name: slug || 'plan' });
}

/** Saves text as a file in the browser (a UTF-8 BOM lets spreadsheet apps read accents correctly). */
export function saveTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
