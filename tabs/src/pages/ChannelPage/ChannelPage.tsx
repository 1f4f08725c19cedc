import type { TeamsHost } from '../../teams/host';

/** Placeholder until the channel tab content lands (issue 7, in progress). */
export default function ChannelPage(_props: { host: TeamsHost }) {
  return <article data-testid="page-channel" />;
}
