/**
 * Versioned schema steps, run at start, the same on SQLite and PostgreSQL.
 * Append new steps at the end with the next version number; never edit a released one.
 * Kysely's Migrator records what ran and locks, so several processes may start at once.
 */
import { Migrator, sql, type CreateTableBuilder } from 'kysely';
import type { Dialect } from './db.js';
import { rebuildPage } from './lineage.js';
import { attachMonths, monthOf } from './partitions.js';
import { fingerprint } from './spam.js';
import type { Database } from './types.js';

interface Migration {
  version: string;
  up: (db: Database, dialect: Dialect) => Promise<void>;
}

export const migrations: Migration[] = [
  {
    version: '0001_events',
    async up(db) {
      await db.schema
        .createTable('events')
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        // 0 for a type this collector does not know yet (stored for a newer tracker).
        .addColumn('known', 'integer', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('ref', 'text')
        .addColumn('share', 'text')
        .addColumn('network', 'text')
        .addColumn('via', 'text')
        .addColumn('visitor', 'text')
        .addColumn('rating', 'integer')
        .addColumn('item', 'text')
        .addColumn('name', 'text')
        .addColumn('value', 'double precision')
        .addColumn('currency', 'text')
        .addColumn('metric', 'text')
        .addPrimaryKeyConstraint('events_pk', ['site', 'id'])
        .execute();
      // Reports and counts read one page's events of one type in a time range.
      await db.schema.createIndex('events_url').on('events').columns(['url', 'type', 'ts']).execute();
      // Conversions on other pages are found by the share they arrived through. Partial:
      // conversions are few, and an index over every event's ref would slow ingest by a third.
      await db.schema
        .createIndex('events_convert_ref')
        .on('events')
        .column('ref')
        .where(sql.ref('type'), '=', sql.lit('convert'))
        .execute();
      // Erasure by visitor id.
      await db.schema
        .createIndex('events_visitor')
        .on('events')
        .column('visitor')
        .where('visitor', 'is not', null)
        .execute();
      await db.schema
        .createTable('bot_hits')
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('bot_hits_pk', ['site', 'day'])
        .execute();
    },
  },
  {
    version: '0002_reviews',
    async up(db) {
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('rating', 'integer', (c) => c.notNull())
        // Exactly as written: untrusted, rendered as text by every consumer.
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('author', 'text')
        .addColumn('ts', 'bigint', (c) => c.notNull())
        // published, held (for moderation) or rejected; `reason` says why a review was held.
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        // Fingerprint of the normalized text, for duplicate detection.
        .addColumn('hash', 'text')
        .execute();
      // The widget pages one item's published reviews, newest first.
      await db.schema.createIndex('reviews_item').on('reviews').columns(['item', 'status', 'ts']).execute();
      await db.schema.createIndex('reviews_hash').on('reviews').columns(['site', 'hash']).where('hash', 'is not', null).execute();
      await db.schema.createIndex('reviews_held').on('reviews').column('ts').where(sql.ref('status'), '=', 'held').execute();
      // Per-item aggregate kept in step with publishing, so reading it is one row.
      await db.schema
        .createTable('review_stats')
        .addColumn('item', 'text', (c) => c.primaryKey())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('r1', 'integer', (c) => c.notNull())
        .addColumn('r2', 'integer', (c) => c.notNull())
        .addColumn('r3', 'integer', (c) => c.notNull())
        .addColumn('r4', 'integer', (c) => c.notNull())
        .addColumn('r5', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  {
    version: '0003_review_sites',
    async up(db) {
      // Reviews belong to a (site, item): the aggregate is kept per pair. Every stored
      // review already names its site, so the new aggregate is rebuilt from them.
      await db.schema.dropTable('review_stats').execute();
      const stars = ([1, 2, 3, 4, 5] as const);
      const counts = ['total', 'points', ...stars.map((star) => `r${star}`)];
      let stats = db.schema.createTable('review_stats').addColumn('item', 'text', (c) => c.notNull()).addColumn('site', 'text', (c) => c.notNull());
      for (const column of counts) stats = stats.addColumn(column, 'integer', (c) => c.notNull());
      // Item first: one item of one site, or of every site (the v1 answer), is one range.
      await stats.addPrimaryKeyConstraint('review_stats_pk', ['item', 'site']).execute();
      await db
        .insertInto('review_stats')
        .columns(['item', 'site', ...counts])
        .expression(
          db
            .selectFrom('reviews')
            .select((eb) => [
              'item',
              'site',
              eb.fn.countAll().as('total'),
              eb.fn.sum('rating').as('points'),
              ...stars.map((star) => sql`sum(case when rating = ${sql.lit(star)} then 1 else 0 end)`.as(`r${star}`)),
            ])
            .where('status', '=', 'published')
            .groupBy(['item', 'site']),
        )
        .execute();
      await db.schema.createIndex('reviews_site_item').on('reviews').columns(['site', 'item', 'status', 'ts']).execute();
      // Duplicates are per (site, item), of the text as a reader sees it: fingerprints
      // are recomputed with that normalization (NFKC, invisible characters removed).
      await db.schema.dropIndex('reviews_hash').execute();
      await db.schema
        .createIndex('reviews_hash')
        .on('reviews')
        .columns(['site', 'item', 'hash'])
        .where('hash', 'is not', null)
        .execute();
      for (let after = ''; ; ) {
        const rows = await db
          .selectFrom('reviews')
          .select(['id', 'text'])
          .where('hash', 'is not', null)
          .where('id', '>', after)
          .orderBy('id')
          .limit(500)
          .execute();
        if (!rows.length) break;
        for (const { id, text } of rows) await db.updateTable('reviews').set({ hash: fingerprint(text) }).where('id', '=', id).execute();
        after = rows[rows.length - 1].id;
      }
      // The form tokens' secret, shared by every process on this database.
      await db.schema
        .createTable('secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      // Nonces of form tokens already used, until the token expires.
      await db.schema
        .createTable('review_tokens')
        .addColumn('nonce', 'text', (c) => c.primaryKey())
        .addColumn('expires', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('review_tokens_expires').on('review_tokens').column('expires').execute();
    },
  },
  {
    version: '0004_received_order',
    async up(db, dialect) {
      // The share graph takes each share id's first event as received (report.ts). SQLite
      // appends rows in rowid order already; PostgreSQL has no such order, so a sequence
      // numbers the rows as they are inserted.
      if (dialect === 'postgres') await sql`alter table events add column seq bigserial`.execute(db);
    },
  },
  {
    version: '0005_lineage',
    async up(db, dialect) {
      // Lineage kept as events arrive (lineage.ts): each share of a page with its parent and generation.
      await db.schema
        .createTable('shares')
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('share', 'text', (c) => c.notNull())
        .addColumn('parent', 'text')
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('network', 'text')
        .addColumn('visitor', 'text')
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('shares_pk', ['site', 'url', 'share'])
        .execute();
      // Refs a page's events named before their share arrived: that share's arrival makes the page stale.
      await db.schema
        .createTable('unresolved')
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('unresolved_pk', ['site', 'url', 'ref'])
        .execute();
      await db.schema.createTable('stale_pages').addColumn('site', 'text', (c) => c.notNull()).addColumn('url', 'text', (c) => c.notNull()).addPrimaryKeyConstraint('stale_pages_pk', ['site', 'url']).execute();
      // The overview's figures: events counted per page, UTC day (days since the epoch) and generation.
      let days = db.schema
        .createTable('page_days')
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('generation', 'integer', (c) => c.notNull());
      for (const column of ['views', 'shares', 'conversions', 'reviews']) days = days.addColumn(column, 'integer', (c) => c.notNull());
      await days
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('page_days_pk', ['site', 'url', 'day', 'generation'])
        .execute();
      // Retention drops whole days; the overview reads a range of days.
      await db.schema.createIndex('page_days_day').on('page_days').columns(['site', 'day']).execute();
      // Every page already stored gets its lineage now, so that the first overview is whole.
      const pages = await db.selectFrom('events').select(['site', 'url']).distinct().execute();
      // Cascades (0008) did not exist yet: 0008 rebuilds them with their own columns.
      for (const { site, url } of pages) await rebuildPage(db, dialect, site, url, { cascades: false });
    },
  },
  {
    version: '0006_event_partitions',
    async up(db, dialect) {
      // PostgreSQL: events partitioned by month (partitions.ts says why and how); SQLite keeps one table.
      if (dialect !== 'postgres') return;
      await sql`alter table events rename to events_unpartitioned`.execute(db);
      // Every column, default (0004's seq goes on from its sequence) and check; the keys come after the rows.
      await sql`create table events (like events_unpartitioned including all excluding indexes) partition by range (ts)`.execute(db);
      const { rows } = await sql<{ month: number }>`
        select distinct (extract(epoch from date_trunc('month', to_timestamp(ts / 1000.0) at time zone 'UTC')) * 1000)::bigint as month
        from events_unpartitioned`.execute(db);
      await attachMonths(db, rows.map((r) => monthOf(Number(r.month))));
      await sql`insert into events select * from events_unpartitioned`.execute(db);
      await sql`alter sequence events_seq_seq owned by events.seq`.execute(db);
      await sql`drop table events_unpartitioned`.execute(db);
      // A partitioned table's unique keys must hold its partition key: ts joins the key. A
      // retried event carries the same id and ts, so retries still conflict (commit.ts).
      await sql`alter table events add constraint events_pk primary key (site, id, ts)`.execute(db);
      // The indexes reports need, made again (one an earlier step adds to events must be listed
      // here too); ts needs none of its own, the months prune it.
      // A page's events of one type in a time range (reports, counts):
      await sql`create index events_url on events (url, type, ts)`.execute(db);
      // Conversions on other pages found by the share they arrived through:
      await sql`create index events_convert_ref on events (ref) where type = 'convert'`.execute(db);
      // Erasure by visitor id, which would otherwise read every month:
      await sql`create index events_visitor on events (visitor) where visitor is not null`.execute(db);
    },
  },
  {
    version: '0007_event_key_by_time',
    async up(db, dialect) {
      // SQLite: with the key (site, id), every random id of a commit lands on its own page of
      // the key's b-tree, so a commit of 300 events wrote some 300 pages to the WAL. Keyed
      // (site, ts, id), events arrive near the end of their site's range, as their rows do.
      // A retry resends the same id and ts, so it still conflicts: the same dedupe as
      // PostgreSQL's (site, id, ts). SQLite changes a key only by making the table again:
      // every column, rowid (the received order, lineage.ts) and index is copied as it is.
      if (dialect !== 'sqlite') return;
      const { rows: columns } = await sql<{ name: string; type: string; notnull: number }>`
        select name, type, "notnull" from pragma_table_info('events') order by cid`.execute(db);
      const { rows: indexes } = await sql<{ sql: string }>`
        select sql from sqlite_master where type = 'index' and tbl_name = 'events' and sql is not null`.execute(db);
      let table: CreateTableBuilder<'events_by_time', string> = db.schema.createTable('events_by_time');
      for (const { name, type, notnull } of columns) table = table.addColumn(name, sql.raw(type), (c) => (notnull ? c.notNull() : c));
      await table.addPrimaryKeyConstraint('events_pk', ['site', 'ts', 'id']).execute();
      const names = sql.join(columns.map((c) => sql.ref(c.name)));
      await sql`insert into events_by_time (rowid, ${names}) select rowid, ${names} from events order by rowid`.execute(db);
      await db.schema.dropTable('events').execute();
      await db.schema.alterTable('events_by_time').renameTo('events').execute();
      for (const index of indexes) await sql.raw(index.sql).execute(db);
    },
  },
  {
    version: '0008_webhooks',
    async up(db, dialect) {
      // The webhook outbox (webhooks/outbox.ts): one row per (event, target), its body fixed,
      // and the delivery's whole state: pending (due at `due`), delivered, stopped (410),
      // refused (a forbidden address) or failed (retried for the schedule's span).
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created', 'bigint', (c) => c.notNull())
        // When retrying began: the event, or the last replay.
        .addColumn('since', 'bigint', (c) => c.notNull())
        .addColumn('due', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      // The deliverer reads the pending rows by due time; the others are history.
      await db.schema.createIndex('outbox_due').on('outbox').column('due').where(sql.ref('state'), '=', 'pending').execute();
      // Every attempt, as the admin reads it (`GET /api/webhooks/deliveries`); ids sort by time.
      await db.schema
        .createTable('webhook_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('delivery', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        // Redacted (outbox.ts): no path secret, no query string.
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('ms', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').column('delivery').execute();
      // Targets that answered 410 Gone: nothing more is sent to them until a replay.
      await db.schema
        .createTable('webhook_targets')
        .addColumn('target', 'text', (c) => c.primaryKey())
        .addColumn('stopped', 'bigint', (c) => c.notNull())
        .execute();
      // A conversion's webhook names the generation and network of the share it came
      // through, which may be another page's: shares are found by id alone.
      await db.schema.createIndex('shares_share').on('shares').column('share').execute();
      // Cascades for the milestones (webhooks/milestones.ts): each share's seed and distance
      // from it, each cascade's shares and depth, and the milestones announced already, never twice.
      await db.schema.alterTable('shares').addColumn('root', 'text').execute();
      await db.schema.alterTable('shares').addColumn('depth', 'integer').execute();
      await db.schema
        .createTable('cascades')
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('root', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('cascades_pk', ['site', 'url', 'root'])
        .execute();
      await db.schema
        .createTable('milestones')
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('root', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('milestones_pk', ['site', 'url', 'root', 'kind', 'level'])
        .execute();
      // The pages stored so far get their cascades (milestones already passed are not announced).
      const pages = await db.selectFrom('shares').select(['site', 'url']).distinct().execute();
      for (const { site, url } of pages) await rebuildPage(db, dialect, site, url);
    },
  },
  {
    version: '0009_arrival',
    async up(db) {
      // A view's arrival: the referring host and the landing URL's campaign (schema.ts).
      for (const column of ['referrer', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content']) {
        await db.schema.alterTable('events').addColumn(column, 'text').execute();
      }
    },
  },
];

export async function migrate(db: Database, dialect: Dialect) {
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () => Object.fromEntries(migrations.map((m) => [m.version, { up: (trx: Database) => m.up(trx, dialect) }])),
    },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
