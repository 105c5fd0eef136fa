/**
 * `npm run bench:partitions -w wom-collector`: what the monthly partitions cost an operator
 * on PostgreSQL. Fills a fresh database at the schema before migration 0006 with
 * BENCH_EVENTS events (default 1,000,000) spread over the last 13 months, then times the
 * migration (inserts wait while it runs: it holds `events` until it commits) and the first
 * retention run at 12 months (dropping the oldest month, trimming the next), beside the same
 * retention as the DELETE it replaces, on the table before the migration (rolled back).
 */
import { Migrator, sql } from 'kysely';
import { openDatabase } from '../dist/src/db.js';
import { migrate, migrations } from '../dist/src/migrations.js';
import { expireEvents, retentionCutoff } from '../dist/src/retention.js';
import { databases } from '../test/support/databases.js';

const count = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const postgres = /** @type {(typeof databases)[number]} */ (databases.find((d) => d.name === 'postgres'));
const database = await postgres.create();
const { db } = await openDatabase(database.url);
try {
  const before = migrations.slice(0, migrations.findIndex((m) => m.version === '0006_event_partitions'));
  /** @type {import('kysely').MigrationProvider} */
  const provider = { getMigrations: async () => Object.fromEntries(before.map((m) => [m.version, { up: (trx) => m.up(trx, 'postgres') }])) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
  const now = Date.now();
  const span = 395 * 86_400_000;
  // Views and shares over 1,000 pages, a third through a share, evenly over the 13 months.
  await sql`
    insert into events (site, id, type, known, ts, url, ref, share, network)
    select 'bench', md5(n::text), case when n % 5 = 0 then 'share' else 'view' end, 1,
           ${now - span}::bigint + (n::bigint * ${span}::bigint) / ${count}::bigint,
           'https://blog.example/posts/' || (n % 1000),
           case when n % 3 = 0 then 's' || (n / 7) end,
           case when n % 5 = 0 then 's' || n end,
           case when n % 5 = 0 then 'x' end
    from generate_series(1, ${count}) as n`.execute(db);
  await sql`analyze events`.execute(db);

  /** @template T @param {() => Promise<T>} task */
  const timed = async (task) => {
    const start = performance.now();
    const result = await task();
    return { ms: Math.round(performance.now() - start), result };
  };
  // A period in months always has a cutoff (only `off` has none).
  const cutoff = /** @type {number} */ (retentionCutoff('12mo', Date.now()));
  const rollback = new Error('rolled back');
  const deleted = await timed(() =>
    db.transaction().execute(async (trx) => {
      await trx.deleteFrom('events').where('ts', '<', cutoff).execute();
      throw rollback;
    }).catch((error) => {
      if (error !== rollback) throw error;
    }),
  );
  const migration = await timed(() => migrate(db, 'postgres'));
  const { rows } = /** @type {import('kysely').QueryResult<{ n: string }>} */ (
    await sql`select count(*) as n from pg_inherits where inhparent = 'events'::regclass`.execute(db)
  );
  const retention = await timed(() => expireEvents(db, 'postgres', cutoff, Date.now()));
  console.log(`\nPostgreSQL, ${count.toLocaleString('en')} events over 13 months:`);
  console.table([
    { step: 'migration 0006 (inserts wait)', ms: migration.ms, detail: `${rows[0].n} monthly partitions` },
    { step: 'retention at 12mo: drop and trim', ms: retention.ms, detail: `${retention.result.toLocaleString('en')} events expired` },
    { step: 'the same as one DELETE, before 0006', ms: deleted.ms, detail: 'one table, rolled back' },
  ]);
} finally {
  await db.destroy();
  await database.drop();
}
