import { Badge, Body1, Button, Caption1, Link, Spinner, Subtitle2 } from '@fluentui/react-components';
import type { MyProfile, MyPulseItem } from '@learnfit/core';
import { openPulsesFor } from '../../api/my-pulses';
import type { ResourceState } from '../../api/use-resource';
import { formatMoment } from '../../messages/format-when';
import { fill, strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import { useHomePageStyles } from './HomePage.styles';

const text = strings.home;

/** Pulses waiting for the person, each with a clear call to answer; answered ones say until when they can change. */
export function MyPulseCard({
  state,
  locale,
}: {
  state: ResourceState<MyPulseItem[]>;
  locale?: string | undefined;
}) {
  const styles = useHomePageStyles();
  const open = state.status === 'ready' ? openPulsesFor(state.data) : [];
  const waiting = open.filter((item) => item.answeredAt === null);
  return (
    <section className={styles.section} aria-labelledby="home-pulse-heading" data-testid="home-pulse">
      <Subtitle2 as="h2" id="home-pulse-heading">
        {text.pulse.heading}
      </Subtitle2>
      {state.status === 'loading' ? <Spinner size="tiny" label={text.pulse.loading} /> : null}
      {state.status === 'failed' ? <Body1 as="p">{text.pulse.unavailable}</Body1> : null}
      {state.status === 'ready' && open.length === 0 ? <Body1 as="p">{text.pulse.none}</Body1> : null}
      {waiting.length > 0 ? (
        <Body1 as="p">
          {waiting.length === 1
            ? text.pulse.waitingOne
            : fill(text.pulse.waitingOther, { count: waiting.length })}
        </Body1>
      ) : null}
      {open.length > 0 ? (
        <ul className={styles.list}>
          {open.map((item) => {
            const closes = formatMoment(item.wave?.closesAt ?? '', locale);
            return (
              <li key={item.initiativeId} className={styles.pulseItem}>
                {item.answeredAt === null ? (
                  <>
                    <Button as="a" appearance="primary" href={hrefFor('pulse', [item.initiativeId])}>
                      {fill(text.pulse.answer, { name: item.initiativeName })}
                    </Button>
                    <Caption1>{fill(text.pulse.closes, { date: closes })}</Caption1>
                  </>
                ) : (
                  <>
                    <Body1>{fill(text.pulse.answered, { name: item.initiativeName, date: closes })}</Body1>
                    <Link href={hrefFor('pulse', [item.initiativeId])}>
                      {fill(text.pulse.change, { name: item.initiativeName })}
                    </Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** The initiatives the person leads, designs or learns in. */
export function MyInitiativesCard({ state }: { state: ResourceState<MyPulseItem[]> }) {
  const styles = useHomePageStyles();
  return (
    <section
      className={styles.section}
      aria-labelledby="home-initiatives-heading"
      data-testid="home-initiatives"
    >
      <Subtitle2 as="h2" id="home-initiatives-heading">
        {text.initiatives.heading}
      </Subtitle2>
      {state.status === 'loading' ? <Spinner size="tiny" label={text.initiatives.loading} /> : null}
      {state.status === 'failed' ? <Body1 as="p">{text.initiatives.unavailable}</Body1> : null}
      {state.status === 'ready' && state.data.length === 0 ? (
        <Body1 as="p">{text.initiatives.none}</Body1>
      ) : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <ul className={styles.list}>
          {state.data.map((item) => (
            <li key={item.initiativeId} className={styles.initiativeItem}>
              <Body1>{item.initiativeName}</Body1>
              <span className={styles.badges}>
                {item.relations.map((relation) => (
                  <Badge key={relation} appearance="outline" color="informative">
                    {text.initiatives.relations[relation]}
                  </Badge>
                ))}
                {item.wave ? (
                  <Badge appearance="tint" color="brand">
                    {text.initiatives.pulseOpen}
                  </Badge>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Link href={hrefFor('initiatives')}>{text.initiatives.all}</Link>
    </section>
  );
}

/** How many habits the person meets, with the way to their full (private) profile. */
export function ProfileSummaryCard({ state }: { state: ResourceState<MyProfile> }) {
  const styles = useHomePageStyles();
  let body: string;
  if (state.status === 'loading') body = text.profile.loading;
  else if (state.status === 'failed')
    body = state.error.code === 'not_found' ? text.profile.noProfile : text.profile.unavailable;
  else
    body = `${fill(text.profile.met, { met: state.data.attributesMet })} ${
      state.data.learnsSocial ? text.profile.learnsSocial : text.profile.notYet
    }`;
  return (
    <section className={styles.section} aria-labelledby="home-profile-heading" data-testid="home-profile">
      <Subtitle2 as="h2" id="home-profile-heading">
        {text.profile.heading}
      </Subtitle2>
      <Body1 as="p">{body}</Body1>
      <Caption1>{text.profile.private}</Caption1>
      <Link href={hrefFor('profile')}>{text.profile.link}</Link>
    </section>
  );
}
