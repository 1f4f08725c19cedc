import {
  card,
  execute,
  facts,
  heading,
  openUrl,
  paragraph,
  verbs,
  type ConversationCard,
} from '../conversation/card-kit';

/** The commands the bot understands, as help lists them. */
export const commandHelp: readonly (readonly [string, string])[] = [
  ['help', 'What I can do'],
  ['status', 'Progress of the collections you may see'],
  ['report [name]', 'The workflow-fit headline of an initiative, or of your org if you manage people'],
  ['stop notifications', 'No more messages from me unless you ask'],
  ['start notifications', 'Messages about collections, snapshots and pulses again'],
];

/** The help card; the button turns notifications off or on, whichever is not the current state. */
export function helpCard(notificationsOn: boolean, appLink: string): ConversationCard {
  return card(
    [
      heading('What I can do'),
      facts(commandHelp),
      paragraph(
        notificationsOn
          ? 'Notifications are on: I message you when a collection finishes, a follow-up snapshot is ready or a pulse waits for you.'
          : 'Notifications are off: I only answer when you write to me.',
        true,
      ),
      paragraph('In a channel, mention me first: @LearnFit status.', true),
    ],
    [
      notificationsOn
        ? execute('Stop notifications', verbs.notificationsOff)
        : execute('Start notifications', verbs.notificationsOn),
      openUrl('Open LearnFit', appLink),
    ],
    'Commands: help, status, report, stop notifications, start notifications.',
  );
}

/** A short answer when a command was not understood. */
export function unknownCommandCard(text: string, appLink: string): ConversationCard {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return card(
    [paragraph(`I didn't understand "${shown}".`), facts(commandHelp)],
    [openUrl('Open LearnFit', appLink)],
    'Commands: help, status, report, stop notifications, start notifications.',
  );
}

/** The confirmation after notifications were turned off or on. */
export function notificationsCard(on: boolean): ConversationCard {
  return card(
    [
      paragraph(
        on
          ? "Notifications are on again. I'll message you about collections, snapshots and pulses."
          : "Done: I won't message you unless you write to me. Type **start notifications** to undo.",
      ),
    ],
    [
      on
        ? execute('Stop notifications', verbs.notificationsOff)
        : execute('Start notifications', verbs.notificationsOn),
    ],
    on ? 'Notifications are on.' : 'Notifications are off.',
  );
}
