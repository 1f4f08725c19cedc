import type { TeamsHost } from '../../teams/host';

/** Placeholder until the manager report lands (issue 7, in progress). */
export default function ReportPage(_props: { host: TeamsHost }) {
  return <article data-testid="page-report" />;
}
