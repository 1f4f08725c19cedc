import { pages } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';
import { channelTabContentUrl } from '../config';

/** Whether the configuration page could register with Teams. */
export type ConfigPageState = { status: 'ready' } | { status: 'unsupported'; reason: string };

/** Settings LearnFit saves for a channel tab: one tab per team, opening on Home. */
export function channelTabSettings(origin: string): pages.InstanceConfig {
  return {
    entityId: 'learnfit-team',
    contentUrl: channelTabContentUrl(origin),
    suggestedDisplayName: 'LearnFit',
  };
}

/**
 * Registers the save handler of the configurable tab and marks the page valid (nothing to choose yet:
 * the tab opens on Home for everyone in the channel). Teams calls the handler when the user selects Save.
 */
export function useConfigPage(): ConfigPageState {
  const [state, setState] = useState<ConfigPageState>({ status: 'ready' });

  useEffect(() => {
    try {
      pages.config.registerOnSaveHandler((event) => {
        pages.config.setConfig(channelTabSettings(window.location.origin)).then(
          () => event.notifySuccess(),
          (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      });
      pages.config.setValidityState(true);
    } catch (error) {
      // teams-js throws when the page is not open in Teams' "add a tab" dialog (frame context `settings`).
      setState({ status: 'unsupported', reason: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  return state;
}
