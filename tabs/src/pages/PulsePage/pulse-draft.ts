import {
  pulseAnswerSchema,
  type AttributeName,
  type PulseAnswer,
  type PulseAnswerDraft,
  type PulseQuestion,
  type PulseView,
  type WorkMode,
} from '@learnfit/core';

/**
 * The answers given so far, possibly incomplete: sent as the API's draft until it parses as a complete
 * answer, then as the answer.
 */
export interface PulseDraft {
  readonly currentModes: Readonly<PulseAnswer['currentModes']>;
  readonly preferredModes: readonly WorkMode[];
  readonly expectedHelp: number | null;
  readonly selfAssessment: Readonly<Partial<Record<AttributeName, number>>>;
}

/** Nothing answered yet. */
export const emptyDraft: PulseDraft = {
  currentModes: {},
  preferredModes: [],
  expectedHelp: null,
  selfAssessment: {},
};

/** A stored answer as a draft, to edit it. */
export function draftFromAnswer(answer: PulseAnswer): PulseDraft {
  return {
    currentModes: { ...answer.currentModes },
    preferredModes: [...answer.preferredModes],
    expectedHelp: answer.expectedHelp,
    selfAssessment: { ...answer.selfAssessment },
  };
}

/** A draft saved with the API, as the form's draft. */
export function draftFromSaved(saved: PulseAnswerDraft): PulseDraft {
  const selfAssessment: Partial<Record<AttributeName, number>> = {};
  for (const [name, value] of Object.entries(saved.selfAssessment ?? {}))
    if (typeof value === 'number') selfAssessment[name as AttributeName] = value;
  return {
    currentModes: { ...saved.currentModes },
    preferredModes: [...(saved.preferredModes ?? [])],
    expectedHelp: saved.expectedHelp ?? null,
    selfAssessment,
  };
}

/** The form's draft as the API's draft body: only what has an answer. */
export function savedFromDraft(draft: PulseDraft): PulseAnswerDraft {
  return {
    ...(Object.keys(draft.currentModes).length > 0 ? { currentModes: { ...draft.currentModes } } : {}),
    ...(draft.preferredModes.length > 0 ? { preferredModes: [...draft.preferredModes] } : {}),
    ...(draft.expectedHelp !== null ? { expectedHelp: draft.expectedHelp } : {}),
    ...(Object.keys(draft.selfAssessment).length > 0 ? { selfAssessment: { ...draft.selfAssessment } } : {}),
  };
}

/** The draft as the API's answer, or null while the API would reject it as incomplete. */
export function answerFromDraft(draft: PulseDraft): PulseAnswer | null {
  const parsed = pulseAnswerSchema.safeParse(draft);
  return parsed.success ? parsed.data : null;
}

/** Whether the person has answered this question in full. */
export function isAnswered(question: PulseQuestion, draft: PulseDraft): boolean {
  switch (question.kind) {
    case 'frequencyGrid':
      return question.rows.every((row) => draft.currentModes[row.value] !== undefined);
    case 'choice':
      return draft.preferredModes.length >= question.minChoices;
    case 'rating':
      return draft.expectedHelp !== null;
    case 'ratingGrid':
      return question.rows.every((row) => draft.selfAssessment[row.value] !== undefined);
  }
}

/** Two drafts with the same answers (key order aside). */
export function sameDraft(a: PulseDraft, b: PulseDraft): boolean {
  const canonical = (draft: PulseDraft): string =>
    JSON.stringify([
      Object.entries(draft.currentModes).sort(),
      [...draft.preferredModes],
      draft.expectedHelp,
      Object.entries(draft.selfAssessment).sort(),
    ]);
  return canonical(a) === canonical(b);
}

/** A draft kept in the browser until the API has acknowledged it. */
export interface StoredDraft {
  readonly draft: PulseDraft;
  /** When the person last changed it (ms since the epoch). */
  readonly editedAt: number;
}

/** Where one person's draft for one wave is kept, so two people on one browser never see each other's. */
export function draftStorageKey(userId: string, waveId: string): string {
  return `learnfit.pulse-draft.v1.${userId}.${waveId}`;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage can be blocked (privacy settings, some embedded frames); answers then live in memory only.
    return null;
  }
}

/** Reads a kept draft; anything unreadable counts as none. */
export function readStoredDraft(key: string): StoredDraft | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredDraft> & { draft?: Partial<PulseDraft> };
    if (typeof value.editedAt !== 'number' || typeof value.draft !== 'object' || value.draft === null)
      return null;
    const draft = value.draft;
    return {
      editedAt: value.editedAt,
      draft: {
        currentModes: typeof draft.currentModes === 'object' && draft.currentModes ? draft.currentModes : {},
        preferredModes: Array.isArray(draft.preferredModes) ? draft.preferredModes : [],
        expectedHelp: typeof draft.expectedHelp === 'number' ? draft.expectedHelp : null,
        selfAssessment:
          typeof draft.selfAssessment === 'object' && draft.selfAssessment ? draft.selfAssessment : {},
      },
    };
  } catch {
    return null;
  }
}

/** Keeps a draft until the API acknowledges it. */
export function writeStoredDraft(key: string, value: StoredDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // A full or blocked storage loses only the offline copy; the in-memory draft is still sent.
  }
}

/** Forgets a draft once the API has it. */
export function clearStoredDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: the entry is gone or storage is unavailable.
  }
}

const timeOf = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/**
 * Where the form starts: the newest of the API's draft, the API's answer and this browser's unsent
 * draft. The browser's copy wins only when it was changed after the API last saved anything, and is then
 * sent (`restored`); otherwise it is stale and dropped. The whole newest draft wins: mixing fields of two
 * would bring back answers the person had cleared.
 */
export function startingDraft(
  view: Pick<PulseView, 'myAnswer' | 'myAnswerUpdatedAt' | 'myDraft' | 'myDraftUpdatedAt'>,
  kept: StoredDraft | null,
): { draft: PulseDraft; restored: boolean; stale: boolean } {
  const answerAt = timeOf(view.myAnswerUpdatedAt);
  const draftAt = timeOf(view.myDraftUpdatedAt);
  const server =
    view.myDraft && draftAt !== null && (answerAt === null || draftAt >= answerAt)
      ? { draft: draftFromSaved(view.myDraft), at: draftAt }
      : view.myAnswer && answerAt !== null
        ? { draft: draftFromAnswer(view.myAnswer), at: answerAt }
        : null;
  if (kept && (server === null || kept.editedAt > server.at))
    return { draft: kept.draft, restored: true, stale: false };
  return { draft: server?.draft ?? emptyDraft, restored: false, stale: kept !== null };
}
