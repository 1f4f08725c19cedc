import { fitFormCard, fitOutcomeAttachment } from '../cards/fit-card';
import { adaptiveCard, heading, text, withPreview } from '../cards/common';
import { featuresFromForm, FitFormError, templatesInMessage, type FitFormData } from '../fit-templates';
import { tabLinks } from '../links';
import type { BotUser, MessageExtensionPorts } from '../ports';
import { extensionResult, type ExtensionResult } from './search';

/** The id of the action command in the app manifest. */
export const quickFitCheckCommandId = 'quickFitCheck';

/** The dialog Teams opens for `composeExtension/fetchTask`. */
export interface FetchTaskResult {
  readonly task: {
    readonly type: 'continue';
    readonly value: {
      readonly title: string;
      readonly width: 'medium' | 'large';
      readonly height: 'medium' | 'large';
      readonly card: { readonly contentType: string; readonly content: unknown };
    };
  };
}

/** The parts of a fetchTask invoke the dialog reads. */
export interface FetchTaskInput {
  readonly commandContext?: string | undefined;
  /** The message the command was started from (message context); read, never kept. */
  readonly messageContent?: string | null | undefined;
}

/**
 * Opens the fit-check dialog. From a message, formats the message mentions are preselected; the text
 * is matched in memory and nothing of it leaves this function.
 */
export function openFitCheck(input: FetchTaskInput): FetchTaskResult {
  const preselected = input.commandContext === 'message' ? templatesInMessage(input.messageContent) : [];
  return {
    task: {
      type: 'continue',
      value: {
        title: 'Quick workflow-fit check',
        width: 'medium',
        height: 'large',
        card: { contentType: 'application/vnd.microsoft.card.adaptive', content: fitFormCard(preselected) },
      },
    },
  };
}

/** Reads the conversation's members (Entra object ids); the SDK's connector client in production. */
export type RosterReader = () => Promise<string[]>;

/**
 * Runs the fit check on submit: the proposed formats over the conversation's members, as far as the
 * user may assess them (the port decides: leaders all members, managers their own org, learners none).
 */
export async function submitFitCheck(
  ports: MessageExtensionPorts,
  user: BotUser | null,
  data: FitFormData,
  readRoster: RosterReader,
): Promise<ExtensionResult> {
  const profile = tabLinks(ports.links, 'profile', 'home');
  if (!user)
    return extensionResult([
      withPreview(
        adaptiveCard([
          heading('LearnFit does not know you yet'),
          text('Open LearnFit in Teams once, then try again.'),
        ]),
        'LearnFit does not know you yet',
        'Open LearnFit in Teams once, then try again.',
      ),
    ]);
  let features;
  try {
    features = featuresFromForm(data);
  } catch (error) {
    if (!(error instanceof FitFormError)) throw error;
    return extensionResult([
      withPreview(
        adaptiveCard([heading('Nothing to check'), text(error.message)]),
        'Nothing to check',
        error.message,
      ),
    ]);
  }
  const memberIds = await readRoster();
  const outcome = await ports.fitCheck(user, { features, memberIds });
  return extensionResult([fitOutcomeAttachment(outcome, profile)]);
}
