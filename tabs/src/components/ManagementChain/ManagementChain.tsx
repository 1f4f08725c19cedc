import { Body1, Caption1, Subtitle2 } from '@fluentui/react-components';
import type { ManagerLink } from '@learnfit/core';
import { useManagementChainStyles } from './ManagementChain.styles';

function levelName(level: number): string {
  return level === 1 ? 'Level 1 · direct manager' : `Level ${level}`;
}

/** The managers above the person, nearest first, as a small vertical chain (up to three levels). */
export function ManagementChain({ chain }: { chain: readonly ManagerLink[] }) {
  const styles = useManagementChainStyles();
  const ordered = [...chain].sort((a, b) => a.level - b.level);
  return (
    <section className={styles.root} aria-labelledby="chain-heading">
      <Subtitle2 as="h2" id="chain-heading">
        Your management chain
      </Subtitle2>
      {ordered.length === 0 ? (
        <Body1 as="p" data-testid="me-chain">
          No manager is recorded for you in your organisation&apos;s directory.
        </Body1>
      ) : (
        <ol className={styles.list} data-testid="me-chain">
          {ordered.map((manager) => (
            <li key={manager.id} className={styles.item}>
              <span className={styles.marker} aria-hidden />
              <div className={styles.text}>
                <Caption1>{levelName(manager.level)}</Caption1>
                <Body1>{manager.displayName}</Body1>
                {manager.jobTitle ? <Caption1 className={styles.job}>{manager.jobTitle}</Caption1> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
