import type { ColumnType } from 'kysely';
import type { JobTables } from '../jobs/tables';
import type { AdminTables } from './admin-tables';
import type { BotTables } from './bot-tables';
import type { CollectionTables } from './collection-tables';
import type { PulseKpiTables } from './pulse-kpi-tables';
import type { SharingTables } from './sharing-store';

/** The `initiative` table. */
export interface InitiativeTable {
  id: string;
  tenant_id: string;
  name: string;
  goal: string;
  status: 'draft' | 'active' | 'archived';
  target_group_size: number;
  created_by: string;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  /** The design document (JSON), null for initiatives created before designs existed. */
  design: ColumnType<unknown, string | null | undefined, string | null>;
}

/** Every table LearnFit stores; each row carries its tenant id. */
export interface Database
  extends JobTables, CollectionTables, PulseKpiTables, AdminTables, SharingTables, BotTables {
  initiative: InitiativeTable;
}
