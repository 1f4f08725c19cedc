/** Placeholder until the pulse form lands (issue 7, in progress). */
export default function PulsePage() {
  return <article data-testid="page-pulse" />;
}
