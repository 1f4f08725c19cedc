import { Body1, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import type { PostsState } from '../../../api/change-plan-posts';
import { ErrorPanel } from '../../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../../messages/strings';
import { useViewStyles } from '../view-styles';

const t = strings.diagnostics.changePlan;

function postedDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The cards already posted, newest first, with their "I'm in" and "Not for me" counts. */
export function PostedCards({ state, onRetry }: { state: PostsState; onRetry: () => void }) {
  const styles = useViewStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={`${id}-posted`} data-testid="posted-cards">
      <Subtitle2 as="h4" id={`${id}-posted`}>
        {t.postedHeading}
      </Subtitle2>
      {state.status === 'loading' ? <Spinner size="tiny" label={strings.common.loading} /> : null}
      {state.status === 'unavailable' ? <Body1>{t.postedUnavailable}</Body1> : null}
      {state.status === 'failed' ? <ErrorPanel error={state.error} onRetry={onRetry} /> : null}
      {state.status === 'ready' && state.posts.length === 0 ? <Body1>{t.postedNone}</Body1> : null}
      {state.status === 'ready' && state.posts.length > 0 ? (
        <ul className={styles.list}>
          {[...state.posts]
            .sort((a, b) => b.postedAt.localeCompare(a.postedAt))
            .map((post) => (
              <li key={post.id} data-post={post.id}>
                <Body1>
                  <strong>{post.audience}</strong> · {fill(t.postedAt, { date: postedDate(post.postedAt) })} ·{' '}
                  {fill(t.counts, { in: post.counts.in, notForMe: post.counts.notForMe })}
                </Body1>
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}
