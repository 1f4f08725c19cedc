import type { CollectionRun } from '@learnfit/core';
import { Body1, Caption1, Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import { useCollectionRun, type FollowTiming, type RunTransport } from '../../api/use-collection-run';
import { fill, strings } from '../../messages/strings';
import { useCollectionProgressStyles } from './CollectionProgress.styles';
import { fractionDone, phaseLabel, phaseOf, stepsText, timeLeftText } from './progress-format';

const s = strings.progress;

function finalText(run: CollectionRun): string | null {
  if (run.state === 'failed') return fill(s.failedDetail, { error: run.error ?? s.phases.failed });
  if (run.state === 'cancelled') return s.cancelledDetail;
  if (run.state === 'succeeded') return s.succeededDetail;
  return null;
}

/** A run's phase, a bar (indeterminate until the total is known), steps done and the time left. */
export function CollectionProgressView({ run, transport }: { run: CollectionRun; transport: RunTransport }) {
  const styles = useCollectionProgressStyles();
  const phase = phaseOf(run);
  const fraction = fractionDone(run);
  const steps = stepsText(run);
  const timeLeft = timeLeftText(run);
  const final = finalText(run);
  const intent = run.state === 'failed' ? 'error' : run.state === 'succeeded' ? 'success' : undefined;
  return (
    <section
      className={styles.root}
      data-testid="collection-progress"
      data-phase={phase}
      data-state={run.state}
      aria-label={s.label}
    >
      <Field
        label={<span className={styles.phase}>{phaseLabel(phase)}</span>}
        validationState={run.state === 'failed' ? 'error' : 'none'}
      >
        <ProgressBar
          aria-label={s.label}
          {...(fraction === null ? {} : { value: fraction })}
          {...(intent ? { color: intent } : {})}
          thickness="large"
        />
      </Field>
      <div className={styles.line} role="status" aria-live="polite">
        <Caption1 data-testid="collection-steps">{steps ?? ''}</Caption1>
        <Caption1 data-testid="collection-time-left">{timeLeft ?? ''}</Caption1>
      </div>
      {final ? <Body1 data-testid="collection-final">{final}</Body1> : null}
      {transport === 'polling' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{s.polling}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

/** Follows a run (event stream, polling as fallback) and shows its progress until it finishes. */
export function CollectionProgress({
  run,
  onFinish,
  timing,
}: {
  run: CollectionRun;
  onFinish?: (run: CollectionRun) => void;
  timing?: FollowTiming;
}) {
  const followed = useCollectionRun(run, onFinish, timing);
  return <CollectionProgressView run={followed.run ?? run} transport={followed.transport} />;
}
