/** A command the bot understands in a message. */
export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'status' }
  | { readonly name: 'report'; readonly text: string }
  | { readonly name: 'notifications'; readonly on: boolean }
  | { readonly name: 'unknown'; readonly text: string };

/**
 * The text without `<at>…</at>` mentions (Teams puts the bot's mention into channel messages), HTML
 * tags and extra white space.
 */
export function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses a message's text into a command. */
export function parseCommand(raw: string): Command {
  const text = stripMentions(raw);
  const lower = text.toLowerCase();
  if (lower === '' || lower === 'help' || lower === '?') return { name: 'help' };
  if (lower === 'status') return { name: 'status' };
  if (lower === 'report' || lower.startsWith('report '))
    return { name: 'report', text: text.slice(6).trim() };
  if (/^(stop|mute|pause) notifications?$/.test(lower)) return { name: 'notifications', on: false };
  if (/^(start|resume|unmute) notifications?$/.test(lower)) return { name: 'notifications', on: true };
  return { name: 'unknown', text };
}
