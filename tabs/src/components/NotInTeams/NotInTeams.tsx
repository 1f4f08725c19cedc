import { Body1, Card, Link, Title3 } from '@fluentui/react-components';
import { useNotInTeamsStyles } from './NotInTeams.styles';

/** Shown when the page is opened outside Microsoft Teams: says where to open LearnFit instead. */
export function NotInTeams({ reason, demoHostUrl }: { reason: string; demoHostUrl: string }) {
  const styles = useNotInTeamsStyles();
  return (
    <main className={styles.root} data-testid="not-in-teams">
      <Card className={styles.card}>
        <Title3 as="h1">Open LearnFit from Microsoft Teams</Title3>
        <Body1 as="p">
          LearnFit runs inside Teams: it signs you in with your Teams account and reads your
          organisation&apos;s data on your behalf, so this page cannot show anything on its own.
        </Body1>
        <ul className={styles.list}>
          <li>
            In Teams, select Apps, find LearnFit and open it, or open the LearnFit tab in your team&apos;s
            channel.
          </li>
          <li>
            Running the demo? Open the <Link href={demoHostUrl}>Teams host emulator</Link> at{' '}
            <code>/dev/host</code>, which frames this tab and signs you in as one of the demo people.
          </li>
        </ul>
        <Body1 as="p" className={styles.reason}>
          Technical detail: {reason}
        </Body1>
      </Card>
    </main>
  );
}
