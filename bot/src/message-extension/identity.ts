import type { BotUser, MessageExtensionPorts } from '../ports';

/** The parts of an activity that say who sent it and from which tenant. */
export interface ActivitySender {
  readonly from?: { readonly aadObjectId?: string | undefined } | undefined;
  readonly conversation?: { readonly tenantId?: string | undefined } | undefined;
  readonly channelData?: { readonly tenant?: { readonly id?: string | undefined } | undefined } | undefined;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant and Entra object id of an activity's sender. Teams puts the tenant in both
 * `conversation.tenantId` and `channelData.tenant.id`; when they disagree, or the ids are not GUIDs,
 * the activity names nobody (least privilege).
 */
export function senderOf(activity: ActivitySender): { tenantId: string; aadObjectId: string } | null {
  const fromConversation = activity.conversation?.tenantId;
  const fromChannelData = activity.channelData?.tenant?.id;
  if (fromConversation && fromChannelData && fromConversation.toLowerCase() !== fromChannelData.toLowerCase())
    return null;
  const tenantId = fromConversation ?? fromChannelData;
  const aadObjectId = activity.from?.aadObjectId;
  if (!tenantId || !aadObjectId || !guid.test(tenantId) || !guid.test(aadObjectId)) return null;
  return { tenantId: tenantId.toLowerCase(), aadObjectId: aadObjectId.toLowerCase() };
}

/** The LearnFit user behind an activity, or null (then the extension shows nothing). */
export async function userOf(
  ports: MessageExtensionPorts,
  activity: ActivitySender,
): Promise<BotUser | null> {
  const sender = senderOf(activity);
  return sender ? ports.identifyUser(sender.tenantId, sender.aadObjectId) : null;
}

/** Whether the user reads initiative reports (the tab's LearningLeader or Admin rule). */
export function isLeader(user: BotUser): boolean {
  return user.roles.includes('LearningLeader') || user.roles.includes('Admin');
}
