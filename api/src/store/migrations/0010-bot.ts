import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The bot: conversation references per tenant (for proactive messages), notification opt-outs, sent
 * notifications (sent once), posted change-plan cards and the answers to them.
 */
export const botMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('bot_conversation')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('conversation_id', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) =>
        col.notNull().check(sql`kind in ('personal', 'channel', 'groupChat')`),
      )
      .addColumn('service_url', 'text', (col) => col.notNull())
      .addColumn('team_id', 'text')
      .addColumn('channel_id', 'text')
      .addColumn('user_id', 'text')
      .addColumn('bot_id', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('bot_conversation_pk', ['tenant_id', 'conversation_id'])
      .execute();
    await db.schema
      .createIndex('bot_conversation_user_idx')
      .on('bot_conversation')
      .columns(['tenant_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('bot_conversation_team_idx')
      .on('bot_conversation')
      .columns(['tenant_id', 'team_id'])
      .execute();
    await db.schema
      .createTable('bot_notification_optout')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('bot_notification_optout_pk', ['tenant_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('bot_notification_sent')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('notification_key', 'text', (col) => col.notNull())
      .addColumn('conversation_id', 'text', (col) => col.notNull())
      .addColumn('activity_id', 'text')
      .addColumn('sent_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('bot_notification_sent_pk', [
        'tenant_id',
        'notification_key',
        'conversation_id',
      ])
      .execute();
    await db.schema
      .createTable('change_plan_post')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('initiative_id', 'text', (col) => col.notNull())
      .addColumn('message_id', 'text', (col) => col.notNull())
      .addColumn('audience', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('acknowledge', 'text', (col) => col.notNull())
      .addColumn('team_id', 'text', (col) => col.notNull())
      .addColumn('channel_id', 'text', (col) => col.notNull())
      .addColumn('conversation_id', 'text', (col) => col.notNull())
      .addColumn('service_url', 'text', (col) => col.notNull())
      .addColumn('activity_id', 'text')
      .addColumn('posted_by', 'text', (col) => col.notNull())
      .addColumn('posted_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('change_plan_post_initiative_idx')
      .on('change_plan_post')
      .columns(['tenant_id', 'initiative_id'])
      .execute();
    await db.schema
      .createTable('change_plan_ack')
      .addColumn('tenant_id', 'text', (col) => col.notNull())
      .addColumn('post_id', 'text', (col) => col.notNull())
      .addColumn('person_key', 'text', (col) => col.notNull())
      .addColumn('answer', 'text', (col) => col.notNull().check(sql`answer in ('in', 'notForMe')`))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('change_plan_ack_pk', ['tenant_id', 'post_id', 'person_key'])
      .execute();
    await db.schema
      .createIndex('change_plan_ack_person_idx')
      .on('change_plan_ack')
      .columns(['tenant_id', 'person_key'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'change_plan_ack',
      'change_plan_post',
      'bot_notification_sent',
      'bot_notification_optout',
      'bot_conversation',
    ])
      await db.schema.dropTable(table).execute();
  },
};
