import { describe, expect, it } from 'vitest';
import { diagnosticViews, isDiagnosticView } from './diagnostic-views';

describe('diagnostic views', () => {
  it('lists the five views in the order the tab shows them', () => {
    expect(diagnosticViews).toEqual(['leaders', 'learners', 'workflow-fit', 'change-plan', 'management']);
  });

  it('accepts exactly those path segments', () => {
    for (const view of diagnosticViews) expect(isDiagnosticView(view)).toBe(true);
    for (const other of ['workflowFit', 'Leaders', 'report', '', null, undefined, 'leaders/'])
      expect(isDiagnosticView(other)).toBe(false);
  });
});
