import type { FoundTeam } from '@learnfit/core';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../../api/api-context';
import { searchTeams } from '../../../api/change-plan-posts';
import { toApiError, type ApiError } from '../../../api/client';

/** Teams matching the typed text, searched 250 ms after typing stops; an empty text searches nothing. */
export function useTeamSearch(text: string): {
  teams: readonly FoundTeam[];
  searching: boolean;
  error: ApiError | null;
} {
  const client = useApiClient();
  const [teams, setTeams] = useState<readonly FoundTeam[]>([]);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (query === '') {
      setTeams([]);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    const timer = setTimeout(() => {
      searchTeams(client, query.slice(0, 100), controller.signal).then(
        (found) => {
          if (controller.signal.aborted) return;
          setTeams(found);
          setError(null);
          setSearching(false);
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setError(toApiError(caught));
          setSearching(false);
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, text]);

  return { teams, searching, error };
}
