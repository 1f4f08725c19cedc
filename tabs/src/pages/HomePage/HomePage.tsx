import { Card } from '@fluentui/react-components';
import type { MeResponse } from '@learnfit/core';
import { useMe } from '../../api/use-me';
import { ActivityBars } from '../../components/ActivityBars/ActivityBars';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { LoadingState } from '../../components/LoadingState/LoadingState';
import { ManagementChain } from '../../components/ManagementChain/ManagementChain';
import { MeSummary } from '../../components/MeSummary/MeSummary';
import { useHomePageStyles } from './HomePage.styles';

/** The Home page's content once `/api/me` has answered. */
export function HomeView({ me, locale }: { me: MeResponse; locale?: string | undefined }) {
  const styles = useHomePageStyles();
  return (
    <div className={styles.root}>
      <Card>
        <MeSummary me={me} />
      </Card>
      <div className={styles.columns}>
        <Card>
          <ManagementChain chain={me.managementChain} />
        </Card>
        <Card>
          <ActivityBars activity={me.activity} locale={locale} />
        </Card>
      </div>
    </div>
  );
}

/** Home: who you are in LearnFit, your managers, and where you write in Teams. */
export default function HomePage({ locale }: { locale?: string | undefined }) {
  const { state, retry } = useMe();
  if (state.status === 'loading') return <LoadingState label="Loading your profile…" />;
  if (state.status === 'failed') return <ErrorPanel error={state.error} onRetry={retry} />;
  return <HomeView me={state.me} locale={locale} />;
}
