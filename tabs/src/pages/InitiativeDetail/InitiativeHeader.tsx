import { Badge, Body1, Button, Link, MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import type { InitiativeDetail } from '@learnfit/core';
import { strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';
import { statusColor } from '../InitiativesPage/InitiativeList';
import { ArchiveButton } from './ArchiveButton';
import { useInitiativeDetailStyles } from './InitiativeDetail.styles';

const s = strings.initiatives;

/** Name, status and goal of an initiative; the back link and "Edit design" where they make sense. */
export function InitiativeHeader({
  initiative,
  canEdit,
  showBack = true,
  onArchived,
}: {
  initiative: InitiativeDetail;
  canEdit: boolean;
  showBack?: boolean;
  /** Offers "Archive" to an editor; called with the archived initiative. */
  onArchived?: (archived: InitiativeDetail) => void;
}) {
  const styles = useInitiativeDetailStyles();
  const archived = initiative.status === 'archived';
  return (
    <header className={styles.header} data-testid="initiative-header">
      {showBack ? <Link href={hrefFor('initiatives')}>{s.backToList}</Link> : null}
      <div className={styles.titleRow}>
        <Title2 as="h1" className={styles.heading}>
          {initiative.name}
        </Title2>
        <Badge appearance="tint" color={statusColor(initiative.status)} data-testid="initiative-status">
          {s.status[initiative.status]}
        </Badge>
        {canEdit && !archived ? (
          <Button as="a" href={hrefFor('initiatives', [initiative.id, 'edit'])}>
            {s.editDesign}
          </Button>
        ) : null}
        {canEdit && !archived && onArchived ? (
          <ArchiveButton initiative={initiative} onArchived={onArchived} />
        ) : null}
      </div>
      <Body1 as="p" className={initiative.goal ? undefined : styles.muted}>
        {initiative.goal || s.noGoal}
      </Body1>
      {archived ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.archivedNote}</MessageBarBody>
        </MessageBar>
      ) : null}
    </header>
  );
}
