import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import type { PulseView } from '@learnfit/core';
import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { messageForError } from '../../messages/problem-messages';
import { formatTime } from '../../messages/format-when';
import { fill, strings } from '../../messages/strings';
import {
  clearStoredDraft,
  draftStorageKey,
  isAnswered,
  readStoredDraft,
  startingDraft,
  type PulseDraft,
} from './pulse-draft';
import { PulseQuestionFieldset, questionElementId } from './PulseQuestions';
import { usePulsePageStyles } from './PulsePage.styles';
import { usePulseAutosave, type SaveStatus } from './use-pulse-autosave';

const text = strings.pulse;

/** The answers to start from: the API's draft or answer, or this browser's newer unsent draft. */
function startingPoint(view: PulseView, storageKey: string): { draft: PulseDraft; restored: boolean } {
  const start = startingDraft(view, readStoredDraft(storageKey));
  if (start.stale) clearStoredDraft(storageKey);
  return start;
}

function statusText(status: SaveStatus, locale: string | undefined): string {
  switch (status.kind) {
    case 'idle':
      return text.status.idle;
    case 'restored':
      return text.status.restored;
    case 'saving':
      return text.status.saving;
    case 'draftSaved':
      return fill(text.status.draftSavedAt, { time: formatTime(status.at, locale) });
    case 'saved':
      return fill(text.status.savedAt, { time: formatTime(status.at, locale) });
    case 'retrying':
      return text.status.retrying;
    case 'failed':
      return fill(text.status.failed, { reason: messageForError(status.error).title + '.' });
    case 'closed':
      return text.status.closed;
  }
}

/** Timing of the autosave; tests shorten it. */
export interface PulseFormTiming {
  readonly debounceMs?: number;
  readonly retryBaseMs?: number;
}

/** The four questions, saved as the person answers, with progress and Finish. */
export function PulseForm({
  view,
  waveId,
  userId,
  locale,
  timing = {},
  onFinished,
}: {
  view: PulseView;
  waveId: string;
  userId: string;
  locale?: string | undefined;
  timing?: PulseFormTiming;
  onFinished: () => void;
}) {
  const styles = usePulsePageStyles();
  const client = useApiClient();
  const storageKey = draftStorageKey(userId, waveId);
  const [start] = useState(() => startingPoint(view, storageKey));
  const { draft, status, update, flush } = usePulseAutosave({
    client,
    initiativeId: view.initiativeId,
    waveId,
    storageKey,
    initialDraft: start.draft,
    restored: start.restored,
    ...timing,
  });
  const [showMissing, setShowMissing] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const missingRef = useRef<HTMLDivElement>(null);
  const questions = view.questions;
  const missing = questions
    .map((question, index) => ({ question, number: index + 1 }))
    .filter(({ question }) => !isAnswered(question, draft));
  const answered = questions.length - missing.length;

  useEffect(() => {
    if (showMissing && missing.length > 0) missingRef.current?.focus();
    // Focus moves to the list only when Finish reveals it, not on every answer afterwards.
  }, [showMissing]);

  const finish = async () => {
    if (missing.length > 0) {
      setShowMissing(true);
      missingRef.current?.focus();
      return;
    }
    setFinishing(true);
    const saved = await flush();
    setFinishing(false);
    if (saved) onFinished();
  };

  const focusQuestion = (id: string) => {
    document.getElementById(id)?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus();
  };

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void finish();
      }}
    >
      <div className={styles.progress}>
        <Text weight="semibold" data-testid="pulse-progress">
          {fill(text.progress, { answered, total: questions.length })}
        </Text>
        <ProgressBar value={answered / Math.max(questions.length, 1)} aria-hidden />
      </div>
      {questions.map((question, index) => (
        <PulseQuestionFieldset
          key={question.id}
          question={question}
          number={index + 1}
          total={questions.length}
          draft={draft}
          onChange={update}
        />
      ))}
      {showMissing && missing.length > 0 ? (
        <div ref={missingRef} tabIndex={-1} data-testid="pulse-missing">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{text.missingTitle}</MessageBarTitle>
              <ul className={styles.missingList}>
                {missing.map(({ question, number }) => (
                  <li key={question.id}>
                    <Link
                      as="button"
                      type="button"
                      onClick={() => focusQuestion(questionElementId(question))}
                    >
                      {fill(text.missingItem, { number, text: question.text })}
                    </Link>
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        </div>
      ) : null}
      <div className={styles.footer}>
        <Button appearance="primary" type="submit" disabledFocusable={finishing}>
          {finishing ? text.finishing : text.finish}
        </Button>
        <Text role="status" aria-live="polite" data-testid="pulse-save-status" data-status={status.kind}>
          {statusText(status, locale)}
        </Text>
      </div>
    </form>
  );
}
