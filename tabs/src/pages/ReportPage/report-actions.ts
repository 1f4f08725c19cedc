import { ErrorCode, sharing } from '@microsoft/teams-js';

/** Sharing into a Teams chat, when the host offers it (teams-js `sharing`); tests pass a fake. */
export interface ReportSharing {
  isSupported(): boolean;
  /** Opens the host's share dialog with the link; resolves when shared, rejects when not. */
  shareLink(url: string, message: string): Promise<void>;
}

/** The host's share dialog: LearnFit's message extension turns the shared report link into a card. */
export const teamsSharing: ReportSharing = {
  isSupported() {
    try {
      return sharing.isSupported();
    } catch {
      // teams-js throws before `app.initialize()` finished; then there is no host dialog to use.
      return false;
    }
  },
  shareLink: (url, message) =>
    sharing.shareWebContent({ content: [{ type: 'URL', url, message, preview: true }] }),
};

/** Whether a rejection from the share dialog means the person closed it (not a failure to report). */
export function isUserAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'errorCode' in error &&
    (error as { errorCode: unknown }).errorCode === ErrorCode.USER_ABORT
  );
}

/**
 * The link to the manager's report that the bot unfurls into a card: the tab page and its hash route,
 * with the initiative the org is held against when there is one.
 */
export function reportLink(origin: string, initiativeId: string | null): string {
  const query = initiativeId ? `?${new URLSearchParams({ initiativeId }).toString()}` : '';
  return `${origin}/tab/index.html#/report${query}`;
}

/** How the print view was shown. */
export type PrintOutcome = 'window' | 'frame';

/**
 * Shows the API's printable HTML (it has no scripts) in a new window and opens the print dialog there.
 * When the host blocks new windows (Teams desktop does), the page is printed from a hidden, sandboxed
 * frame in the tab instead.
 */
export function openPrintView(html: string, title: string, win: Window = window): PrintOutcome {
  const doc = win.document;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const opened = win.open(url, '_blank');
  if (opened) {
    opened.addEventListener('load', () => opened.print(), { once: true });
    // The new window holds its own copy once loaded; a minute is ample for a slow start.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return 'window';
  }
  URL.revokeObjectURL(url);
  const frame = doc.createElement('iframe');
  // No `allow-scripts`: the page is static; `allow-modals` lets this tab open the frame's print dialog.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.title = title;
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.addEventListener(
    'load',
    () => {
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 1_000);
    },
    { once: true },
  );
  frame.srcdoc = html;
  doc.body.append(frame);
  return 'frame';
}

/** Copies text to the clipboard; rejects where the host's frame does not allow it. */
export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard) throw new Error('The clipboard is not available here.');
  await navigator.clipboard.writeText(text);
}
