import { diagnosticViews, isDiagnosticView, type DiagnosticView } from '@learnfit/core';

/** The five diagnostics, in the order the tab shows them; each is addressed as `#/initiatives/<id>/<key>`. */
export const diagnosticKeys = diagnosticViews;

/** One of the five diagnostics (the list the bot's links and unfurling read too). */
export type DiagnosticKey = DiagnosticView;

/** Reads a path segment as a diagnostic key, or `null` when it is not one. */
export function toDiagnosticKey(segment: string | undefined): DiagnosticKey | null {
  return isDiagnosticView(segment) ? segment : null;
}
