// @ts-check
/** Operations: health, erasure by visitor id, retention. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, collectorOn, share, start, view } from './support/http.js';

const day = 86_400_000;

for (const database of databases) {
  describe(`operations on ${database.name}`, () => {
    const running = collectorOn(database);

    /** @param {string} site */
    const views = async (site) => (await running.collector.authorized(`/api/report?site=${site}`)).body.pages.reduce((/** @type {number} */ n, /** @type {any} */ p) => n + p.views, 0);

    it('GET /healthz answers 200 {ok: true} while the database answers', async () => {
      const response = await running.collector.request('/healthz');
      assert.equal(response.status, 200);
      assert.deepEqual(response.body, { ok: true });
    });

    describe('erasure', () => {
      it('deletes every event stored under a visitor id and nothing else', async () => {
        await running.collector.post('/e', batch([view({ visitor: 'forget-me' }), share('F1s1', { visitor: 'forget-me' }), view({ visitor: 'keep-me' }), view()], 'erase'));
        const response = await running.collector.authorized('/api/visitors/forget-me', { method: 'DELETE' });
        assert.equal(response.status, 200);
        assert.deepEqual(response.body, { visitor: 'forget-me', deleted: { events: 2 } });
        assert.equal(await views('erase'), 2);
        const again = await running.collector.authorized('/api/visitors/forget-me', { method: 'DELETE' });
        assert.deepEqual(again.body.deleted, { events: 0 });
      });

      it('answers 401 without the token and erases nothing', async () => {
        await running.collector.post('/e', batch([view({ visitor: 'still-here' })], 'erase-401'));
        const response = await running.collector.request('/api/visitors/still-here', { method: 'DELETE' });
        assert.equal(response.status, 401);
        assert.equal(await views('erase-401'), 1);
      });
    });

    describe('retention', () => {
      it('deletes events older than the period at start and on each purge', async () => {
        await running.collector.post('/e', batch([view({ ts: Date.now() - 20 * day }), view({ ts: Date.now() - 5 * day }), view()], 'retention'));
        await running.collector.app.close();
        running.collector = await start({ db: running.db.url, rateLimit: 0, retention: '10d' });
        assert.equal(await views('retention'), 2, 'the 20-day-old view went at start');

        await running.collector.app.close();
        running.collector = await start({ db: running.db.url, rateLimit: 0, retention: '2d' });
        assert.equal(await views('retention'), 1, 'the 5-day-old view went too');
        await running.collector.post('/e', batch([view({ ts: Date.now() - 3 * day })], 'retention'));
        assert.equal(await running.collector.app.purgeExpired(), 1);
        assert.equal(await views('retention'), 1);
      });

      it('refuses a period that is not a duration', async () => {
        await assert.rejects(start({ db: running.db.url, retention: '13 months' }), /retention "13 months" is not a duration/);
      });
    });
  });
}
