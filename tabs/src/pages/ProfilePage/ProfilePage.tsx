import { Body1, Caption1, Title3 } from '@fluentui/react-components';
import { attributeNames, type MyProfile } from '@learnfit/core';
import { useMyProfile, useMySharing } from '../../api/my-profile';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { LoadingState } from '../../components/LoadingState/LoadingState';
import { formatDay } from '../../messages/format-when';
import { fill, strings } from '../../messages/strings';
import { AttributeCard } from './AttributeCard';
import { useProfilePageStyles } from './ProfilePage.styles';
import { SharingPanel } from './SharingPanel';

const text = strings.profile;

function ProfileView({ profile, locale }: { profile: MyProfile; locale?: string | undefined }) {
  const styles = useProfilePageStyles();
  return (
    <>
      <div className={styles.header}>
        <Body1 as="p" data-testid="profile-summary">
          {fill(text.summary, { met: profile.attributesMet })}{' '}
          {profile.learnsSocial ? text.learnsSocial : text.notYet}
        </Body1>
        <Caption1>
          {fill(text.dataAsOf, { date: formatDay(profile.dataAsOf, locale), weeks: profile.weeks })}
        </Caption1>
      </div>
      <div className={styles.grid}>
        {attributeNames.map((name) => (
          <AttributeCard
            key={name}
            name={name}
            attribute={profile.attributes[name]}
            bar={profile.bar}
            locale={locale}
          />
        ))}
      </div>
    </>
  );
}

/** My profile: the person's own four habits with evidence, visible to them only, and opt-in sharing. */
export default function ProfilePage({ locale }: { locale?: string | undefined } = {}) {
  const styles = useProfilePageStyles();
  const profile = useMyProfile();
  const sharing = useMySharing();
  const { state } = profile;
  const missing = state.status === 'failed' && state.error.code === 'not_found';
  const pageState =
    state.status === 'loading' ? 'loading' : state.status === 'ready' ? 'ready' : missing ? 'empty' : 'error';
  return (
    <article className={styles.root} data-testid="page-profile" data-state={pageState}>
      <div className={styles.header}>
        <Title3 as="h1">{text.title}</Title3>
        <Body1 as="p">{text.private}</Body1>
      </div>
      {state.status === 'loading' ? <LoadingState label={text.loading} /> : null}
      {state.status === 'ready' ? <ProfileView profile={state.data} locale={locale} /> : null}
      {missing ? (
        <section aria-labelledby="profile-none-heading" data-testid="profile-none">
          <h2 id="profile-none-heading" className={styles.subheading}>
            {text.noProfileTitle}
          </h2>
          <Body1 as="p">{text.noProfileBody}</Body1>
        </section>
      ) : null}
      {state.status === 'failed' && !missing ? (
        <ErrorPanel error={state.error} onRetry={profile.retry} />
      ) : null}
      <SharingPanel sharing={sharing} locale={locale} />
    </article>
  );
}
