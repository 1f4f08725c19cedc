import {
  card,
  execute,
  heading,
  openUrl,
  paragraph,
  verbs,
  type ConversationCard,
} from '../conversation/card-kit';

/** Where the app was installed. */
export type InstallScope = 'personal' | 'channel' | 'groupChat';

const scopeText: Record<InstallScope, string> = {
  personal:
    "I'll tell you here when a collection of yours has finished, when a follow-up snapshot is ready and " +
    'when a pulse survey waits for your answer (one reminder at most). Type **help** to see what I do.',
  channel:
    'Learning leaders can post the change plan\'s "spell it out" messages to this team\'s channels, and ' +
    "I'll tell the team when a follow-up snapshot is ready. Mention me with **help** to see what I do.",
  groupChat:
    'Type **@LearnFit help** here to see what I do. Reports show aggregates only, exactly as the tab does.',
};

/** The card sent once when the app is added to a personal chat, a team or a group chat. */
export function welcomeCard(scope: InstallScope, name: string | null, appLink: string): ConversationCard {
  const greeting = name ? `Hi ${name.split(' ')[0]}, I'm LearnFit` : "Hi, I'm LearnFit";
  return card(
    [
      heading(greeting),
      paragraph(
        'LearnFit checks, from how people already work in Microsoft 365, whether a social learning ' +
          'design fits them, and how much change management the rollout needs.',
      ),
      paragraph(scopeText[scope]),
      paragraph('Nobody sees your own data through me; managers and leaders see aggregates only.', true),
    ],
    [openUrl('Open LearnFit', appLink), execute('Help', verbs.help)],
    `${greeting}. Type help to see what I do.`,
  );
}
