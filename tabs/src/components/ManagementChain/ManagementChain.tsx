import { Body1, Caption1, Subtitle2 } from '@fluentui/react-components';
import type { ManagerLink } from '@learnfit/core';
import { fill, strings } from '../../messages/strings';
import { useManagementChainStyles } from './ManagementChain.styles';

const text = strings.home.chain;

function levelName(level: number): string {
  return level === 1 ? text.directManager : fill(text.level, { level });
}

/** The managers above the person, nearest first, as a small vertical chain (up to three levels). */
export function ManagementChain({ chain }: { chain: readonly ManagerLink[] }) {
  const styles = useManagementChainStyles();
  const ordered = [...chain].sort((a, b) => a.level - b.level);
  return (
    <section className={styles.root} aria-labelledby="chain-heading">
      <Subtitle2 as="h2" id="chain-heading">
        {text.heading}
      </Subtitle2>
      {ordered.length === 0 ? (
        <Body1 as="p" data-testid="me-chain">
          {text.none}
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
