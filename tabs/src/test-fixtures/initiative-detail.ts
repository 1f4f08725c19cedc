import type { InitiativeDetail } from '@learnfit/core';

/** An active initiative `init-1` whose target group is one team, with two features and a KPI. */
export const initiativeFixture: InitiativeDetail = {
  id: 'init-1',
  name: 'Sales onboarding',
  goal: 'New sellers ask peers first',
  status: 'active',
  targetGroupSize: 0,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  design: {
    targetGroup: { kind: 'teams', ids: ['0f8fad5b-d9cb-469f-a165-70867728950e'] },
    designTeam: {
      kind: 'people',
      ids: ['7c9e6679-7425-40de-944b-e07fc1f90ae7', '16fd2706-8baf-433b-82eb-8c7fada847da'],
    },
    comparisonGroup: null,
    features: [
      {
        id: 'peer-qa',
        name: 'Peer Q&A',
        mode: 'channelPosts',
        cadence: 'weekly',
        synchronous: false,
        plannedTimes: [],
        groupSize: null,
      },
      {
        id: 'clinic',
        name: 'Deal clinic',
        mode: 'meetings',
        cadence: 'biweekly',
        synchronous: true,
        plannedTimes: [{ dayOfWeek: 2, hour: 14, durationMinutes: 45 }],
        groupSize: 12,
      },
    ],
    kpis: [
      {
        id: 'replies',
        name: 'Channel replies',
        kirkpatrickLevel: 3,
        unit: 'replies',
        direction: 'increase',
        source: 'graph',
      },
    ],
    launchDate: '2027-01-04',
  },
};
