import type { TeamsHost } from '../../teams/host';
import { Body1, Card, MessageBar, MessageBarBody, MessageBarTitle, Title3 } from '@fluentui/react-components';
import { useConfigPage } from '../../teams/use-config-page';
import { useConfigPageStyles } from './ConfigPage.styles';

/** The configuration page Teams shows when LearnFit is added to a channel. */
export default function ConfigPage(_props: { host: TeamsHost }) {
  const styles = useConfigPageStyles();
  const state = useConfigPage();
  return (
    <article className={styles.root} data-testid="config-page">
      <Title3 as="h1">Add LearnFit to this channel</Title3>
      {state.status === 'unsupported' ? (
        <MessageBar intent="warning" layout="multiline" data-testid="config-unsupported">
          <MessageBarBody>
            <MessageBarTitle>This page is only used while adding LearnFit to a channel</MessageBarTitle>
            Teams shows it in the &quot;add a tab&quot; dialog. Open LearnFit&apos;s Home page instead.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Card className={styles.card}>
        <Body1 as="p">
          Select Save to add a tab named LearnFit. There is nothing to choose: the tab opens on Home, where
          each member of the channel sees their own profile, their management chain and where they write in
          Teams.
        </Body1>
        <Body1 as="p">
          Nobody sees another member&apos;s profile through this tab. Managers and learning leaders see only
          aggregates over groups of at least 5 people.
        </Body1>
      </Card>
    </article>
  );
}
