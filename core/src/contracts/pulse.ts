import { z } from 'zod';
import { attributeNames } from '../attributes/learns-social';
import { workModes, type WorkMode } from '../model/initiative';

/** How often someone learned from colleagues in one way, over the last month. */
export const pulseFrequencies = ['never', 'monthly', 'weekly', 'daily'] as const;

/** One answer on the frequency scale. */
export type PulseFrequency = (typeof pulseFrequencies)[number];

/** Most modes a person may pick as preferred: a short list says more than "all of them". */
export const maxPreferredModes = 3;

const rating = z.number().int().min(1).max(5);

const currentModesSchema = z
  .object({
    channelPosts: z.enum(pulseFrequencies).optional(),
    chat: z.enum(pulseFrequencies).optional(),
    meetings: z.enum(pulseFrequencies).optional(),
    calls: z.enum(pulseFrequencies).optional(),
    email: z.enum(pulseFrequencies).optional(),
    engage: z.enum(pulseFrequencies).optional(),
    sharedFiles: z.enum(pulseFrequencies).optional(),
    externalLms: z.enum(pulseFrequencies).optional(),
  })
  .strict();

const distinctModes = (modes: readonly string[]): boolean => new Set(modes).size === modes.length;

/**
 * One person's pulse answer. Only choices and ratings: nothing free-text, so nothing a person writes can
 * end up stored. Modes left out of `currentModes` count as "never".
 */
export const pulseAnswerSchema = z
  .object({
    currentModes: currentModesSchema.default({}),
    preferredModes: z
      .array(z.enum(workModes))
      .min(1)
      .max(maxPreferredModes)
      .refine(distinctModes, { message: 'pick each way once' }),
    expectedHelp: rating,
    selfAssessment: z
      .object({ participatory: rating, timely: rating, transparent: rating, current: rating })
      .strict(),
  })
  .strict();

/** The body of `PUT /api/initiatives/:id/pulse/waves/:waveId/answer`. */
export type PulseAnswer = z.infer<typeof pulseAnswerSchema>;

/**
 * An answer in progress, saved as the person goes: every part optional, each value under the same
 * rules as the answer, nothing free-text. A draft is the person's own: it never counts in any result.
 */
export const pulseDraftSchema = z
  .object({
    currentModes: currentModesSchema.optional(),
    preferredModes: z
      .array(z.enum(workModes))
      .max(maxPreferredModes)
      .refine(distinctModes, { message: 'pick each way once' })
      .optional(),
    expectedHelp: rating.optional(),
    selfAssessment: z
      .object({
        participatory: rating.optional(),
        timely: rating.optional(),
        transparent: rating.optional(),
        current: rating.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The body of `PUT /api/initiatives/:id/pulse/waves/:waveId/draft`. */
export type PulseAnswerDraft = z.infer<typeof pulseDraftSchema>;

const labelled = <T extends z.ZodType>(value: T) => z.object({ value, label: z.string() });
const scaleSchema = z.object({
  min: z.literal(1),
  max: z.literal(5),
  minLabel: z.string(),
  maxLabel: z.string(),
});

/**
 * A pulse question. Its `id` is the key of the answer it fills, so a client can render the list in
 * order and build the answer without knowing the questions in advance.
 */
export const pulseQuestionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('frequencyGrid'),
    id: z.literal('currentModes'),
    text: z.string(),
    rows: z.array(labelled(z.enum(workModes))),
    options: z.array(labelled(z.enum(pulseFrequencies))),
  }),
  z.object({
    kind: z.literal('choice'),
    id: z.literal('preferredModes'),
    text: z.string(),
    minChoices: z.number().int(),
    maxChoices: z.number().int(),
    options: z.array(labelled(z.enum(workModes))),
  }),
  z.object({
    kind: z.literal('rating'),
    id: z.literal('expectedHelp'),
    text: z.string(),
    scale: scaleSchema,
  }),
  z.object({
    kind: z.literal('ratingGrid'),
    id: z.literal('selfAssessment'),
    text: z.string(),
    rows: z.array(labelled(z.enum(attributeNames))),
    scale: scaleSchema,
  }),
]);

/** A pulse question as clients render it. */
export type PulseQuestion = z.infer<typeof pulseQuestionSchema>;

const modeLabels: Record<WorkMode, string> = {
  channelPosts: 'Posts and replies in a Teams channel',
  chat: 'Teams chat',
  meetings: 'Meetings',
  calls: 'Calls',
  email: 'Email',
  engage: 'Viva Engage',
  sharedFiles: 'Shared files and documents',
  externalLms: 'A course or learning platform',
};

const modeOptions = workModes.map((value) => ({ value, label: modeLabels[value] }));

