// @ts-check
/** PostgreSQL's monthly partitions of events: the migration of a filled table, months made ahead, concurrently. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Migrator, sql } from 'kysely';
import { openDatabase } from '../dist/src/db.js';
import { migrations } from '../dist/src/migrations.js';
import { attachMonths, dropMonthsBefore, monthOf, monthsCovering, prepareMonths } from '../dist/src/partitions.js';
import { maxAgeMs, maxAheadMs } from '../dist/src/schema.js';
import { databases } from './support/databases.js';
import { batch, start, view } from './support/http.js';

const postgres = /** @type {(typeof databases)[number]} */ (databases.find((d) => d.name === 'postgres'));
const day = 86_400_000;

/** @param {import('kysely').Kysely<any>} db */
async function partitions(db) {
  const { rows } = await sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'events'::regclass order by c.relname`.execute(db);
  return /** @type {{ name: string }[]} */ (rows).map((r) => r.name);
}

describe('monthsCovering', () => {
  it('names UTC months and bounds each from its first ms to the next month’s', () => {
    const months = monthsCovering(Date.UTC(2025, 10, 30, 23, 59), Date.UTC(2026, 1, 1));
    assert.deepEqual(months.map((m) => m.name), ['events_2025_11', 'events_2025_12', 'events_2026_01', 'events_2026_02']);
    assert.deepEqual(monthOf(Date.UTC(2025, 11, 31, 23, 59, 59, 999)), { name: 'events_2025_12', from: Date.UTC(2025, 11), to: Date.UTC(2026, 0) });
    assert.equal(months[1].to, months[2].from);
  });
});

describe('events partitioned by month on PostgreSQL', () => {
  it('migration 0006 moves a filled events table into monthly partitions, keeping every row and its received order', async () => {
    const database = await postgres.create();
    try {
      const { db: raw } = await openDatabase(database.url);
      const before = migrations.slice(0, migrations.findIndex((m) => m.version === '0006_event_partitions'));
      const provider = { getMigrations: async () => Object.fromEntries(before.map((m) => [m.version, { up: (/** @type {any} */ trx) => m.up(trx, 'postgres') }])) };
      assert.equal((await new Migrator({ db: raw, provider }).migrateToLatest()).error, undefined);
      const old = [Date.UTC(2024, 0, 31, 23), Date.UTC(2024, 1, 1), Date.UTC(2024, 1, 15), Date.UTC(2025, 6, 4), Date.now()];
      // Inserted out of ts order: the received order (seq) is not the time order.
      for (const [i, ts] of [...old.entries()].reverse()) {
        await raw.insertInto('events').values({ site: 'blog', id: `old${i}`, type: 'view', known: 1, ts, url: 'https://blog.example/old' }).execute();
      }
      const received = (await sql`select id, seq from events order by seq`.execute(raw)).rows;
      await raw.destroy();

      const collector = await start({ db: database.url, rateLimit: 0, retention: 'off' });
      try {
        const { db } = collector.app;
        assert.deepEqual((await sql`select id, seq from events order by seq`.execute(db)).rows, received);
        const names = await partitions(db);
        for (const month of ['events_2024_01', 'events_2024_02', 'events_2025_07', monthOf(Date.now()).name]) assert.ok(names.includes(month), `${month} in ${names}`);
        assert.ok(!names.includes('events_2024_03'), 'no month without rows is made outside ingest’s window');
        // The indexes reports need, and no more (0006 makes them again: one an earlier step adds must be listed there).
        const { rows: indexes } = await sql`select indexname, indexdef from pg_indexes where tablename = 'events' order by indexname`.execute(db);
        assert.deepEqual(/** @type {any[]} */ (indexes).map((i) => i.indexname), ['events_convert_ref', 'events_pk', 'events_url', 'events_visitor']);
        assert.match(/** @type {any[]} */ (indexes).find((i) => i.indexname === 'events_pk').indexdef, /\(site, id, ts\)/);
        const { rows: leftover } = await sql`select relname from pg_class where relname = 'events_unpartitioned'`.execute(db);
        assert.deepEqual(leftover, []);

        // New rows go on numbering after the old ones, and a retry is still a duplicate.
        const event = view({ url: 'https://blog.example/old' });
        assert.deepEqual((await collector.post('/e', batch([event]))).body, { accepted: 1, duplicates: 0, rejected: [] });
        assert.deepEqual((await collector.post('/e', batch([event]))).body, { accepted: 0, duplicates: 1, rejected: [] });
        const [last] = (await sql`select id from events order by seq desc limit 1`.execute(db)).rows;
        assert.deepEqual(last, { id: event.id });
      } finally {
        await collector.app.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('makes every month ingest may write into at start, and stores events at both ends of its window', async () => {
    const database = await postgres.create();
    const collector = await start({ db: database.url, rateLimit: 0 });
    try {
      const now = Date.now();
      const expected = monthsCovering(now - maxAgeMs, monthOf(now + maxAheadMs).to).map((m) => m.name);
      assert.ok(expected.length >= 3, 'the month after the window is made too');
      assert.deepEqual(await partitions(collector.app.db), expected);
      const edges = [view({ ts: now - maxAgeMs + 60_000 }), view({ ts: now + maxAheadMs - 60_000 })];
      assert.deepEqual((await collector.post('/e', batch(edges))).body, { accepted: 2, duplicates: 0, rejected: [] });
    } finally {
      await collector.app.close();
      await database.drop();
    }
  });

  it('makes months once when two processes make them at the same moment', async () => {
    const database = await postgres.create();
    const collector = await start({ db: database.url, rateLimit: 0 });
    const [one, two] = await Promise.all([openDatabase(database.url), openDatabase(database.url)]);
    try {
      const later = Date.now() + 400 * day;
      await Promise.all([prepareMonths(one.db, later), prepareMonths(two.db, later), prepareMonths(one.db, later)]);
      const names = await partitions(collector.app.db);
      const made = monthsCovering(later - maxAgeMs, monthOf(later + maxAheadMs).to).map((m) => m.name);
      for (const name of made) assert.equal(names.filter((n) => n === name).length, 1, name);
      await prepareMonths(one.db, later);
      assert.deepEqual(await partitions(collector.app.db), names);
    } finally {
      await one.db.destroy();
      await two.db.destroy();
      await collector.app.close();
      await database.drop();
    }
  });

  it('makes and drops months while a report reads, without holding ingest behind it', async () => {
    const database = await postgres.create();
    const collector = await start({ db: database.url, rateLimit: 0, retention: 'off' });
    const reader = await openDatabase(database.url);
    /** @type {() => void} */
    let finish = () => {};
    const reading = new Promise((resolve) => (finish = () => resolve(undefined)));
    /** Fails if `promise` has not settled within `ms`. @param {Promise<unknown>} promise @param {string} what */
    const within = (promise, what, ms = 20_000) =>
      Promise.race([promise, sleep(ms).then(() => assert.fail(`${what} waited behind the report`))]);
    try {
      const old = monthOf(Date.UTC(2020, 0, 15));
      await collector.app.db.transaction().execute((trx) => attachMonths(trx, [old]));
      // A report: a transaction that has read events and goes on running.
      let started = () => {};
      const read = new Promise((resolve) => (started = () => resolve(undefined)));
      const report = reader.db.transaction().execute(async (trx) => {
        await sql`select count(*) from events`.execute(trx);
        started();
        await reading;
      });
      await read;
      await within(prepareMonths(collector.app.db, Date.now() + 400 * day), 'attaching a month');
      const dropping = dropMonthsBefore(collector.app.db, old.to);
      await sleep(300);
      const { body } = /** @type {{ body: unknown }} */ (await within(collector.post('/e', batch([view()])), 'ingest'));
      assert.deepEqual(body, { accepted: 1, duplicates: 0, rejected: [] });
      finish();
      await report;
      assert.equal(await dropping, 0);
      assert.ok(!(await partitions(collector.app.db)).includes(old.name));
    } finally {
      finish();
      await reader.db.destroy();
      await collector.app.close();
      await database.drop();
    }
  });
});
