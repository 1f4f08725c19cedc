import {
  changePlanPostListSchema,
  directoryTeamListSchema,
  type ChangePlanPost,
  type ChangePlanPostRequest,
  type FoundTeam,
} from '@learnfit/core';
import { useCallback, useEffect, useState } from 'react';
import { useApiClient } from './api-context';
import { toApiError, type ApiClient, type ApiError } from './client';

function postsPath(initiativeId: string): string {
  return `/api/initiatives/${encodeURIComponent(initiativeId)}/change-plan/posts`;
}

/** The posted cards of a plan: loading, loaded, not offered by this server (404), or failed. */
export type PostsState =
  | { status: 'loading' }
  | { status: 'ready'; posts: readonly ChangePlanPost[] }
  | { status: 'unavailable' }
  | { status: 'failed'; error: ApiError };

/** `POST /api/initiatives/:id/change-plan/posts`: posts the chosen messages; answers the new posts. */
export async function postChangePlanMessages(
  client: ApiClient,
  initiativeId: string,
  body: ChangePlanPostRequest,
): Promise<readonly ChangePlanPost[]> {
  const answer = await client.request({
    method: 'POST',
    path: postsPath(initiativeId),
    schema: changePlanPostListSchema,
    body,
  });
  return answer.posts;
}

/** `GET /api/directory/teams?q=`: teams the signed-in person can find by name. */
export async function searchTeams(
  client: ApiClient,
  text: string,
  signal?: AbortSignal,
): Promise<readonly FoundTeam[]> {
  const path = `/api/directory/teams?${new URLSearchParams({ q: text }).toString()}`;
  const answer = await client.request(
    signal ? { path, schema: directoryTeamListSchema, signal } : { path, schema: directoryTeamListSchema },
  );
  return answer.items;
}

/** Loads the cards posted for an initiative with their "I'm in" / "Not for me" counts; `reload()` refreshes. */
export function useChangePlanPosts(initiativeId: string): { state: PostsState; reload: () => void } {
  const client = useApiClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PostsState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    client
      .request({ path: postsPath(initiativeId), schema: changePlanPostListSchema, signal: controller.signal })
      .then(
        (answer) => {
          if (!controller.signal.aborted) setState({ status: 'ready', posts: answer.posts });
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          const error = toApiError(caught);
          // A server without the posting endpoint answers 404: the plan still works, only posting is off.
          setState(error.status === 404 ? { status: 'unavailable' } : { status: 'failed', error });
        },
      );
    return () => controller.abort();
  }, [client, initiativeId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
