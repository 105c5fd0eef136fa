/**
 * One query layer, two dialects: every query is written once with Kysely and runs on
 * the embedded SQLite file (better-sqlite3) or on a shared PostgreSQL (pg).
 */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** Whether `location` names a PostgreSQL server rather than a SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/**
 * Opens the database named by `location`: a `postgres://` URL, else a SQLite file path.
 *
 * SQLite runs in WAL mode with `synchronous=FULL`: a commit is fsynced before the
 * request is answered, so a 2xx survives a `kill -9` and a power cut alike.
 *
 * With `reader`, a connection for reports (report-worker.ts): SQLite opens the file read-only
 * beside the writer (WAL lets readers run while it commits); PostgreSQL gets one read-only
 * connection whose statements are cancelled after `statementTimeout` ms.
 */
export async function openDatabase(location: string, { reader = false, statementTimeout }: { reader?: boolean; statementTimeout?: number; } = {}): Promise<{ db: Kysely<any>; dialect: Dialect; }> {
  if (isPostgresUrl(location)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: location,
      max: reader ? 1 : 8,
      ...(reader && { statement_timeout: statementTimeout, options: '-c default_transaction_read_only=on' }),
      // count(*) and bigint columns come back as strings by default; ours fit in a double.
      types: {
        getTypeParser: (oid: number, format: any) =>
          oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format),
      },
    });
    return { db: new Kysely({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  const { default: Sqlite } = await import('better-sqlite3');
  const sqlite = new Sqlite(location, { readonly: reader, fileMustExist: reader });
  if (!reader) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    // The writer's page cache (default 2 MB) holds the indexes that every insert walks
    // (64 MB, a few million events' worth); a checkpoint every 4,000 WAL pages instead of
    // 1,000 copies a page the commits of a second keep rewriting (an index's last pages,
    // page_days) to the file once instead of four times.
    sqlite.pragma(`cache_size = ${-64 * 1024}`);
    sqlite.pragma('wal_autocheckpoint = 4000');
  }
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) }), dialect: 'sqlite' };
}

/**
 * Kysely prepares every query it runs, and preparing a 20-row INSERT costs SQLite about
 * as much as running it. Statements are reused by their text instead (the most recent
 * 200; the queries are few, their texts fixed).
 */
function reusingStatements(sqlite: import('better-sqlite3').Database, size = 200): import('kysely').SqliteDatabase {
  const statements: Map<string, import('better-sqlite3').Statement> = new Map();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= size) statements.delete((statements.keys().next().value as string));
        statements.set(text, (statement = sqlite.prepare(text)));
      }
      return statement;
    },
  };
}
