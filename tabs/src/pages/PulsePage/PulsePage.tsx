import { Body1, Button, Caption1, Link, Title3 } from '@fluentui/react-components';
import type { MyPulseItem } from '@learnfit/core';
import { useState, type ReactNode } from 'react';
import { useSharedMe } from '../../api/me-context';
import { fetchPulseView, openPulsesFor, useMyPulses } from '../../api/my-pulses';
import { useApiResource } from '../../api/use-resource';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { LoadingState } from '../../components/LoadingState/LoadingState';
import { formatMoment } from '../../messages/format-when';
import { fill, strings } from '../../messages/strings';
import { hrefFor, useHashLocation } from '../../routing/hash-route';
import { PulseDone, PulsePrivacy } from './PulseAside';
import { PulseForm, type PulseFormTiming } from './PulseForm';
import { usePulsePageStyles } from './PulsePage.styles';

const text = strings.pulse;

type PageState = 'loading' | 'ready' | 'empty' | 'error';

function PulseArticle({ state, title, children }: { state: PageState; title: string; children: ReactNode }) {
  const styles = usePulsePageStyles();
  return (
    <article className={styles.root} data-testid="page-pulse" data-state={state}>
      <Title3 as="h1">{title}</Title3>
      {children}
    </article>
  );
}

function Nothing({ title, body }: { title: string; body: string }) {
  return (
    <PulseArticle state="empty" title={title}>
      <Body1 as="p">{body}</Body1>
      <Link href={hrefFor('home')}>{text.backHome}</Link>
    </PulseArticle>
  );
}

/** The pulse of one initiative: its open wave's questions, or the finish state once answered. */
function InitiativePulse({
  initiativeId,
  name,
  userId,
  timing,
}: {
  initiativeId: string;
  name: string | null;
  userId: string;
  timing?: PulseFormTiming | undefined;
}) {
  const styles = usePulsePageStyles();
  const view = useApiResource(`pulse/${initiativeId}`, (client, signal) =>
    fetchPulseView(client, initiativeId, signal),
  );
  const [finished, setFinished] = useState(false);
  const title = name ? fill(text.titleFor, { name }) : text.title;
  if (view.state.status === 'loading')
    return (
      <PulseArticle state="loading" title={title}>
        <LoadingState label={text.loading} />
      </PulseArticle>
    );
  if (view.state.status === 'failed')
    return (
      <PulseArticle state="error" title={title}>
        <ErrorPanel error={view.state.error} onRetry={view.retry} />
      </PulseArticle>
    );
  const { data } = view.state;
  const wave = data.wave;
  if (!wave || wave.state !== 'open') return <Nothing title={text.closedTitle} body={text.closedBody} />;
  const closes = formatMoment(wave.closesAt);
  return (
    <PulseArticle state="ready" title={title}>
      <div className={styles.header}>
        <Body1 as="p">{text.intro}</Body1>
        <Caption1 as="p">{fill(text.closes, { date: closes })}</Caption1>
      </div>
      <div className={styles.layout}>
        {finished ? (
          <PulseDone closes={closes} onChange={() => setFinished(false)} />
        ) : (
          <PulseForm
            key={wave.id}
            view={data}
            waveId={wave.id}
            userId={userId}
            timing={timing ?? {}}
            onFinished={() => setFinished(true)}
          />
        )}
        <PulsePrivacy privacy={data.privacy} />
      </div>
    </PulseArticle>
  );
}

/** Several open pulses: the person picks one. */
function PulseChooser({ items }: { items: readonly MyPulseItem[] }) {
  const styles = usePulsePageStyles();
  return (
    <PulseArticle state="ready" title={text.chooseHeading}>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.initiativeId} className={styles.listItem}>
            <Button
              as="a"
              appearance={item.answeredAt === null ? 'primary' : 'secondary'}
              href={hrefFor('pulse', [item.initiativeId])}
            >
              {fill(item.answeredAt === null ? strings.home.pulse.answer : strings.home.pulse.change, {
                name: item.initiativeName,
              })}
            </Button>
            <Caption1>{fill(text.closes, { date: formatMoment(item.wave?.closesAt ?? '') })}</Caption1>
          </li>
        ))}
      </ul>
    </PulseArticle>
  );
}

/**
 * Pulse: `#/pulse/<initiativeId>` shows that initiative's open pulse; `#/pulse` shows the one pulse
 * waiting for the person, or lets them choose when there are several.
 */
export default function PulsePage({ timing }: { timing?: PulseFormTiming } = {}) {
  const { segments } = useHashLocation();
  const initiativeId = segments[0] ?? null;
  const me = useSharedMe();
  const pulses = useMyPulses();
  if (me.state.status === 'loading' || (initiativeId === null && pulses.state.status === 'loading'))
    return (
      <PulseArticle state="loading" title={text.title}>
        <LoadingState label={text.loading} />
      </PulseArticle>
    );
  // Drafts are kept per person; without /api/me the pulse still works, under a generic key.
  const userId = me.state.status === 'ready' ? me.state.me.user.id : 'signed-in-user';
  if (initiativeId !== null) {
    const item =
      pulses.state.status === 'ready'
        ? pulses.state.data.find((candidate) => candidate.initiativeId === initiativeId)
        : undefined;
    return (
      <InitiativePulse
        key={initiativeId}
        initiativeId={initiativeId}
        name={item?.initiativeName ?? null}
        userId={userId}
        timing={timing}
      />
    );
  }
  if (pulses.state.status === 'failed')
    return (
      <PulseArticle state="error" title={text.title}>
        <ErrorPanel error={pulses.state.error} onRetry={pulses.retry} />
      </PulseArticle>
    );
  if (pulses.state.status !== 'ready') return null;
  const open = openPulsesFor(pulses.state.data);
  const [only] = open;
  if (open.length === 1 && only)
    return (
      <InitiativePulse
        initiativeId={only.initiativeId}
        name={only.initiativeName}
        userId={userId}
        timing={timing}
      />
    );
  if (open.length === 0) return <Nothing title={text.noneTitle} body={text.noneBody} />;
  return <PulseChooser items={open} />;
}
