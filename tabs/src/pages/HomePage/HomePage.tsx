import { Card } from '@fluentui/react-components';
import type { MeResponse, MyProfile, MyPulseItem } from '@learnfit/core';
import { useSharedMe } from '../../api/me-context';
import { useMyProfile } from '../../api/my-profile';
import { useMyPulses } from '../../api/my-pulses';
import type { ResourceState } from '../../api/use-resource';
import { ActivityBars } from '../../components/ActivityBars/ActivityBars';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { LoadingState } from '../../components/LoadingState/LoadingState';
import { ManagementChain } from '../../components/ManagementChain/ManagementChain';
import { MeSummary } from '../../components/MeSummary/MeSummary';
import { strings } from '../../messages/strings';
import { MyInitiativesCard, MyPulseCard, ProfileSummaryCard } from './HomeCards';
import { useHomePageStyles } from './HomePage.styles';

/** What Home shows besides the person: their pulses and initiatives, and their profile summary. */
export interface HomeSections {
  readonly pulses: ResourceState<MyPulseItem[]>;
  readonly profile: ResourceState<MyProfile>;
}

/** The Home page's content once `/api/me` has answered. */
export function HomeView({
  me,
  locale,
  sections,
}: {
  me: MeResponse;
  locale?: string | undefined;
  sections: HomeSections;
}) {
  const styles = useHomePageStyles();
  return (
    <div className={styles.root}>
      <Card>
        <MeSummary me={me} />
      </Card>
      <div className={styles.columns}>
        <Card>
          <MyPulseCard state={sections.pulses} locale={locale} />
        </Card>
        <Card>
          <ProfileSummaryCard state={sections.profile} />
        </Card>
        <Card>
          <MyInitiativesCard state={sections.pulses} />
        </Card>
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

/** Home: who you are in LearnFit, what waits for you, your initiatives, managers and where you write. */
export default function HomePage({ locale }: { locale?: string | undefined }) {
  const { state, retry } = useSharedMe();
  const pulses = useMyPulses();
  const profile = useMyProfile();
  const pageState = state.status === 'failed' ? 'error' : state.status;
  return (
    <article data-testid="page-home" data-state={pageState}>
      {state.status === 'loading' ? <LoadingState label={strings.home.loading} /> : null}
      {state.status === 'failed' ? <ErrorPanel error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <HomeView me={state.me} locale={locale} sections={{ pulses: pulses.state, profile: profile.state }} />
      ) : null}
    </article>
  );
}
