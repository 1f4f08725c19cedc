import { Body1, Card, Subtitle2, Title3 } from '@fluentui/react-components';
import { useAboutPageStyles } from './AboutPage.styles';

/** About: what LearnFit measures, what it never reads, who sees what, and how fresh the data is. */
export default function AboutPage() {
  const styles = useAboutPageStyles();
  return (
    <article className={styles.root}>
      <Title3 as="h1">About LearnFit</Title3>
      <Body1 as="p">
        LearnFit helps learning leaders decide how to add social features (discussion channels, peer Q&amp;A,
        communities, live sessions) to a learning programme. Before launch it checks, from your
        organisation&apos;s own Microsoft 365 data, whether the people involved already work and learn that
        way, how well the proposed design fits their real workflows, and how much change management the
        rollout will need.
      </Body1>

      <Card className={styles.card}>
        <Subtitle2 as="h2">What LearnFit measures</Subtitle2>
        <Body1 as="p">Per person and per week, LearnFit records counts and timings only:</Body1>
        <ul className={styles.list}>
          <li>
            channel posts and replies, replies to other people&apos;s threads, reactions given and received,
            mentions;
          </li>
          <li>how long it takes to reply in a thread someone else started;</li>
          <li>
            how many chat messages, calls, meetings and emails there were, and Viva Engage posts, reads and
            likes;
          </li>
          <li>
            files shared, the last day of activity, and the hours of the week when channel activity happens;
          </li>
          <li>who replies to whom, from reply links and mentions;</li>
          <li>the org chart (manager, department, job title, location) and team membership.</li>
        </ul>
        <Body1 as="p">
          LearnFit never reads, stores or logs what a message says. It keeps message ids, authors, timestamps,
          reply links, mentions and reactions, nothing else.
        </Body1>
        <Body1 as="p">
          From these it scores four habits (participatory, timely, transparent, current) and five diagnostics:
          the design team, the learners, the fit of the design with today&apos;s workflows, the change plan it
          implies, and whether managers up to three levels model social learning.
        </Body1>
      </Card>

      <Card className={styles.card}>
        <Subtitle2 as="h2">Who sees what</Subtitle2>
        <ul className={styles.list}>
          <li>
            Your own profile is private: only you see it. Someone else sees it only if you choose to share it.
          </li>
          <li>
            Managers and learning leaders see aggregates only. Any figure about fewer than 5 people is hidden
            (your admin may raise this number), and filters cannot be combined to single out a smaller group.
          </li>
          <li>
            Data is kept for a limited time (180 days unless your admin sets otherwise) and can be erased on
            request.
          </li>
          <li>Each organisation&apos;s data is kept apart; nobody outside your organisation can read it.</li>
        </ul>
      </Card>

      <Card className={styles.card}>
        <Subtitle2 as="h2">How fresh the data is</Subtitle2>
        <Body1 as="p">
          Every figure shows the date its data is as of. Microsoft 365 usage reports run about two days
          behind, so counts from them describe the period ending on the report date, not today. When your
          admin conceals user details in usage reports, or a permission has not been granted, LearnFit names
          the missing source instead of guessing, and says what the admin can change.
        </Body1>
      </Card>
    </article>
  );
}
