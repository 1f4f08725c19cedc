import { Spinner } from '@fluentui/react-components';
import { useLoadingStateStyles } from './LoadingState.styles';

/** A centred spinner with a label saying what is loading. */
export function LoadingState({ label }: { label: string }) {
  const styles = useLoadingStateStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Spinner label={label} />
    </div>
  );
}
