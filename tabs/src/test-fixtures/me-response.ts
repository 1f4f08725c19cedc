import { meResponseSchema, type MeResponse } from '@learnfit/core';

/** A `GET /api/me` answer for a learning leader with a three-level chain and available activity. */
export const meFixture: MeResponse = meResponseSchema.parse({
  tenantId: '6d1c0d57-6b3f-4a5e-9d0b-5f0c7f1f2a10',
  user: {
    id: 'c2b8f3a4-1d2e-4f50-8a6b-7c8d9e0f1a2b',
    displayName: 'Ines Okafor',
    userPrincipalName: 'ines.okafor@contoso.example',
    jobTitle: 'Learning experience designer',
    department: 'People & Learning',
    officeLocation: 'Lisbon',
  },
  roles: ['Learner', 'LearningLeader'],
  primaryRole: 'LearningLeader',
  directReportCount: 0,
  managementChain: [
    { level: 2, id: 'm2', displayName: 'Tomasz Wiśniewski', jobTitle: 'Director of Learning' },
    { level: 1, id: 'm1', displayName: 'Aiko Tanaka', jobTitle: 'Head of Learning Design' },
    { level: 3, id: 'm3', displayName: 'Grace Mensah', jobTitle: null },
  ],
  activity: {
    period: 'D30',
    available: true,
    reportRefreshDate: '2026-11-28',
    channelMessages: 37,
    channelPosts: 12,
    channelReplies: 25,
    chatMessages: 1204,
    concealed: false,
    reason: null,
  },
});

/** The same person when the usage report is concealed by the tenant. */
export const meConcealedFixture: MeResponse = meResponseSchema.parse({
  ...meFixture,
  activity: {
    period: 'D30',
    available: false,
    reportRefreshDate: null,
    channelMessages: null,
    channelPosts: null,
    channelReplies: null,
    chatMessages: null,
    concealed: true,
    reason:
      'Your admin conceals user names in Microsoft 365 usage reports, so your own counts cannot be matched.',
  },
});
