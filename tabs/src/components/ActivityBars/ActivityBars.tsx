import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import type { MyActivity } from '@learnfit/core';
import { formatCount, formatReportDate } from '../../messages/format';
import { useActivityBarsStyles } from './ActivityBars.styles';

function describeCount(value: number | null, locale: string | undefined): string {
  return value === null ? 'not reported' : formatCount(value, locale);
}

function openShareSentence(channel: number | null, chat: number | null): string | null {
  if (channel === null || chat === null) return null;
  const total = channel + chat;
  if (total === 0) return 'You sent no Teams messages in this period.';
  const share = Math.round((channel / total) * 100);
  return `${share}% of your Teams messages were in channels, where colleagues can see and build on them.`;
}

/** Channel versus chat message counts over 30 days as two labelled bars, with the report date. */
export function ActivityBars({ activity, locale }: { activity: MyActivity; locale?: string | undefined }) {
  const styles = useActivityBarsStyles();
  const { channelMessages: channel, chatMessages: chat } = activity;
  const max = Math.max(channel ?? 0, chat ?? 0, 1);
  const rows = [
    { key: 'channel', label: 'In channels', value: channel, testId: 'me-channel-count' },
    { key: 'chat', label: 'In chats', value: chat, testId: 'me-chat-count' },
  ] as const;
  const summary = `Teams messages in the last 30 days: ${describeCount(channel, locale)} in channels, ${describeCount(chat, locale)} in chats.`;
  const share = openShareSentence(channel, chat);

  return (
    <section className={styles.root} aria-labelledby="activity-heading">
      <Subtitle2 as="h2" id="activity-heading">
        Where you write in Teams (last 30 days)
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
              Channel messages: {formatCount(activity.channelPosts, locale)} new posts and{' '}
              {formatCount(activity.channelReplies, locale)} replies.
            </Caption1>
          ) : null}
          {share ? <Body1 as="p">{share}</Body1> : null}
          {activity.reason ? <Caption1>{activity.reason}</Caption1> : null}
        </>
      ) : (
        <MessageBar intent="info" layout="multiline" data-testid="me-activity-unavailable">
          <MessageBarBody>
            {activity.reason ?? 'Your activity report is not available at the moment.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 data-testid="me-data-as-of">
        {activity.reportRefreshDate
          ? `Data as of ${formatReportDate(activity.reportRefreshDate, locale)}.`
          : 'No report date available.'}
      </Caption1>
      <Caption1 className={styles.note}>
        These counts come from the Microsoft 365 Teams usage report, which runs about two days behind. They
        are unavailable when your admin conceals user details in usage reports or LearnFit has not been
        granted permission to read reports. LearnFit counts messages; it never reads what they say.
      </Caption1>
    </section>
  );
}
