import { Body1, Button, Card, Link, Subtitle2 } from '@fluentui/react-components';
import type { PulseView } from '@learnfit/core';
import { useEffect, useRef } from 'react';
import { fill, strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import { usePulsePageStyles } from './PulsePage.styles';

const text = strings.pulse;

/** Who sees the answers and for how long, with the tenant's own numbers, beside the questions. */
export function PulsePrivacy({ privacy }: { privacy: PulseView['privacy'] }) {
  const styles = usePulsePageStyles();
  return (
    <Card className={styles.privacy} data-testid="pulse-privacy">
      <Subtitle2 as="h2" id="pulse-privacy-heading">
        {text.privacy.heading}
      </Subtitle2>
      <ul className={styles.privacyList} aria-labelledby="pulse-privacy-heading">
        <li>{text.privacy.pseudonym}</li>
        <li>{fill(text.privacy.aggregates, { k: privacy.k })}</li>
        <li>{text.privacy.self}</li>
        <li>{text.privacy.drafts}</li>
        <li>{fill(text.privacy.retention, { days: privacy.retentionDays })}</li>
        <li>{text.privacy.device}</li>
      </ul>
    </Card>
  );
}

/** The finish state: the answers are with the API; focus moves here so a screen reader announces it. */
export function PulseDone({ closes, onChange }: { closes: string; onChange: () => void }) {
  const styles = usePulsePageStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={styles.done} data-testid="pulse-done">
      <h2 className={styles.doneTitle} ref={heading} tabIndex={-1}>
        {text.done.title}
      </h2>
      <Body1 as="p">{fill(text.done.body, { date: closes })}</Body1>
      <div className={styles.actions}>
        <Button onClick={onChange}>{text.done.change}</Button>
        <Link href={hrefFor('home')}>{text.done.home}</Link>
      </div>
    </section>
  );
}
