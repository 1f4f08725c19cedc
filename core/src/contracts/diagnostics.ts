// The answer of `GET /api/initiatives/:id/diagnostics`: the five diagnostics as the API releases them.
// The schemas mirror the result types in `diagnostics/*-types.ts` field by field (objects are strict, so
// a field added to a result and not here fails the API tests); the only difference is the leader
// diagnostic's profiles, which leave the API already passed through the privacy guard for the viewer.
import { z } from 'zod';
import { attributeNames } from '../attributes/learns-social';
import { adkarStages, ownerRoles } from '../diagnostics/change-plan-types';
import { segmentDimensions } from '../diagnostics/learners-types';
import { managerFlags } from '../diagnostics/management-types';
import { rhythmCadences } from '../diagnostics/work-modes';
import { cadences, workModes } from '../model/initiative';
import { signalNames } from '../model/signals';
import { dataSources } from '../model/snapshot';
import { adopterCategories } from '../settings/learners';
import { snapshotKinds } from './collection';

/** A read-only list: result types use readonly arrays, so the schema's output must too. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const figure = z.number().nullable();
const count = z.number().int().nonnegative();
const attribute = z.enum(attributeNames);
const mode = z.enum(workModes);
const suppression = z.enum(['below-k', 'complementary']).nullable();
const modeMix = z.partialRecord(mode, z.number()).nullable();

/** A figure behind a finding; `value` is null when withheld (then `n` may be under k). */
export const evidenceSchema = z.strictObject({
  label: z.string(),
  value: figure,
  unit: z.string(),
  n: count,
  from: list(z.string()),
});

/** A plain-language statement with its evidence. */
export const findingSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(['positive', 'info', 'warning', 'critical']),
  text: z.string(),
  evidence: list(evidenceSchema),
});

const sourceCoverageSchema = z.strictObject({
  source: z.enum(dataSources),
  status: z.enum(['complete', 'partial', 'missing', 'concealed']),
  coveredPeople: count,
  detail: z.string().nullable(),
});

/** Which sources a result rests on and how gaps lower confidence. */
export const resultCoverageSchema = z.strictObject({
  sources: list(sourceCoverageSchema),
  missing: list(z.enum(dataSources)),
  confidence: z.enum(['high', 'medium', 'low']),
  note: z.string(),
});

/** The envelope every diagnostic's result shares. */
function resultSchema<Name extends string, Data extends z.ZodType>(name: Name, data: Data) {
  return z.strictObject({
    diagnostic: z.literal(name),
    headline: z.strictObject({ label: z.string(), value: figure, unit: z.string() }),
    data,
    findings: list(findingSchema),
    coverage: resultCoverageSchema,
    suppressedCells: count,
  });
}

// ---- 1. Leaders ----

const scoresShape = {
  participatory: figure,
  timely: figure,
  transparent: figure,
  current: figure,
  attributesMet: count,
  learnsSocial: z.boolean(),
};

/** A design-team member's own profile, shown only to them or, with their opt-in, to their team. */
export const releasedLeaderProfileSchema = z.strictObject({
  /** The member's user id (they are named in the initiative's design); null if it cannot be mapped back. */
  userId: z.string().nullable(),
  /** True when the viewer is the owner. */
  own: z.boolean(),
  ...scoresShape,
  selfAssessment: z.record(attribute, z.number()).nullable(),
});

/** What the leader diagnostic releases to the viewer. */
export const leadersViewSchema = resultSchema(
  'leaders',
  z.strictObject({
    teamSize: count,
    notInSnapshot: count,
    learnSocial: figure,
    shareLearnSocial: figure,
    learnersShareLearnSocial: figure,
    attributes: list(
      z.strictObject({
        attribute,
        leadersMeetingBar: figure,
        leadersShareMeetingBar: figure,
        leadersMedian: figure,
        learnersShareMeetingBar: figure,
        learnersMedian: figure,
        leadersSelfScore: figure,
        selfMinusObserved: figure,
      }),
    ),
    channelContrast: z.strictObject({
      leadersPerPersonWeek: figure,
      learnersPerPersonWeek: figure,
      ratio: figure,
    }),
    respondents: figure,
    /** Profiles the viewer may see: their own, and those their teammates chose to share. */
    profiles: list(releasedLeaderProfileSchema),
    /** Profiles of the design team the viewer may not see. */
    profilesWithheld: count,
  }),
);

// ---- 2. Learners ----

const segmentSchema = z.strictObject({
  dimension: z.enum(segmentDimensions),
  value: z.string(),
  size: figure,
  shareLearningSocial: figure,
  dominantMode: mode.nullable(),
  modeMix,
  suppressed: suppression,
});

const intervalSchema = z.strictObject({ estimate: z.number(), low: z.number(), high: z.number() });

const kpiResultSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kirkpatrickLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  unit: z.string(),
  direction: z.enum(['increase', 'decrease']),
  source: z.enum(['graph', 'entered']),
  status: z.enum(['ok', 'too-small', 'withheld', 'no-data']),
  baseline: z.strictObject({ n: count, mean: figure }),
  followUp: z.strictObject({ n: count, mean: figure }),
  difference: intervalSchema.nullable(),
  hedgesG: intervalSchema.nullable(),
  magnitude: z.enum(['negligible', 'small', 'medium-or-larger']).nullable(),
  improved: z.boolean().nullable(),
  differenceInDifferences: intervalSchema.nullable(),
  intervalMethod: z.enum(['percentile-bootstrap', 'normal-approximation']).nullable(),
});

/**
 * "I'm in" / "Not for me" answers to posted change-plan cards, summed over the released (k-suppressed)
 * per-post counts only; `withheldPosts` posts had a count under k left out. Added by the API from the
 * bot's store; absent when nothing was posted.
 */
export const acknowledgementSummarySchema = z.strictObject({
  posts: count,
  in: count,
  notForMe: count,
  withheldPosts: count,
});

/** The learner diagnostic's result. */
export const learnersResultSchema = resultSchema(
  'learners',
  z.strictObject({
    groupSize: count,
    notInSnapshot: count,
    learnsSocial: figure,
    shareLearningSocial: figure,
    attributesRequired: count,
    distributions: list(
      z.strictObject({
        attribute,
        scored: figure,
        meetingBar: figure,
        shareMeetingBar: figure,
        p25: figure,
        median: figure,
        p75: figure,
        mean: figure,
        histogram: list(z.strictObject({ from: z.number(), to: z.number(), count: figure })),
      }),
    ),
    modeMix,
    dominantMode: mode.nullable(),
    segments: z.strictObject({
      department: list(segmentSchema),
      location: list(segmentSchema),
      role: list(segmentSchema),
    }),
    adopters: z.strictObject({
      habitFormed: figure,
      medianHabitWeek: figure,
      cumulativeShareByWeek: list(figure),
      categories: list(
        z.strictObject({
          category: z.enum(adopterCategories),
          count: figure,
          share: figure,
          rogersShare: z.number(),
        }),
      ),
    }),
    pulse: z.strictObject({
      respondents: figure,
      responseRate: figure,
      attributes: list(
        z.strictObject({
          attribute,
          selfMean: figure,
          selfScore: figure,
          observedScore: figure,
          gap: figure,
        }),
      ),
      expectedHelp: figure,
      preferredModes: modeMix,
    }),
    kpis: list(kpiResultSchema),
    /** Answers to the posted change-plan cards of the initiative (all messages). */
    acknowledgements: acknowledgementSummarySchema.optional(),
  }),
);

// ---- 3. Workflow fit ----

/** The hour-of-week heatmap: 168 bins (Monday 00:00 first), shares of the group, null when withheld. */
export const heatmapSchema = z.strictObject({
  values: list(figure),
  peopleWithData: figure,
  suppressedBins: count,
});

/** The workflow-fit diagnostic's result. */
export const workflowFitResultSchema = resultSchema(
  'workflowFit',
  z.strictObject({
    groupSize: count,
    overallScore: figure,
    featureFitMean: figure,
    modeMixDistance: figure,
    modeMix: list(z.strictObject({ mode, design: z.number(), observed: figure })),
    unmeasuredDesignShare: z.number(),
    modes: list(
      z.strictObject({
        mode,
        measurable: z.boolean(),
        signals: list(z.enum(signalNames)),
        weeklyUsers: figure,
        averageWeekActive: figure,
        medianPerActiveWeek: figure,
        rhythmMatch: z.strictObject(
          Object.fromEntries(rhythmCadences.map((cadence) => [cadence, figure])) as Record<
            (typeof rhythmCadences)[number],
            typeof figure
          >,
        ),
      }),
    ),
    features: list(
      z.strictObject({
        featureId: z.string(),
        name: z.string(),
        mode,
        cadence: z.enum(cadences),
        synchronous: z.boolean(),
        measurable: z.boolean(),
        adoption: figure,
        intensity: figure,
        timing: figure,
        cadenceMatch: figure,
        score: figure,
        outsideCurrentWork: z.boolean(),
      }),
    ),
    outsideCurrentWork: list(z.string()),
    heatmap: heatmapSchema,
    recommendations: list(
      z.strictObject({
        featureId: z.string(),
        code: z.string(),
        text: z.string(),
        evidence: list(evidenceSchema),
      }),
    ),
    method: z.strictObject({
      featureWeights: z.strictObject({
        adoption: z.number(),
        intensity: z.number(),
        timing: z.number(),
        cadence: z.number(),
      }),
      featureFitWeight: z.number(),
      distance: z.literal('total-variation'),
    }),
  }),
);

