import type { ErasableTables } from '../services/ports';

/**
 * Erasure of the bot's rows: a person's conversation references, opt-out, sent-notification marks of
 * their personal chats and card answers go; a channel they installed the app in forgets who did.
 */
export const botErasable: ErasableTables = {
  name: 'bot',
  async erasePerson(trx, tenantId, userId, personKey) {
    const personal = await trx
      .selectFrom('bot_conversation')
      .select('conversation_id')
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'personal')
      .where('user_id', '=', userId)
      .execute();
    let changed = 0;
    if (personal.length > 0) {
      const ids = personal.map((row) => row.conversation_id);
      const sent = await trx
        .deleteFrom('bot_notification_sent')
        .where('tenant_id', '=', tenantId)
        .where('conversation_id', 'in', ids)
        .executeTakeFirst();
      changed += Number(sent.numDeletedRows);
    }
    const conversations = await trx
      .deleteFrom('bot_conversation')
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'personal')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const installers = await trx
      .updateTable('bot_conversation')
      .set({ user_id: null })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const optOut = await trx
      .deleteFrom('bot_notification_optout')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const acks = await trx
      .deleteFrom('change_plan_ack')
      .where('tenant_id', '=', tenantId)
      .where('person_key', '=', personKey)
      .executeTakeFirst();
    const posts = await trx
      .updateTable('change_plan_post')
      .set({ posted_by: 'erased' })
      .where('tenant_id', '=', tenantId)
      .where('posted_by', '=', userId)
      .executeTakeFirst();
    changed +=
      Number(conversations.numDeletedRows) +
      Number(installers.numUpdatedRows) +
      Number(optOut.numDeletedRows) +
      Number(acks.numDeletedRows) +
      Number(posts.numUpdatedRows);
    return changed;
  },
  async eraseTenant(trx, tenantId) {
    let removed = 0;
    for (const table of [
      'change_plan_ack',
      'change_plan_post',
      'bot_notification_sent',
      'bot_notification_optout',
      'bot_conversation',
    ] as const) {
      const result = await trx.deleteFrom(table).where('tenant_id', '=', tenantId).executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  },
};
