/** What `saveTextAsFile` needs from the browser; tests pass fakes. */
export interface FileSaverDeps {
  readonly createObjectURL: (blob: Blob) => string;
  readonly revokeObjectURL: (url: string) => void;
  readonly document: Document;
}

function browserDeps(): FileSaverDeps {
  return {
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    document,
  };
}

/**
 * A file name safe on every desktop system: no path separators, reserved or control characters, no
 * leading dots, at most 120 characters before the extension.
 */
export function safeFileName(name: string, extension: string): string {
  const base =
    [...name]
      .map((ch) => (ch.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(ch) ? '-' : ch))
      .join('')
      .replace(/\s+/g, ' ')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 120) || 'learnfit';
  return `${base}.${extension.replace(/^\./, '')}`;
}

/**
 * Saves text the tab already holds (a CSV export, a change plan) as a file in the person's downloads:
 * a Blob behind a temporary link with a `download` name. The object URL is released after the click.
 */
export function saveTextAsFile(
  text: string,
  fileName: string,
  contentType: string,
  deps: FileSaverDeps = browserDeps(),
): void {
  const blob = new Blob([text], { type: contentType || 'text/plain;charset=utf-8' });
  const url = deps.createObjectURL(blob);
  const link = deps.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  deps.document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers read the URL after the click event returns; release it on the next turn.
    setTimeout(() => deps.revokeObjectURL(url), 0);
  }
}