// ---- 4. Change plan ----

const planChannel = z.enum([...workModes, 'adaptiveCard']);

/** The change plan's result. */
export const changePlanResultSchema = resultSchema(
  'changePlan',
  z.strictObject({
    intensity: z.enum(['light', 'moderate', 'intensive']),
    fitScore: figure,
    cutOffs: z.strictObject({ light: z.number(), moderate: z.number() }),
    announcementChannel: planChannel,
    actions: list(
      z.strictObject({
        id: z.string(),
        adkar: z.enum(adkarStages),
        owner: z.enum(ownerRoles),
        week: z.number().int(),
        date: z.string().nullable(),
        channel: planChannel,
        title: z.string(),
        detail: z.string(),
        featureId: z.string().nullable(),
      }),
    ),
    actionsByStage: z.strictObject(
      Object.fromEntries(adkarStages.map((stage) => [stage, count])) as Record<
        (typeof adkarStages)[number],
        typeof count
      >,
    ),
    messages: list(
      z.strictObject({
        id: z.string(),
        dimension: z.enum([...segmentDimensions, 'group']),
        audience: z.string(),
        size: count,
        currentMode: mode.nullable(),
        shareLearningSocial: figure,
        week: z.number().int(),
        channel: planChannel,
        title: z.string(),
        text: z.string(),
        acknowledge: z.string(),
        /** Answers to the cards posted with this message. */
        acknowledgements: acknowledgementSummarySchema.optional(),
      }),
    ),
    segmentDimension: z.enum(segmentDimensions),
    mergedSegments: count,
    omittedSegments: count,
  }),
);

// ---- 5. Management participation ----

/** The management-participation diagnostic's result. */
export const managementResultSchema = resultSchema(
  'managementParticipation',
  z.strictObject({
    groupSize: count,
    levels: list(
      z.strictObject({
        level: z.number().int().min(1),
        managers: count,
        genuine: figure,
        shareGenuine: figure,
        models: z.boolean().nullable(),
        flags: z.strictObject(
          Object.fromEntries(managerFlags.map((flag) => [flag, figure])) as Record<
            (typeof managerFlags)[number],
            typeof figure
          >,
        ),
        withheld: suppression,
      }),
    ),
    levelsPresent: count,
    levelsModelling: count,
    levelsWithheld: count,
    managersInChain: count,
    genuineInChain: figure,
    shareGenuineInChain: figure,
    adoptionRisk: z.enum(['low', 'moderate', 'high']).nullable(),
    riskBasis: z.enum(['levels', 'pooled']).nullable(),
    timelyAssessed: z.boolean(),
  }),
);

// ---- The answer ----

/** Which snapshot a result was computed from, and whether it is collected or synthetic demo data. */
export const snapshotRefSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(snapshotKinds),
  dataAsOf: z.string(),
  weeks: count,
  people: count,
  /** `demo-seed`: built from the demo tenant at start-up, not collected from Microsoft Graph. */
  source: z.enum(['collection', 'demo-seed']),
});

/** A reference to a snapshot in an answer. */
export type SnapshotRef = z.infer<typeof snapshotRefSchema>;

/** `GET /api/initiatives/:id/diagnostics?snapshotId=`. */
export const diagnosticsQuerySchema = z.object({
  snapshotId: z.string().min(1).max(64).optional(),
});

/** `GET /api/initiatives/:id/diagnostics`: all five diagnostics of one initiative over one snapshot. */
export const diagnosticsResponseSchema = z.strictObject({
  initiative: z.strictObject({ id: z.string(), name: z.string(), updatedAt: z.string() }),
  snapshot: snapshotRefSchema,
  /** The smallest group any released aggregate describes. */
  k: count,
  /** `snapshot`: the target group the collection resolved; `design`: resolved from the design now. */
  targetGroupFrom: z.enum(['snapshot', 'design']),
  results: z.strictObject({
    leaders: leadersViewSchema,
    learners: learnersResultSchema,
    workflowFit: workflowFitResultSchema,
    changePlan: changePlanResultSchema,
    managementParticipation: managementResultSchema,
  }),
});

/** Acknowledgement answers summed over released per-post counts. */
export type AcknowledgementSummary = z.infer<typeof acknowledgementSummarySchema>;
/** The diagnostics answer. */
export type DiagnosticsResponse = z.infer<typeof diagnosticsResponseSchema>;
/** The leader diagnostic as released to one viewer. */
export type LeadersView = z.infer<typeof leadersViewSchema>;
/** A profile released to the viewer. */
export type ReleasedLeaderProfile = z.infer<typeof releasedLeaderProfileSchema>;
