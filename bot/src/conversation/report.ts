import { reportAttachment } from '../cards/report-card';
import { reportLinks } from '../links';
import type { ConversationPorts, ConversationUser } from './ports';

/** What `report` answers: a report card (the message extension's), or why there is none. */
export type ReportAnswer =
  { readonly kind: 'card'; readonly content: unknown } | { readonly kind: 'none'; readonly reason: string };

/**
 * `report [words]`: the first initiative matching the words whose report the person may read; with no
 * words, a manager's own org first. The ports apply the same rules as the tab, so nothing is shown here
 * that the tab would hide (aggregates only, k-suppressed).
 */
export async function findReport(
  ports: Pick<ConversationPorts, 'search' | 'preview' | 'links'>,
  user: ConversationUser,
  text: string,
): Promise<ReportAnswer> {
  if (text === '' && user.roles.includes('Manager')) {
    const target = { kind: 'my-org' } as const;
    const preview = await ports.preview(user, target);
    if (preview)
      return { kind: 'card', content: reportAttachment(preview, reportLinks(ports.links, target)).content };
  }
  const hits = await ports.search(user, text, 10);
  for (const hit of hits) {
    if (!hit.report) continue;
    const target =
      hit.kind === 'my-org'
        ? ({ kind: 'my-org' } as const)
        : ({ kind: 'initiative', initiativeId: hit.initiative.id, view: null } as const);
    const content = reportAttachment(
      { kind: 'workflow-report', report: hit.report },
      reportLinks(ports.links, target),
    );
    return { kind: 'card', content: content.content };
  }
  return {
    kind: 'none',
    reason:
      text === ''
        ? 'There is no report you may read yet. Learning leaders read initiative reports; managers read their own org.'
        : `No report you may read matches "${text.slice(0, 60)}".`,
  };
}
