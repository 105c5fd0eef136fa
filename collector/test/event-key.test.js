// @ts-check
/** SQLite's events keyed (site, ts, id) by migration 0007: a filled table keeps every row, its received order and its indexes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator, sql } from 'kysely';
import { openDatabase } from '../dist/src/db.js';
import { migrations } from '../dist/src/migrations.js';
import { databases } from './support/databases.js';
import { batch, start, view } from './support/http.js';

const sqlite = /** @type {(typeof databases)[number]} */ (databases.find((d) => d.name === 'sqlite'));

/** @param {import('kysely').Kysely<any>} db */
const indexes = async (db) =>
  (await sql`select name, sql from sqlite_master where type = 'index' and tbl_name = 'events' and sql is not null order by name`.execute(db)).rows;

describe('events keyed by time on SQLite', () => {
  it('migration 0007 keys a filled events table (site, ts, id), keeping every row, its received order and its indexes', async () => {
    const database = await sqlite.create();
    try {
      const { db: raw } = await openDatabase(database.url);
      const before = migrations.slice(0, migrations.findIndex((m) => m.version === '0007_event_key_by_time'));
      const provider = { getMigrations: async () => Object.fromEntries(before.map((m) => [m.version, { up: (/** @type {any} */ trx) => m.up(trx, 'sqlite') }])) };
      assert.equal((await new Migrator({ db: raw, provider }).migrateToLatest()).error, undefined);
      const now = Date.now();
      // Received out of ts order, with a null, a real and a visitor: the rowid order is not the key's.
      for (const [i, ts] of [now, now - 5000, now - 1000].entries()) {
        await raw.insertInto('events').values({ site: 'blog', id: `old${i}`, type: 'convert', known: 1, ts, url: 'https://blog.example/old', ref: i ? 'Rk' : null, value: 1.5 * i, visitor: `v${i}` }).execute();
      }
      const rows = (await sql`select rowid, * from events order by rowid`.execute(raw)).rows;
      const kept = await indexes(raw);
      await raw.destroy();

      const collector = await start({ db: database.url, rateLimit: 0, retention: 'off' });
      try {
        const { db } = collector.app;
        const after = /** @type {Record<string, unknown>[]} */ ((await sql`select rowid, * from events order by rowid`.execute(db)).rows);
        // The columns 0007 found, compared: later migrations add their own.
        const columns = Object.keys(/** @type {Record<string, unknown>} */ (rows[0]));
        assert.deepEqual(after.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]]))), rows);
        assert.deepEqual(await indexes(db), kept);
        const { rows: key } = await sql`select name from pragma_index_info((select name from pragma_index_list('events') where origin = 'pk')) order by seqno`.execute(db);
        assert.deepEqual(/** @type {{ name: string }[]} */ (key).map((k) => k.name), ['site', 'ts', 'id']);
        const { rows: leftover } = await sql`select name from sqlite_master where name = 'events_by_time'`.execute(db);
        assert.deepEqual(leftover, []);

        // A retried event is still a duplicate, and new rows are received after the old ones.
        const event = view({ url: 'https://blog.example/old', ts: now - 60_000 });
        assert.deepEqual((await collector.post('/e', batch([event], 'blog'))).body, { accepted: 1, duplicates: 0, rejected: [] });
        assert.deepEqual((await collector.post('/e', batch([event], 'blog'))).body, { accepted: 0, duplicates: 1, rejected: [] });
        const [last] = (await sql`select id from events order by rowid desc limit 1`.execute(db)).rows;
        assert.deepEqual(last, { id: event.id });
      } finally {
        await collector.app.close();
      }
    } finally {
      await database.drop();
    }
  });
});
