import { Body1, Card, Subtitle2, Title3 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { strings } from '../../messages/strings';
import { useAboutPageStyles } from './AboutPage.styles';

const text = strings.about;

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const styles = useAboutPageStyles();
  return (
    <Card className={styles.card}>
      <section aria-labelledby={id} className={styles.card} data-testid={id}>
        <Subtitle2 as="h2" id={id}>
          {heading}
        </Subtitle2>
        {children}
      </section>
    </Card>
  );
}

function List({ items }: { items: readonly string[] }) {
  const styles = useAboutPageStyles();
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Help: what LearnFit measures, what it never reads, who sees what, and how fresh and complete the data is. */
export default function AboutPage() {
  const styles = useAboutPageStyles();
  return (
    <article className={styles.root} data-testid="page-about" data-state="ready">
      <Title3 as="h1">{text.title}</Title3>
      <Body1 as="p">{text.intro}</Body1>
      <Section id="about-measured" heading={text.measured.heading}>
        <Body1 as="p">{text.measured.lead}</Body1>
        <List items={text.measured.items} />
        <Body1 as="p">{text.measured.habits}</Body1>
      </Section>
      <Section id="about-never" heading={text.never.heading}>
        <Body1 as="p">{text.never.lead}</Body1>
        <List items={text.never.items} />
      </Section>
      <Section id="about-privacy" heading={text.privacy.heading}>
        <List items={text.privacy.items} />
      </Section>
      <Section id="about-freshness" heading={text.freshness.heading}>
        <Body1 as="p">{text.freshness.asOf}</Body1>
        <Body1 as="p">{text.freshness.coverage}</Body1>
        <List items={text.freshness.items} />
      </Section>
    </article>
  );
}
