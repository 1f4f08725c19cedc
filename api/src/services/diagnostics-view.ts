import {
  createPrivacyGuard,
  type AcknowledgementSummary,
  type AllDiagnostics,
  type DiagnosticsResponse,
  type LeadersView,
} from '@learnfit/core';

/** What the viewer-specific shaping needs of an evaluation. */
interface ViewedEvaluation {
  readonly all: AllDiagnostics;
  readonly k: number;
  /** Design-team pseudonym → user id, to name the profiles a viewer may see. */
  readonly designTeam: ReadonlyMap<string, string>;
}

/** The leader diagnostic with each profile passed through the guard for the viewer. */
export function leadersFor(evaluation: ViewedEvaluation, viewerKey: string): LeadersView {
  const { leaders } = evaluation.all;
  const guard = createPrivacyGuard({ k: evaluation.k });
  const { profiles, ...data } = leaders.data;
  const released = profiles.flatMap((owned) => {
    const value = guard.releaseOwned(owned, viewerKey);
    if (value === null) return [];
    const { selfAssessment, ...scores } = value;
    return [
      {
        userId: evaluation.designTeam.get(owned.ownerKey) ?? null,
        own: owned.ownerKey === viewerKey,
        ...scores,
        selfAssessment: selfAssessment ? { ...selfAssessment } : null,
      },
    ];
  });
  return {
    ...leaders,
    data: { ...data, profiles: released, profilesWithheld: profiles.length - released.length },
  };
}

/**
 * B2: the released answers to posted change-plan cards, added to each change-plan message and, summed,
 * to the learner diagnostic. Sums of released (k-suppressed) per-post counts only, so nothing withheld
 * can be recovered by subtraction.
 */
export function withAcknowledgements(
  results: DiagnosticsResponse['results'],
  acknowledgements: ReadonlyMap<string, AcknowledgementSummary>,
): DiagnosticsResponse['results'] {
  if (acknowledgements.size === 0) return results;
  const total: AcknowledgementSummary = { posts: 0, in: 0, notForMe: 0, withheldPosts: 0 };
  for (const summary of acknowledgements.values()) {
    total.posts += summary.posts;
    total.in += summary.in;
    total.notForMe += summary.notForMe;
    total.withheldPosts += summary.withheldPosts;
  }
  const { changePlan, learners } = results;
  return {
    ...results,
    changePlan: {
      ...changePlan,
      data: {
        ...changePlan.data,
        messages: changePlan.data.messages.map((message) => {
          const summary = acknowledgements.get(message.id);
          return summary ? { ...message, acknowledgements: summary } : message;
        }),
      },
    },
    learners: { ...learners, data: { ...learners.data, acknowledgements: total } },
  };
}
