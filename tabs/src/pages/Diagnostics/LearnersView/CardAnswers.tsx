import { Body1, Subtitle2 } from '@fluentui/react-components';
import type { DiagnosticsResponse } from '@learnfit/core';
import { useId } from 'react';
import { fill, strings } from '../../../messages/strings';
import { useViewStyles } from '../view-styles';
import { scrollRegion } from '../../../components/ScrollRegion/scroll-region';

type Summary = NonNullable<DiagnosticsResponse['results']['learners']['data']['acknowledgements']>;
type Message = DiagnosticsResponse['results']['changePlan']['data']['messages'][number];

const t = strings.diagnostics.learners;

/**
 * The "I'm in" / "Not for me" answers to the posted "spell it out" cards, in total and per audience, as
 * the API released them (counts under k are left out and said so). Nothing is shown before a card is posted.
 */
export function CardAnswers(props: {
  summary: Summary | undefined;
  messages: readonly Message[];
  k: number;
}) {
  const styles = useViewStyles();
  const id = useId();
  const { summary, k } = props;
  if (!summary || summary.posts === 0) return null;
  const answered = props.messages.filter(
    (message) => message.acknowledgements && message.acknowledgements.posts > 0,
  );
  return (
    <section className={styles.section} aria-labelledby={`${id}-cards`} data-testid="learners-card-answers">
      <Subtitle2 as="h4" id={`${id}-cards`}>
        {t.cardsHeading}
      </Subtitle2>
      <Body1>
        {fill(t.cardsTotals, { posts: summary.posts, in: summary.in, notForMe: summary.notForMe })}
      </Body1>
      {summary.withheldPosts > 0 ? (
        <Body1 className={styles.note}>{fill(t.cardsWithheld, { count: summary.withheldPosts, k })}</Body1>
      ) : null}
      {answered.length > 0 ? (
        <div className={styles.tableWrap} {...scrollRegion(strings.common.tableRegions.cardAnswers)}>
          <table className={styles.table}>
            <caption>{t.cardsIntro}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.diagnostics.changePlan.audience}</th>
                <th scope="col">{t.cardsIn}</th>
                <th scope="col">{t.cardsNotForMe}</th>
              </tr>
            </thead>
            <tbody>
              {answered.map((message) => (
                <tr key={message.id}>
                  <th scope="row">{message.audience}</th>
                  <td>{message.acknowledgements?.in ?? 0}</td>
                  <td>{message.acknowledgements?.notForMe ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
