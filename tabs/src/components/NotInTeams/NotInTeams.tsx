import { Body1, Card, Link, Title3 } from '@fluentui/react-components';
import { fill, strings } from '../../messages/strings';
import { useNotInTeamsStyles } from './NotInTeams.styles';

const text = strings.shell.notInTeams;

/** Shown when the page is opened outside Microsoft Teams: says where to open LearnFit instead. */
export function NotInTeams({ reason, demoHostUrl }: { reason: string; demoHostUrl: string }) {
  const styles = useNotInTeamsStyles();
  const [beforePath, afterPath = ''] = text.demoAfter.split('{path}');
  return (
    <main className={styles.root} data-testid="not-in-teams">
      <Card className={styles.card}>
        <Title3 as="h1">{text.title}</Title3>
        <Body1 as="p">{text.intro}</Body1>
        <ul className={styles.list}>
          <li>{text.inTeams}</li>
          <li>
            {text.demoBefore} <Link href={demoHostUrl}>{text.demoLink}</Link> {beforePath}
            <code>/dev/host</code>
            {afterPath}
          </li>
        </ul>
        <Body1 as="p" className={styles.reason}>
          {fill(text.technical, { reason })}
        </Body1>
      </Card>
    </main>
  );
}
