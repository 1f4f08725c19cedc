import type { ColumnType } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Stamp = ColumnType<Date, Date | string, Date | string>;

/** Pulse waves, answers and drafts, and entered KPI value series, as Kysely sees them. */
export interface PulseKpiTables {
  pulse_wave: {
    id: string;
    tenant_id: string;
    initiative_id: string;
    /** `open` until closed by hand; a wave past `closes_at` is closed whatever this says. */
    state: 'open' | 'closed';
    opened_at: Stamp;
    closes_at: Stamp;
    closed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  };
  pulse_answer: {
    tenant_id: string;
    wave_id: string;
    /** The person's pseudonym; the user id is never stored beside an answer. */
    person_key: string;
    answer: Json<unknown>;
    updated_at: Stamp;
  };
  /** A person's unfinished answer; never read by results or diagnostics. */
  pulse_draft: {
    tenant_id: string;
    wave_id: string;
    person_key: string;
    draft: Json<unknown>;
    updated_at: Stamp;
  };
  kpi_value_series: {
    tenant_id: string;
    initiative_id: string;
    kpi_id: string;
    phase: 'baseline' | 'followUp';
    group_name: 'target' | 'comparison';
    /** A JSON array of finite numbers. */
    numbers: Json<unknown>;
    updated_at: Stamp;
  };
}
