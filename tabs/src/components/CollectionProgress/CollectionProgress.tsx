import type { CollectionRun } from '@learnfit/core';
import { Body1, Caption1, Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useCollectionRun, type FollowTiming, type RunTransport } from '../../api/use-collection-run';
import { fill, strings } from '../../messages/strings';
import { useCollectionProgressStyles } from './CollectionProgress.styles';
import { fractionDone, phaseLabel, phaseOf, stepsText, timeLeftText, waitingText } from './progress-format';

const s = strings.progress;

/** The clock, ticking every `everyMs` while `ticking` (a wait counts down with no update from the server). */
function useNow(ticking: boolean, everyMs = 10_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [ticking, everyMs]);
  return now;
}

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
  const now = useNow(run.state === 'running' && run.progress?.waitingUntil !== undefined);
  const timeLeft = timeLeftText(run, now);
  const waiting = waitingText(run, now);
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
        {waiting ? (
          <Caption1 data-testid="collection-waiting" className={styles.waiting}>
            {waiting}
          </Caption1>
        ) : null}
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
