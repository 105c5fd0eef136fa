// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { attachMonths, monthOf, monthsCovering } from '../dist/src/partitions.js';
import { retentionCutoff } from '../dist/src/retention.js';
import { databases } from './support/databases.js';
import { batch, start, view } from './support/http.js';

/** @typedef {import('./support/http.js').Collector} Collector */

describe('retentionCutoff', () => {
  const now = Date.UTC(2026, 2, 31, 12); // 31 March 2026, noon

  it('counts months and years on the calendar, clamped to the end of a shorter month', () => {
    assert.equal(new Date(/** @type {number} */ (retentionCutoff('13mo', now))).toISOString(), '2025-02-28T12:00:00.000Z');
    assert.equal(new Date(/** @type {number} */ (retentionCutoff('2y', now))).toISOString(), '2024-03-31T12:00:00.000Z');
    assert.equal(new Date(/** @type {number} */ (retentionCutoff('1mo', Date.UTC(2024, 2, 31)))).toISOString(), '2024-02-29T00:00:00.000Z');
  });

  it('counts hours, days and weeks exactly', () => {
    assert.equal(retentionCutoff('36h', now), now - 36 * 3600_000);
    assert.equal(retentionCutoff('30d', now), now - 30 * 86_400_000);
    assert.equal(retentionCutoff('8w', now), now - 56 * 86_400_000);
    assert.equal(retentionCutoff(1000, now), now - 1000);
  });

  it('keeps everything when off', () => {
    assert.equal(retentionCutoff('off', now), undefined);
    assert.equal(retentionCutoff(0, now), undefined);
  });
});

for (const database of databases) {
  describe(`retention on ${database.name}`, () => {
    /** @param {Collector} collector */
    const stored = async (collector) => (await collector.authorized('/api/events?from=0')).body.events.map((/** @type {{ id: string }} */ e) => e.id).sort();
    /** PostgreSQL: the names of the months events has, else none. @param {Collector} collector */
    const months = async (collector) => {
      if (database.name !== 'postgres') return [];
      const { rows } = await sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'events'::regclass`.execute(collector.app.db);
      return /** @type {{ name: string }[]} */ (rows).map((r) => r.name);
    };

    it('deletes what is older than the cutoff, keeps what is newer, and on PostgreSQL drops the months wholly older', async () => {
      const now = new Date();
      const month = (/** @type {number} */ back, /** @type {number} */ day) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day);
      // The cutoff falls mid-month, three months back: the months before it go whole, it is trimmed.
      const cutoff = month(3, 15);
      const db = await database.create();
      const collector = await start({ db: db.url, rateLimit: 0, retention: Date.now() - cutoff });
      try {
        const old = { gone5: month(5, 10), gone4: month(4, 20), trimmed: cutoff - 3600_000, boundary: cutoff + 3600_000, kept2: month(2, 5) };
        if (database.name === 'postgres') {
          await collector.app.db.transaction().execute((trx) => attachMonths(trx, monthsCovering(old.gone5, old.kept2)));
        }
        const row = (/** @type {string} */ id, /** @type {number} */ ts) => ({ site: 'blog', id, type: 'view', known: 1, ts, url: 'https://blog.example/old' });
        await collector.app.db.insertInto('events').values(Object.entries(old).map(([id, ts]) => row(id, ts))).execute();
        const recent = view({ id: 'recent' });
        assert.equal((await collector.post('/e', batch([recent]))).status, 200);

        assert.equal(await collector.app.purgeExpired(), 3);
        assert.deepEqual(await stored(collector), ['boundary', 'kept2', 'recent']);
        const names = await months(collector);
        if (database.name === 'postgres') {
          assert.deepEqual([monthOf(old.gone5).name, monthOf(old.gone4).name].filter((n) => names.includes(n)), [], 'the months wholly older are dropped');
          assert.ok(names.includes(monthOf(cutoff).name) && names.includes(monthOf(old.kept2).name), names.join());
          const { rows } = await sql`select relname from pg_class where relname in (${monthOf(old.gone5).name}, ${monthOf(old.gone4).name})`.execute(collector.app.db);
          assert.deepEqual(rows, [], 'their tables are gone');
        }
        assert.equal(await collector.app.purgeExpired(), 0, 'a second run finds nothing');
      } finally {
        await collector.app.close();
        await db.drop();
      }
    });

    it('under a retention shorter than ingest’s window, deletes old events but keeps the months ingest still writes into', async () => {
      const db = await database.create();
      const collector = await start({ db: db.url, rateLimit: 0, retention: '1d' });
      try {
        const monthAgo = Date.now() - 34 * 86_400_000;
        assert.equal((await collector.post('/e', batch([view({ id: 'late1', ts: monthAgo }), view({ id: 'today' })]))).body.accepted, 2);
        assert.equal(await collector.app.purgeExpired(), 1);
        assert.deepEqual(await stored(collector), ['today']);
        if (database.name === 'postgres') assert.ok((await months(collector)).includes(monthOf(monthAgo).name));
        // A tracker that queued an event for a month still delivers it.
        assert.equal((await collector.post('/e', batch([view({ id: 'late2', ts: monthAgo })]))).body.accepted, 1);
      } finally {
        await collector.app.close();
        await db.drop();
      }
    });
  });
}
