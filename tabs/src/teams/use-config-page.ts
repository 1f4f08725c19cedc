import { pages } from '@microsoft/teams-js';
import { useEffect, useRef, useState } from 'react';
import { tabConfig } from '../config';
import { fill, strings } from '../messages/strings';
import { hrefFor } from '../routing/hash-route';

/** Whether the configuration page could register with Teams. */
export type ConfigPageState = { status: 'ready' } | { status: 'unsupported'; reason: string };

/** The initiative a channel tab shows. */
export interface ChannelTabChoice {
  readonly initiativeId: string;
  readonly name: string;
}

/** Longest initiative name put into the tab's title; Teams cuts long tab names anyway. */
const maxNameInTitle = 30;

/** Settings LearnFit saves for a channel tab: one tab per initiative, opening its diagnostics. */
export function channelTabSettings(origin: string, choice: ChannelTabChoice): pages.InstanceConfig {
  const name =
    choice.name.length > maxNameInTitle
      ? `${choice.name.slice(0, maxNameInTitle - 1).trimEnd()}…`
      : choice.name;
  return {
    entityId: `learnfit-initiative-${choice.initiativeId}`,
    contentUrl: `${origin}${tabConfig.basePath}index.html${hrefFor('channel', [], { initiative: choice.initiativeId })}`,
    suggestedDisplayName: fill(strings.config.tabName, { name }),
  };
}

/**
 * Registers the save handler of the configurable tab; the page is valid once an initiative is chosen.
 * Teams calls the handler when the user selects Save; it saves the choice current at that moment.
 */
export function useConfigPage(choice: ChannelTabChoice | null): ConfigPageState {
  const [state, setState] = useState<ConfigPageState>({ status: 'ready' });
  const choiceRef = useRef(choice);
  choiceRef.current = choice;

  useEffect(() => {
    try {
      pages.config.registerOnSaveHandler((event) => {
        const current = choiceRef.current;
        if (!current) {
          event.notifyFailure(strings.config.chooseFirst);
          return;
        }
        pages.config.setConfig(channelTabSettings(window.location.origin, current)).then(
          () => event.notifySuccess(),
          (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      });
    } catch (error) {
      // teams-js throws when the page is not open in Teams' "add a tab" dialog (frame context `settings`).
      setState({ status: 'unsupported', reason: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  const valid = choice !== null;
  useEffect(() => {
    if (state.status !== 'ready') return;
    try {
      pages.config.setValidityState(valid);
    } catch (error) {
      setState({ status: 'unsupported', reason: error instanceof Error ? error.message : String(error) });
    }
  }, [valid, state.status]);

  return state;
}