/** The two-minute pulse: four short questions in plain words. */
export const pulseQuestions: readonly PulseQuestion[] = [
  {
    kind: 'frequencyGrid',
    id: 'currentModes',
    text: 'In the last month, how often did you learn something from colleagues in each of these ways?',
    rows: modeOptions,
    options: [
      { value: 'never', label: 'Not at all' },
      { value: 'monthly', label: 'Once or twice' },
      { value: 'weekly', label: 'Most weeks' },
      { value: 'daily', label: 'Most days' },
    ],
  },
  {
    kind: 'choice',
    id: 'preferredModes',
    text: `Which ways would you most like to use to learn from colleagues? Pick up to ${maxPreferredModes}.`,
    minChoices: 1,
    maxChoices: maxPreferredModes,
    options: modeOptions,
  },
  {
    kind: 'rating',
    id: 'expectedHelp',
    text: 'How much would it help you to ask questions and share tips with colleagues as part of this programme?',
    scale: { min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'A great deal' },
  },
  {
    kind: 'ratingGrid',
    id: 'selfAssessment',
    text: 'How well does each sentence describe you?',
    rows: [
      {
        value: 'participatory',
        label: 'I often share what I know, or ask questions, where colleagues can see it.',
      },
      { value: 'timely', label: 'When a colleague asks something I can help with, I reply the same day.' },
      {
        value: 'transparent',
        label: 'I would rather ask or answer in an open channel than in a private chat or email.',
      },
      {
        value: 'current',
        label: 'In the last two weeks I have posted or replied in a channel or on Viva Engage.',
      },
    ],
    scale: { min: 1, max: 5, minLabel: 'Not like me', maxLabel: 'Very like me' },
  },
];

/** Longest a wave may stay open. */
export const maxPulseWaveDays = 90;

/** `POST /api/initiatives/:id/pulse/waves`: open a wave until `closesAt`. */
export const openPulseWaveSchema = z.object({ closesAt: z.iso.datetime({ offset: true }) }).strict();

/** The body that opens a wave. */
export type OpenPulseWave = z.infer<typeof openPulseWaveSchema>;

/** A pulse wave; it is closed once closed by hand or once `closesAt` has passed. */
export const pulseWaveSchema = z.object({
  id: z.string(),
  initiativeId: z.string(),
  state: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
});

/** A pulse wave. */
export type PulseWave = z.infer<typeof pulseWaveSchema>;

/** `GET /api/initiatives/:id/pulse/waves`: the initiative's waves, newest first. */
export const pulseWaveListSchema = z.object({ items: z.array(pulseWaveSchema) });

/** The tenant's privacy settings that apply to pulse answers, so the person reads the real numbers. */
export const pulsePrivacySchema = z.object({
  /** Smallest number of people any pulse figure is shown for. */
  k: z.number().int().positive(),
  /** Days answers and drafts are kept at most. */
  retentionDays: z.number().int().positive(),
});

/**
 * `GET /api/initiatives/:id/pulse`: the questions, the open wave, the caller's own answer and own
 * unfinished draft in it (so another device continues where they left off), and the privacy settings.
 */
export const pulseViewSchema = z.object({
  initiativeId: z.string(),
  questions: z.array(pulseQuestionSchema),
  wave: pulseWaveSchema.nullable(),
  myAnswer: pulseAnswerSchema.nullable(),
  myAnswerUpdatedAt: z.string().nullable(),
  myDraft: pulseDraftSchema.nullable(),
  myDraftUpdatedAt: z.string().nullable(),
  privacy: pulsePrivacySchema,
});

/** What a person sees of a pulse. */
export type PulseView = z.infer<typeof pulseViewSchema>;

/** The answer of `PUT .../answer`: the stored answer. */
export const myPulseAnswerSchema = z.object({
  waveId: z.string(),
  answer: pulseAnswerSchema,
  updatedAt: z.string(),
});

/** The caller's stored answer. */
export type MyPulseAnswer = z.infer<typeof myPulseAnswerSchema>;

/** The answer of `PUT .../draft`: the saved draft. */
export const myPulseDraftSchema = z.object({
  waveId: z.string(),
  draft: pulseDraftSchema,
  updatedAt: z.string(),
});

/** The caller's saved draft. */
export type MyPulseDraft = z.infer<typeof myPulseDraftSchema>;

/** Counts of answers 1…5 (index 0 is the count of 1s). */
const ratingCountsSchema = z.array(z.number().int().nonnegative()).length(5);

/** Aggregates of a wave's answers; there is no per-person row. */
export const pulseFiguresSchema = z.object({
  currentModes: z.object({
    n: z.number().int(),
    rows: z.array(
      z.object({
        mode: z.enum(workModes),
        counts: z.object({
          never: z.number().int(),
          monthly: z.number().int(),
          weekly: z.number().int(),
          daily: z.number().int(),
        }),
      }),
    ),
  }),
  preferredModes: z.object({
    n: z.number().int(),
    options: z.array(z.object({ mode: z.enum(workModes), count: z.number().int(), share: z.number() })),
  }),
  expectedHelp: z.object({ n: z.number().int(), mean: z.number(), counts: ratingCountsSchema }),
  selfAssessment: z.object({
    n: z.number().int(),
    rows: z.array(
      z.object({ attribute: z.enum(attributeNames), mean: z.number(), counts: ratingCountsSchema }),
    ),
  }),
});

/** The released figures of a wave. */
export type PulseFigures = z.infer<typeof pulseFiguresSchema>;

/** Why a wave's figures are not shown. */
export const pulseWithheldReasons = ['below_k', 'wave_open'] as const;

/**
 * `GET .../waves/:waveId/results`: aggregates only. `figures` is null, with the reason, while the wave
 * is open (figures that change with each new answer would let anyone watching tell one person's answer)
 * and when fewer than k people answered.
 */
export const pulseResultsSchema = z.object({
  wave: pulseWaveSchema,
  k: z.number().int(),
  respondents: z.number().int().nullable(),
  withheld: z.object({ reason: z.enum(pulseWithheldReasons), detail: z.string() }).nullable(),
  figures: pulseFiguresSchema.nullable(),
});

/** The results of a wave. */
export type PulseResults = z.infer<typeof pulseResultsSchema>;
