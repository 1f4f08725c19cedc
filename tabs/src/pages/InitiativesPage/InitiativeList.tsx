import { Badge, Body1, Button, Caption1, Card, Link, Subtitle2, Title2 } from '@fluentui/react-components';
import type { InitiativeSummary } from '@learnfit/core';
import { creatorAccess, useInitiatives, type CreatorAccess } from '../../api/initiatives';
import { useMe } from '../../api/use-me';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { formatCount, formatReportDate } from '../../messages/format';
import { fill, strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import { useInitiativesPageStyles } from './InitiativesPage.styles';
import { PageSkeleton } from './PageSkeleton';

const s = strings.initiatives;

/** The colour of a status badge; archived initiatives recede. */
export function statusColor(status: InitiativeSummary['status']): 'brand' | 'informative' | 'subtle' {
  return status === 'active' ? 'brand' : status === 'draft' ? 'informative' : 'subtle';
}

function InitiativeCard({ item, locale }: { item: InitiativeSummary; locale?: string | undefined }) {
  const styles = useInitiativesPageStyles();
  return (
    <li>
      <Card className={styles.card}>
        <div className={styles.itemTitle}>
          <Subtitle2 as="h2" className={styles.heading}>
            <Link href={hrefFor('initiatives', [item.id])}>{item.name}</Link>
          </Subtitle2>
          <Badge appearance="tint" color={statusColor(item.status)}>
            {s.status[item.status]}
          </Badge>
        </div>
        <Body1 as="p">{item.goal || s.noGoal}</Body1>
        <Caption1 className={styles.muted}>
          {item.targetGroupSize > 0
            ? fill(s.targetGroupSize, { count: formatCount(item.targetGroupSize, locale) })
            : s.targetGroupSizeUnknown}
          {' · '}
          {fill(s.createdOn, { date: formatReportDate(item.createdAt, locale) })}
        </Caption1>
      </Card>
    </li>
  );
}

function NewButton({ access }: { access: CreatorAccess }) {
  if (access === 'no') return null;
  return (
    <Button as="a" appearance="primary" href={hrefFor('initiatives', ['new'])}>
      {s.newInitiative}
    </Button>
  );
}

/** The tenant's initiatives, with "New initiative" for those who may create one and an empty state that says what next. */
export function InitiativeList({ locale }: { locale?: string | undefined }) {
  const styles = useInitiativesPageStyles();
  const { state, retry } = useInitiatives();
  const me = useMe().state;
  const access: CreatorAccess = me.status === 'ready' ? creatorAccess(me.me.roles) : 'no';

  if (state.status === 'loading') return <PageSkeleton name="initiatives" label={s.loading} />;
  const items = state.status === 'ready' ? state.data : [];
  const dataState = state.status === 'failed' ? 'error' : items.length === 0 ? 'empty' : 'ready';
  return (
    <article className={styles.root} data-testid="page-initiatives" data-state={dataState}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.heading}>
          {s.title}
        </Title2>
        <NewButton access={access} />
      </header>
      <Body1 as="p">{s.intro}</Body1>
      {access === 'maybe' ? <Caption1 className={styles.muted}>{s.managerMaybe}</Caption1> : null}
      {state.status === 'failed' ? <ErrorPanel error={state.error} onRetry={retry} /> : null}
      {dataState === 'empty' ? (
        <Card className={styles.card} data-testid="initiatives-empty">
          <Subtitle2 as="h2" className={styles.heading}>
            {s.emptyTitle}
          </Subtitle2>
          <Body1 as="p">{access === 'no' ? s.emptyAsk : s.emptyCreate}</Body1>
          {access === 'no' ? null : (
            <div>
              <NewButton access={access} />
            </div>
          )}
        </Card>
      ) : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-label={s.listLabel}>
          {items.map((item) => (
            <InitiativeCard key={item.id} item={item} locale={locale} />
          ))}
        </ul>
      ) : null}
    </article>
  );
}
