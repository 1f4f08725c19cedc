import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import type { MyActivity } from '@learnfit/core';
import { formatCount, formatReportDate } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { useActivityBarsStyles } from './ActivityBars.styles';

const text = strings.home.activity;

function describeCount(value: number | null, locale: string | undefined): string {
  return value === null ? text.notReported : formatCount(value, locale);
}

function openShareSentence(channel: number | null, chat: number | null): string | null {
  if (channel === null || chat === null) return null;
  const total = channel + chat;
  if (total === 0) return text.noMessages;
  const share = Math.round((channel / total) * 100);
  return fill(text.openShare, { share });
}

/** Channel versus chat message counts over 30 days as two labelled bars, with the report date. */
export function ActivityBars({ activity, locale }: { activity: MyActivity; locale?: string | undefined }) {
  const styles = useActivityBarsStyles();
  const { channelMessages: channel, chatMessages: chat } = activity;
  const max = Math.max(channel ?? 0, chat ?? 0, 1);
  const rows = [
    { key: 'channel', label: text.inChannels, value: channel, testId: 'me-channel-count' },
    { key: 'chat', label: text.inChats, value: chat, testId: 'me-chat-count' },
  ] as const;
  const summary = fill(text.summary, {
    channel: describeCount(channel, locale),
    chat: describeCount(chat, locale),
  });
  const share = openShareSentence(channel, chat);

  return (
    <section className={styles.root} aria-labelledby="activity-heading">
      <Subtitle2 as="h2" id="activity-heading">
        {text.heading}
      </Subtitle2>
      {activity.available ? (
        <>
          <figure className={styles.figure} aria-label={summary}>
            {rows.map((row) => (
              <div key={row.key} className={styles.row}>
                <Body1 className={styles.label}>{row.label}</Body1>
                <div className={styles.track} aria-hidden>
                  <div
                    className={row.key === 'channel' ? styles.barChannel : styles.barChat}
                    style={{ width: `${((row.value ?? 0) / max) * 100}%` }}
                  />
                </div>
                <Body1 className={styles.value} data-testid={row.testId}>
                  {describeCount(row.value, locale)}
                </Body1>
              </div>
            ))}
          </figure>
          {activity.channelPosts !== null && activity.channelReplies !== null ? (
            <Caption1>
              {fill(text.postsAndReplies, {
                posts: formatCount(activity.channelPosts, locale),
                replies: formatCount(activity.channelReplies, locale),
              })}
            </Caption1>
          ) : null}
          {share ? <Body1 as="p">{share}</Body1> : null}
          {activity.reason ? <Caption1>{activity.reason}</Caption1> : null}
        </>
      ) : (
        <MessageBar intent="info" layout="multiline" data-testid="me-activity-unavailable">
          <MessageBarBody>{activity.reason ?? text.unavailable}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1 data-testid="me-data-as-of">
        {activity.reportRefreshDate
          ? fill(text.dataAsOf, { date: formatReportDate(activity.reportRefreshDate, locale) })
          : text.noDate}
      </Caption1>
      <Caption1 className={styles.note}>{text.note}</Caption1>
    </section>
  );
}
