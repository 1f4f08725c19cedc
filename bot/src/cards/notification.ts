import {
  card,
  execute,
  heading,
  openUrl,
  paragraph,
  verbs,
  type ConversationCard,
} from '../conversation/card-kit';

/** A proactive notification the bot sends. */
export type Notification =
  | {
      readonly kind: 'collectionFinished';
      readonly initiative: string;
      readonly people: number;
      readonly openUrl: string;
    }
  | { readonly kind: 'followUpReady'; readonly initiative: string; readonly openUrl: string }
  | {
      readonly kind: 'pulseInvitation' | 'pulseReminder';
      readonly initiative: string;
      readonly closesAt: string;
      readonly openUrl: string;
    };

function closing(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function content(notification: Notification): { title: string; text: string; button: string } {
  switch (notification.kind) {
    case 'collectionFinished':
      return {
        title: `Collection finished: ${notification.initiative}`,
        text: `The snapshot covers ${notification.people} people. The five diagnostics are ready to read.`,
        button: 'Read the diagnostics',
      };
    case 'followUpReady':
      return {
        title: `Follow-up snapshot ready: ${notification.initiative}`,
        text: 'The before-and-after comparison of the key performance indicators now includes it.',
        button: 'Compare before and after',
      };
    case 'pulseInvitation':
      return {
        title: `Two minutes for ${notification.initiative}?`,
        text:
          'Tell the learning team how you work and learn today, so the new design fits you. ' +
          `The pulse is open until ${closing(notification.closesAt)}.`,
        button: 'Answer the pulse',
      };
    case 'pulseReminder':
      return {
        title: `Reminder: the pulse for ${notification.initiative}`,
        text: `It closes ${closing(notification.closesAt)}. This is the only reminder you'll get.`,
        button: 'Answer the pulse',
      };
  }
}

/** The card of a proactive notification, with a way to stop further ones. */
export function notificationCard(notification: Notification, personal: boolean): ConversationCard {
  const { title, text, button } = content(notification);
  return card(
    [
      heading(title),
      paragraph(text),
      ...(personal ? [paragraph('Type **stop notifications** to get no more of these.', true)] : []),
    ],
    [
      openUrl(button, notification.openUrl),
      ...(personal ? [execute('Stop notifications', verbs.notificationsOff)] : []),
    ],
    `${title}. ${text}`,
  );
}
