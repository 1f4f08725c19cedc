import {
  directoryGroupListSchema,
  directoryPeopleListSchema,
  directorySearchMaxLength,
  directoryTeamListSchema,
} from '@learnfit/core';
import { useEffect, useState } from 'react';
import { useApiClient } from './api-context';
import { toApiError, type ApiClient, type ApiError } from './client';

/** What a picker searches: people, Entra groups or Teams. */
export type DirectoryKind = 'people' | 'groups' | 'teams';

/** A search hit as a picker shows it: id, name and one line that tells namesakes apart. */
export interface DirectoryItem {
  readonly id: string;
  readonly label: string;
  readonly secondary: string | null;
}

function joinDefined(parts: ReadonlyArray<string | null>): string | null {
  const present = parts.filter((part): part is string => part !== null && part !== '');
  return present.length > 0 ? present.join(' · ') : null;
}

/** `GET /api/directory/{kind}?q=`, mapped to picker items. */
export async function searchDirectory(
  client: ApiClient,
  kind: DirectoryKind,
  text: string,
  signal?: AbortSignal,
): Promise<DirectoryItem[]> {
  const path = `/api/directory/${kind}?${new URLSearchParams({ q: text }).toString()}`;
  const options = signal ? { signal } : {};
  if (kind === 'people') {
    const list = await client.request({ path, schema: directoryPeopleListSchema, ...options });
    return list.items.map((person) => ({
      id: person.id,
      label: person.displayName,
      secondary: joinDefined([person.jobTitle, person.department]) ?? person.mail ?? person.userPrincipalName,
    }));
  }
  if (kind === 'groups') {
    const list = await client.request({ path, schema: directoryGroupListSchema, ...options });
    return list.items.map((group) => ({
      id: group.id,
      label: group.displayName,
      secondary: group.description ?? group.mail,
    }));
  }
  const list = await client.request({ path, schema: directoryTeamListSchema, ...options });
  return list.items.map((team) => ({
    id: team.id,
    label: team.displayName,
    secondary: joinDefined([team.description, team.mail]),
  }));
}

/** Search state: nothing typed, waiting for the pause in typing or the answer, results, or a failure. */
export type DirectorySearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'ready'; items: DirectoryItem[] }
  | { status: 'failed'; error: ApiError };

/** Pause after the last keystroke before the directory is asked (one request per pause, not per key). */
export const searchDelayMs = 300;

/** Searches the directory as the user types, after a pause; an outdated answer never replaces a newer one. */
export function useDirectorySearch(
  kind: DirectoryKind,
  text: string,
  delayMs: number = searchDelayMs,
): DirectorySearchState {
  const client = useApiClient();
  const [state, setState] = useState<DirectorySearchState>({ status: 'idle' });
  const query = text.trim().slice(0, directorySearchMaxLength);

  useEffect(() => {
    if (query === '') {
      setState({ status: 'idle' });
      return undefined;
    }
    setState({ status: 'searching' });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchDirectory(client, kind, query, controller.signal).then(
        (items) => {
          if (!controller.signal.aborted) setState({ status: 'ready', items });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'failed', error: toApiError(error) });
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, kind, query, delayMs]);

  return state;
}
