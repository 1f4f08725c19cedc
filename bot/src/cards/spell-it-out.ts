import type { AcknowledgementCounts } from '@learnfit/core';
import { card, execute, paragraph, verbs, type ConversationCard } from '../conversation/card-kit';

/** A change-plan message as its card shows it. */
export interface SpellItOutMessage {
  readonly postId: string;
  readonly title: string;
  readonly text: string;
  readonly audience: string;
  /** The plan's "what we ask" line. */
  readonly acknowledge: string;
}

function countText(counts: AcknowledgementCounts, k: number): string {
  const withheld = new Set(counts.withheld ?? []);
  const one = (answer: 'in' | 'notForMe', value: number): string =>
    withheld.has(answer) ? `fewer than ${k}` : String(value);
  return `${one('in', counts.in)} in · ${one('notForMe', counts.notForMe)} not for me`;
}

/**
 * The "spell it out" card: the message, its audience, the released answer counts and the two buttons.
 * `mine` is the viewer's own answer, shown only in the copy returned to that person.
 */
export function spellItOutCard(
  message: SpellItOutMessage,
  counts: AcknowledgementCounts,
  k: number,
  mine: 'in' | 'notForMe' | null = null,
): ConversationCard {
  return card(
    [
      {
        type: 'TextBlock',
        text: message.title,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
        style: 'heading',
      },
      paragraph(message.text),
      paragraph(message.acknowledge, true),
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [paragraph(`For: ${message.audience}`, true)] },
          {
            type: 'Column',
            width: 'auto',
            items: [{ type: 'TextBlock', text: countText(counts, k), wrap: true, color: 'Accent' }],
          },
        ],
      },
      ...(mine
        ? [
            {
              type: 'TextBlock',
              text:
                mine === 'in'
                  ? "You said: I'm in. You can change it."
                  : 'You said: not for me. You can change it.',
              wrap: true,
              color: 'Good',
            },
          ]
        : []),
    ],
    [
      execute("I'm in", verbs.ack, { postId: message.postId, answer: 'in' }, 'positive'),
      execute('Not for me', verbs.ack, { postId: message.postId, answer: 'notForMe' }),
    ],
    `${message.title}. ${message.text}`,
  );
}
