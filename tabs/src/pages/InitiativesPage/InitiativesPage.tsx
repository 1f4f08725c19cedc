import type { TeamsHost } from '../../teams/host';
import { Body1, Card, Title3 } from '@fluentui/react-components';
import { useInitiativesPageStyles } from './InitiativesPage.styles';

/** Initiatives: not built yet; says so plainly and what the page will do, without example data. */
export default function InitiativesPage(_props: { host: TeamsHost }) {
  const styles = useInitiativesPageStyles();
  return (
    <article className={styles.root}>
      <Title3 as="h1">Initiatives</Title3>
      <Card className={styles.card} data-testid="initiatives-coming">
        <Body1 as="p">
          Initiatives arrive in the next release. This version of LearnFit has none to show.
        </Body1>
        <Body1 as="p">
          An initiative will describe one learning solution: its target group, its design team and the social
          features it plans. Learning leaders will create them here and read the five diagnostics for each;
          learners will see what an initiative means for them and answer a two-minute pulse on how they work
          and learn today.
        </Body1>
      </Card>
    </article>
  );
}
