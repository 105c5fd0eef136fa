// @ts-check
/** Lineage kept as events arrive (src/lineage.ts): in order, out of order, migrated, expired. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { openDatabase } from '../dist/src/db.js';
import { migrations } from '../dist/src/migrations.js';
import { databases } from './support/databases.js';
import { batch, collectorOn, share, start, view } from './support/http.js';

const day = 86_400_000;
/** Noon of a UTC day well inside the accepted window. */
const noon = Math.floor((Date.now() - 5 * day) / day) * day + day / 2;

for (const database of databases) {
  describe(`lineage on ${database.name}`, () => {
    const running = collectorOn(database);

    /** The page's lineage rows, by share id. @param {string} url */
    const lineage = async (url) =>
      Object.fromEntries(
        (await running.collector.app.db.selectFrom('shares').select(['share', 'parent', 'generation']).where('url', '=', url).execute()).map((r) => [
          r.share,
          [r.parent, Number(r.generation)],
        ]),
      );

    it('moves what hangs below a share that arrives after its children', async () => {
      const url = 'https://blog.example/late-parent';
      const post = (/** @type {object[]} */ events) => running.collector.post('/e', batch(events, 'late'));
      await post([share('L2s1', { url, ref: 'L1s1', ts: noon + 2 }), view({ url, ref: 'L2s1', ts: noon + 3 }), share('L3s1', { url, ref: 'L2s1', ts: noon + 4 })]);
      assert.deepEqual(await lineage(url), { L2s1: [null, 1], L3s1: ['L2s1', 2] });
      await post([share('L1s1', { url, ts: noon + 1 })]);
      assert.deepEqual(await lineage(url), { L1s1: [null, 0], L2s1: ['L1s1', 1], L3s1: ['L2s1', 2] });
      const { body } = await running.collector.authorized('/api/report?site=late');
      assert.deepEqual(body.pages, [{ url, views: 1, shares: 3, visits: 1, k: 0, depth: 2 }]);
    });

    it('answers exactly while a page waits for its rebuild, and rebuilds it within seconds', async () => {
      const url = 'https://blog.example/busy';
      // Ten children, each sent before its parent: every parent makes the page stale again.
      for (let i = 1; i <= 10; i++) {
        await running.collector.post('/e', batch([share(`B${i}c`, { url, ref: `B${i}p`, ts: noon }), share(`B${i}p`, { url, ts: noon })], 'busy'));
      }
      const { body } = await running.collector.authorized('/api/report?site=busy');
      assert.deepEqual(body.pages[0], { url, views: 0, shares: 20, visits: 0, k: 0, depth: 1 });
      const page = await running.collector.authorized(`/api/report?url=${encodeURIComponent(url)}`);
      assert.deepEqual(page.body.generations.map((/** @type {any} */ g) => g.shares), [10, 10]);
      for (const since = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 50))) {
        const stale = await running.collector.app.db.selectFrom('stale_pages').select('url').where('url', '=', url).execute();
        if (stale.length === 0) break;
        assert.ok(Date.now() - since < 5000, 'rebuilt within seconds');
      }
      assert.deepEqual((await lineage(url)).B7c, ['B7p', 1]);
    });

    it('counts whole UTC days in the overview, and says which', async () => {
      const url = 'https://blog.example/days';
      await running.collector.post('/e', batch([view({ url, ts: noon }), view({ url, ts: noon + day })], 'days'));
      const { body } = await running.collector.authorized(`/api/report?site=days&from=${noon + 1}&to=${noon + 2}`);
      assert.deepEqual([body.from, body.to], [noon - day / 2, noon + day / 2]);
      assert.equal(body.pages[0].views, 1);
      assert.deepEqual(body.daily.map((/** @type {any} */ d) => d.day), [new Date(noon).toISOString().slice(0, 10)]);
    });

    it('forgets the lineage and counts of expired days with their events', async () => {
      const url = 'https://blog.example/expiring';
      await running.collector.post('/e', batch([share('X1s1', { url, ts: noon - 2 * day }), view({ url, ref: 'X1s1', ts: noon - 2 * day }), view({ url, ref: 'X9s9', ts: noon - 2 * day }), view({ url, ts: noon })], 'expiring'));
      await running.collector.app.close();
      // A cutoff inside yesterday's day keeps that whole day: retention goes by UTC days.
      const retention = Date.now() - (noon - day);
      running.collector = await start({ db: running.db.url, rateLimit: 0, retention });
      const { db } = running.collector.app;
      assert.deepEqual(await lineage(url), {});
      const days = await db.selectFrom('page_days').select('day').where('url', '=', url).execute();
      assert.deepEqual(days.map((d) => Number(d.day)), [Math.floor(noon / day)]);
      assert.equal((await db.selectFrom('unresolved').select('ref').where('url', '=', url).execute()).length, 0);
    });

    it('builds the lineage of the events stored before it (migration 0005)', async () => {
      const old = await database.create();
      try {
        const { db: raw, dialect } = await openDatabase(old.url);
        const upTo = migrations.findIndex((m) => m.version === '0005_lineage');
        const provider = { getMigrations: async () => Object.fromEntries(migrations.slice(0, upTo).map((m) => [m.version, { up: (/** @type {any} */ db) => m.up(db, dialect) }])) };
        assert.equal((await new Migrator({ db: raw, provider }).migrateToLatest()).error, undefined);
        const url = 'https://blog.example/old';
        const row = (/** @type {string} */ id, /** @type {Record<string, unknown>} */ fields) => ({ site: 'old', id, known: 1, ts: noon, url, ...fields });
        // Received child first: the rebuild still finds its parent.
        await raw
          .insertInto('events')
          .values([
            row('e1', { type: 'share', share: 'O2', ref: 'O1' }),
            row('e2', { type: 'view' }),
            row('e3', { type: 'share', share: 'O1' }),
            row('e4', { type: 'view', ref: 'O2' }),
          ])
          .execute();
        await raw.destroy();
        const migrated = await start({ db: old.url, rateLimit: 0 });
        try {
          const { body } = await migrated.authorized('/api/report?site=old');
          assert.deepEqual(body.pages, [{ url, views: 2, shares: 2, visits: 1, k: 1, depth: 2 }]);
          const rows = await migrated.app.db.selectFrom('shares').select(['share', 'generation']).orderBy('share').execute();
          assert.deepEqual(rows.map((r) => [r.share, Number(r.generation)]), [['O1', 0], ['O2', 1]]);
        } finally {
          await migrated.app.close();
        }
      } finally {
        await old.drop();
      }
    });
  });
}
