import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

/** An open, migrated database. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  /** Migrations this process applied on opening; empty when another instance (or an earlier start) did. */
  readonly migrationsApplied: readonly string[];
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where the data lives: an embedded PGlite folder (or memory), or a PostgreSQL server. */
export type StoreLocation =
  | { readonly kind: 'pglite'; readonly dataDir: string | null }
  | { readonly kind: 'postgres'; readonly url: string };

/** Opens the database and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  let db: Kysely<Database>;
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    if (location.dataDir) await mkdir(location.dataDir, { recursive: true });
    const pglite = new PGlite(location.dataDir ?? 'memory://');
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  }
  let migrationsApplied: string[];
  try {
    migrationsApplied = await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    kind: location.kind,
    migrationsApplied,
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/**
 * Applies every pending migration in one transaction; fails loudly with the first error. Safe when several
 * instances start together: Kysely's PostgreSQL adapter holds a session-level advisory lock (pg_advisory_lock) while it
 * reads and applies pending migrations, so the others wait and then find nothing left to do
 * (tests/production-start.test.ts starts several at once on an empty database).
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
