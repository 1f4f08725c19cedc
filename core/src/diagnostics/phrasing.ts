/** "33%" from a share in [0, 1]. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A figure rounded for reading aloud: one decimal under 10, whole numbers above. */
export function figure(value: number): string {
  return Math.abs(value) < 10 ? String(Math.round(value * 10) / 10) : String(Math.round(value));
}

/**
 * How often one group does something compared with another, as people say it: "a third as often as",
 * "about as often as", "twice as often as", "3.5 times as often as".
 */
export function ratioPhrase(ratio: number): string {
  if (ratio >= 0.9 && ratio <= 1.1) return 'about as often as';
  if (ratio < 1) {
    if (ratio < 0.2) return 'less than a fifth as often as';
    const inverse = 1 / ratio;
    const words: Readonly<Record<number, string>> = { 2: 'half', 3: 'a third', 4: 'a quarter', 5: 'a fifth' };
    const near = Math.round(inverse);
    const word = words[near];
    if (word !== undefined && Math.abs(inverse - near) / near <= 0.12) return `${word} as often as`;
    return `${percent(ratio)} as often as`;
  }
  if (Math.abs(ratio - 2) <= 0.2) return 'twice as often as';
  return `${figure(ratio)} times as often as`;
}

/** "1 of 6" style count, or "none of 6". */
export function countOf(count: number, of: number): string {
  return count === 0 ? `none of ${of}` : `${count} of ${of}`;
}

/** The sentence-initial form of a phrase. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
