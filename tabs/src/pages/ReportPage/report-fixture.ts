import { workflowReportSchema, type WorkflowReport } from '@learnfit/core';

const rhythm = { daily: 0.2, weekly: 0.6, biweekly: 0.7, monthly: 0.8 };

function mode(
  name: string,
  weeklyUsers: number | null,
  averageWeekActive: number | null,
  medianPerActiveWeek: number | null,
  measurable = true,
) {
  return {
    mode: name,
    measurable,
    signals: [],
    weeklyUsers,
    averageWeekActive,
    medianPerActiveWeek,
    rhythmMatch: rhythm,
  };
}

/** A manager's org report held against a design: 42 people, one feature's figures hidden, one unmeasurable. */
export const reportFixture: WorkflowReport = workflowReportSchema.parse({
  scope: 'my-org',
  title: 'Workflow fit of your org: Sales onboarding',
  initiative: { id: 'i-1', name: 'Sales onboarding' },
  snapshot: {
    id: 's-1',
    kind: 'adhoc',
    dataAsOf: '2026-11-28T00:00:00.000Z',
    weeks: 12,
    people: 400,
    source: 'collection',
  },
  k: 5,
  groupSize: 42,
  withheld: null,
  workflowFit: {
    diagnostic: 'workflowFit',
    headline: { label: 'Workflow fit', value: 61.4, unit: 'of 100' },
    data: {
      groupSize: 42,
      overallScore: 61.4,
      featureFitMean: 58.2,
      modeMixDistance: 0.31,
      modeMix: [{ mode: 'channelPosts', design: 0.5, observed: 0.2 }],
      unmeasuredDesignShare: 0.33,
      modes: [
        mode('channelPosts', 0.64, 0.41, 3),
        mode('chat', 0.93, 0.88, 41.5),
        mode('engage', null, null, null),
        mode('externalLms', null, null, null, false),
      ],
      features: [
        {
          featureId: 'f-1',
          name: 'Weekly Q&A thread',
          mode: 'channelPosts',
          cadence: 'weekly',
          synchronous: false,
          measurable: true,
          adoption: 0.64,
          intensity: 0.5,
          timing: null,
          cadenceMatch: 0.6,
          score: 72,
          outsideCurrentWork: false,
        },
        {
          featureId: 'f-2',
          name: 'Engage community',
          mode: 'engage',
          cadence: 'weekly',
          synchronous: false,
          measurable: true,
          adoption: null,
          intensity: null,
          timing: null,
          cadenceMatch: null,
          score: null,
          outsideCurrentWork: true,
        },
        {
          featureId: 'f-3',
          name: 'LMS module',
          mode: 'externalLms',
          cadence: 'once',
          synchronous: false,
          measurable: false,
          adoption: null,
          intensity: null,
          timing: null,
          cadenceMatch: null,
          score: null,
          outsideCurrentWork: true,
        },
      ],
      outsideCurrentWork: ['f-2', 'f-3'],
      heatmap: { values: [], peopleWithData: 42, suppressedBins: 0 },
      recommendations: [
        {
          featureId: 'f-2',
          code: 'move-mode',
          text: 'Run the community in the Teams channel where 64% already post weekly.',
          evidence: [],
        },
      ],
      method: {
        featureWeights: { adoption: 0.4, intensity: 0.2, timing: 0.2, cadence: 0.2 },
        featureFitWeight: 0.7,
        distance: 'total-variation',
      },
    },
    findings: [
      {
        code: 'workflow-fit.score',
        severity: 'warning',
        text: 'The design fits the way your org works moderately well (61 of 100).',
        evidence: [],
      },
    ],
    coverage: {
      sources: [
        { source: 'channelMessages', status: 'complete', coveredPeople: 42, detail: null },
        { source: 'engageActivityReport', status: 'concealed', coveredPeople: 0, detail: null },
      ],
      missing: [],
      confidence: 'medium',
      note: 'Viva Engage names are concealed in usage reports.',
    },
    suppressedCells: 4,
  },
  cells: [],
});

/** The same org, under the tenant's k: withheld as a whole. */
export const withheldFixture: WorkflowReport = workflowReportSchema.parse({
  ...reportFixture,
  initiative: null,
  groupSize: null,
  k: 7,
  withheld: { reason: 'group-too-small', message: 'fewer than 7 people' },
  workflowFit: null,
});
