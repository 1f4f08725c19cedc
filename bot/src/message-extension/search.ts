import { searchHitAttachment } from '../cards/search-card';
import type { CardAttachment } from '../cards/common';
import { reportLinks } from '../links';
import type { BotUser, MessageExtensionPorts } from '../ports';
import { isLeader } from './identity';

/** The parts of a `composeExtension/query` invoke the search reads. */
export interface SearchQuery {
  readonly text: string;
  readonly skip: number;
  readonly count: number;
}

/** The `composeExtension` result Teams expects for a search or a link preview. */
export interface ExtensionResult {
  readonly composeExtension: {
    readonly type: 'result';
    readonly attachmentLayout: 'list';
    readonly attachments: CardAttachment[];
  };
}

/** A result with these attachments (none: Teams shows "no results" or no preview). */
export function extensionResult(attachments: CardAttachment[]): ExtensionResult {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

const maxResults = 25;
const maxTextChars = 200;

/**
 * Answers the search command: initiatives and reports matching the text that the user may see, as
 * report cards (fit score, top findings, links) where they may read the report, initiative cards
 * otherwise. Nobody known: no results.
 */
export async function searchReports(
  ports: MessageExtensionPorts,
  user: BotUser | null,
  query: SearchQuery,
): Promise<ExtensionResult> {
  if (!user) return extensionResult([]);
  const count = Math.min(Math.max(Math.floor(query.count) || 0, 1), maxResults);
  const skip = Math.max(Math.floor(query.skip) || 0, 0);
  const hits = await ports.search(user, query.text.trim().slice(0, maxTextChars), skip + count);
  const leader = isLeader(user);
  return extensionResult(
    hits
      .slice(skip, skip + count)
      .map((hit) =>
        searchHitAttachment(
          hit,
          reportLinks(
            ports.links,
            hit.kind === 'my-org'
              ? { kind: 'my-org' }
              : { kind: 'initiative', initiativeId: hit.initiative.id, view: null },
          ),
          leader,
        ),
      ),
  );
}
