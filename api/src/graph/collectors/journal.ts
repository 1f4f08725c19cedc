import { GraphError } from '@microsoft/microsoft-graph-client';
import type { ChannelMessageRecord, DirectoryPerson } from '@learnfit/core';

/**
 * Where one unit of collection work stands. A unit is one paged read: the user list, one team's
 * structure, one channel's messages, one report-day. `next` holds the link to continue from; `done`
 * holds what the unit learned besides rows (a failure status, a team's channel ids, ...).
 */
export type UnitState =
  { readonly state: 'next'; readonly link: string } | { readonly state: 'done'; readonly info: UnitInfo };

/** What a finished unit recorded besides its rows. */
export interface UnitInfo {
  /** HTTP status that ended the unit without data (403 forbidden, 404 deleted), if any. */
  readonly failedStatus?: number;
  /** Usage-report concealment as read from `/admin/reportSettings` (null: unreadable). */
  readonly concealed?: boolean | null;
  /** A whole report is unusable: concealed names or a status; its report-days are skipped. */
  readonly reportOutcome?: 'concealed' | 'forbidden';
  readonly memberIds?: readonly string[];
  readonly channelIds?: readonly string[];
}

/** A directory person with the UPN the usage reports are joined on (kept only until the snapshot). */
export interface CollectedPerson extends DirectoryPerson {
  readonly userPrincipalName: string | null;
  readonly guest: boolean;
}

/**
 * One report-day, compact because a large tenant has tens of thousands of rows per day: each row is
 * `[person, ...counts]`, `person` indexing the run's people in journal order and the counts following
 * the report's columns (report-columns.ts). Everyone with a row is present, zero counts included.
 */
export interface ReportDay {
  readonly report: string;
  readonly day: string;
  readonly rows: ReadonlyArray<readonly number[]>;
}

/** Rows a page adds; they land together with the unit's new state or not at all. */
export interface PageRows {
  readonly people?: readonly CollectedPerson[];
  readonly messages?: readonly ChannelMessageRecord[];
  readonly reportDay?: ReportDay;
}

/**
 * The checkpoint log of one collection run. `commit` must be atomic and idempotent: rows are keyed by
 * their natural ids, so committing a page twice (after a crash between the write and the next request)
 * leaves one copy.
 */
export interface CollectionJournal {
  /** Every unit's saved state (absent: not started). */
  units(): Promise<ReadonlyMap<string, UnitState>>;
  commit(unit: string, state: UnitState, rows?: PageRows): Promise<void>;
  /** People in the order they were first committed (Graph's order), each once. */
  people(): Promise<CollectedPerson[]>;
  messages(): Promise<ChannelMessageRecord[]>;
  reportDays(): Promise<ReportDay[]>;
}

/** A journal in memory: for one-shot collections and tests that do not resume. */
export function createMemoryJournal(): CollectionJournal {
  const units = new Map<string, UnitState>();
  const people = new Map<string, CollectedPerson>();
  const messages = new Map<string, ChannelMessageRecord>();
  const days = new Map<string, ReportDay>();
  return {
    units: () => Promise.resolve(new Map(units)),
    commit(unit, state, rows) {
      units.set(unit, state);
      for (const person of rows?.people ?? []) people.set(person.id, person);
      for (const message of rows?.messages ?? []) messages.set(`${message.channelId}|${message.id}`, message);
      if (rows?.reportDay) days.set(`${rows.reportDay.report}|${rows.reportDay.day}`, rows.reportDay);
      return Promise.resolve();
    },
    people: () => Promise.resolve([...people.values()]),
    messages: () => Promise.resolve([...messages.values()]),
    reportDays: () => Promise.resolve([...days.values()]),
  };
}

/**
 * Whether a saved next link was refused as stale (an expired skip token is a 400 or 410): the unit then
 * starts over, which the idempotent journal makes safe.
 */
export function isStaleLink(error: unknown): boolean {
  return error instanceof GraphError && (error.statusCode === 400 || error.statusCode === 410);
}

/** The first request of a unit, or the saved link it continues from. */
export function startOf(state: UnitState | undefined, first: string): string | null {
  if (state?.state === 'done') return null;
  return state?.state === 'next' ? state.link : first;
}

/** Commits that trail the requests: see `commitBehind`. */
export interface TrailingCommits {
  /** Waits for the previous commit (rethrowing its failure), then starts this one without waiting. */
  commit(unit: string, state: UnitState, rows?: PageRows): Promise<void>;
  /** Waits for the last commit; rethrows its failure. Call before returning. */
  settle(): Promise<void>;
}

/**
 * Lets a paged reader request page n+1 while page n is being written: a unit's pages still commit in
 * order, one at a time, and each with the link to the page after it, so a crash leaves the journal at
 * a page boundary exactly as before; only the database write no longer sits between two requests.
 */
export function commitBehind(journal: CollectionJournal): TrailingCommits {
  let pending: Promise<void> | null = null;
  let failure: { readonly error: unknown } | null = null;
  const settle = async (): Promise<void> => {
    if (pending) await pending;
    pending = null;
    if (failure) {
      const { error } = failure;
      failure = null;
      throw error;
    }
  };
  return {
    async commit(unit, state, rows) {
      await settle();
      pending = journal.commit(unit, state, rows).catch((error: unknown) => {
        failure = { error };
      });
    },
    settle,
  };
}
