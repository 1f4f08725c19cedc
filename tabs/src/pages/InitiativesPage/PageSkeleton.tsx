import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import { useInitiativesPageStyles } from './InitiativesPage.styles';

/** A page root in its loading state: the `page-<name>` contract holds while code or data is on its way. */
export function PageSkeleton({ name, label }: { name: string; label: string }) {
  const styles = useInitiativesPageStyles();
  return (
    <article className={styles.root} data-testid={`page-${name}`} data-state="loading" aria-busy="true">
      <Skeleton aria-label={label} className={styles.skeleton}>
        <SkeletonItem size={32} className={styles.skeletonTitle} />
        <SkeletonItem size={16} />
        <SkeletonItem size={72} />
        <SkeletonItem size={72} />
      </Skeleton>
    </article>
  );
}
