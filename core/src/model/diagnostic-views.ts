/**
 * The five diagnostic views of an initiative, in the order the tab shows them. Each is the path segment
 * after the initiative id in the tab's links (`#/initiatives/<id>/<view>`), so the tab's routes and the
 * bot's links and unfurling read one list.
 */
export const diagnosticViews = ['leaders', 'learners', 'workflow-fit', 'change-plan', 'management'] as const;

/** One of the five diagnostic views. */
export type DiagnosticView = (typeof diagnosticViews)[number];

/** Whether a path segment names a diagnostic view. */
export function isDiagnosticView(segment: string | null | undefined): segment is DiagnosticView {
  return (diagnosticViews as readonly string[]).includes(segment ?? '');
}
