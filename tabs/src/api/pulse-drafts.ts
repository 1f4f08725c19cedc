import { myPulseDraftSchema, type MyPulseDraft, type PulseAnswerDraft } from '@learnfit/core';
import type { ApiClient } from './client';

/**
 * `PUT /api/initiatives/:id/pulse/waves/:waveId/draft`: saves the caller's unfinished answer while the
 * wave is open. Only the caller reads it back (in the pulse view); it counts in no result.
 */
export function putPulseDraft(
  client: ApiClient,
  initiativeId: string,
  waveId: string,
  draft: PulseAnswerDraft,
): Promise<MyPulseDraft> {
  return client.request({
    method: 'PUT',
    path: `/api/initiatives/${encodeURIComponent(initiativeId)}/pulse/waves/${encodeURIComponent(waveId)}/draft`,
    schema: myPulseDraftSchema,
    body: draft,
  });
}
