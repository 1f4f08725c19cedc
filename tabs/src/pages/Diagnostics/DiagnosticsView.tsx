import type { DiagnosticKey } from './diagnostic-keys';

/** Placeholder until the five diagnostics views land (issue 7, in progress). */
export default function DiagnosticsView(_props: { initiativeId: string; view: DiagnosticKey }) {
  return <section data-testid="diagnostics-view" />;
}
