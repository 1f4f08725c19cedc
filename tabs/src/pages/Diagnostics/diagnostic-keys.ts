/** The five diagnostics, in the order the tab shows them; each is addressed as `#/initiatives/<id>/<key>`. */
export const diagnosticKeys = ['leaders', 'learners', 'workflow-fit', 'change-plan', 'management'] as const;

/** One of the five diagnostics. */
export type DiagnosticKey = (typeof diagnosticKeys)[number];

/** Reads a path segment as a diagnostic key, or `null` when it is not one. */
export function toDiagnosticKey(segment: string | undefined): DiagnosticKey | null {
  return (diagnosticKeys as readonly string[]).includes(segment ?? '') ? (segment as DiagnosticKey) : null;
}
