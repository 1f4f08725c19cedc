import type { InitiativeSummary } from '@learnfit/core';
import { initiativeResult, type CardAttachment } from './cards';

/** What the search command needs from the rest of LearnFit. */
export interface SearchPorts {
  /** Initiatives of the tenant whose name or goal contains the text; empty text lists recent ones. */
  searchInitiatives(tenantId: string, text: string, limit: number): Promise<InitiativeSummary[]>;
  /** A link that opens the tab on the initiative. */
  initiativeLink(initiativeId: string): string;
}

/** The parts of a `composeExtension/query` invoke the search reads. */
export interface SearchQuery {
  readonly tenantId: string | null;
  readonly text: string;
  readonly skip: number;
  readonly count: number;
}

/** The `composeExtension` result Teams expects for a search. */
export interface SearchResult {
  readonly composeExtension: {
    readonly type: 'result';
    readonly attachmentLayout: 'list';
    readonly attachments: CardAttachment[];
  };
}

const maxResults = 25;

/** Answers the search command with one card per matching initiative. */
export async function searchInitiatives(ports: SearchPorts, query: SearchQuery): Promise<SearchResult> {
  if (!query.tenantId)
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
  const count = Math.min(Math.max(query.count, 1), maxResults);
  const skip = Math.max(query.skip, 0);
  const found = await ports.searchInitiatives(query.tenantId, query.text.slice(0, 200), skip + count);
  const attachments = found
    .slice(skip, skip + count)
    .map((item) => initiativeResult(item, ports.initiativeLink(item.id)));
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}
