import { reportAttachment } from '../cards/report-card';
import { reportLinks, targetOfUrl } from '../links';
import type { BotUser, MessageExtensionPorts } from '../ports';
import { extensionResult, type ExtensionResult } from './search';

/**
 * Previews a LearnFit report link pasted into a message: the headline figures for someone who may see
 * the report in the tab, and no preview at all for anyone else or any other URL.
 */
export async function unfurlLink(
  ports: MessageExtensionPorts,
  user: BotUser | null,
  url: string,
): Promise<ExtensionResult> {
  const target = targetOfUrl(ports.links, url);
  if (!user || !target) return extensionResult([]);
  const preview = await ports.preview(user, target);
  return extensionResult(preview ? [reportAttachment(preview, reportLinks(ports.links, target))] : []);
}
