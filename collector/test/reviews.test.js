// @ts-check
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, event, start, token } from './support/http.js';

/** A submission as the widget sends it: a person's fill time, the honeypot empty. */
const review = (/** @type {Record<string, unknown>} */ fields = {}) => ({
  site: 'blog',
  item: 'book-42',
  rating: 5,
  text: 'A fine book.',
  author: 'Ada',
  website: '',
  elapsed: 8000,
  ...fields,
});

let unique = 0;
/** An item of its own for each test, so tests do not see each other's reviews. */
const item = () => `item-${unique++}`;

for (const database of databases) {
  describe(`reviews on ${database.name}`, () => {
    /** @type {import('./support/databases.js').TestDatabase} */
    let db;
    /** @type {import('./support/http.js').Collector} */
    let collector;
    before(async () => {
      db = await database.create();
      collector = await start({ db: db.url, rateLimit: 0, reviewRate: 0, origins: ['https://blog.example'] });
    });
    after(async () => {
      await collector?.app.close();
      await db?.drop();
    });

    const submit = (/** @type {Record<string, unknown>} */ fields) =>
      collector.request('/api/reviews', {
        method: 'POST',
        body: JSON.stringify(review(fields)),
        headers: { 'content-type': 'application/json' },
      });
    const read = (/** @type {string} */ query) => collector.request(`/api/reviews?${query}`);
    const pending = async (/** @type {string} */ id) =>
      (await collector.authorized(`/api/reviews/pending?item=${id}`)).body.reviews;
    const moderate = (/** @type {string} */ action, /** @type {string[]} */ ids) =>
      collector.authorized('/api/reviews/moderate', {
        method: 'POST',
        body: JSON.stringify({ action, ids }),
        headers: { 'content-type': 'application/json' },
      });

    describe('validation', () => {
      const cases = [
        ['site', { site: '' }],
        ['site', { site: 'x'.repeat(201) }],
        ['item', { item: undefined }],
        ['item', { item: 42 }],
        ['rating', { rating: 0 }],
        ['rating', { rating: 6 }],
        ['rating', { rating: 4.5 }],
        ['rating', { rating: '5' }],
        ['text', { text: 'x'.repeat(5001) }],
        ['text', { text: ['list'] }],
        ['author', { author: 'x'.repeat(81) }],
        ['author', { author: { name: 'x' } }],
      ];
      for (const [field, fields] of cases) {
        it(`answers 400 naming ${field} for ${JSON.stringify(fields).slice(0, 40)}`, async () => {
          const { status, body } = await submit(fields);
          assert.equal(status, 400);
          assert.equal(body.field, field);
          assert.match(body.message, new RegExp(`^${field} `));
        });
      }

      it('accepts the limits exactly: 5,000 characters of text and 80 of author', async () => {
        const { status } = await submit({ item: item(), text: 'y'.repeat(5000), author: 'z'.repeat(80) });
        assert.equal(status, 201);
      });

      it('accepts a rating without text or author', async () => {
        const { status } = await submit({ item: item(), text: undefined, author: null });
        assert.equal(status, 201);
      });

      it('answers 400 naming item, limit and before on bad reads', async () => {
        assert.equal((await read('')).body.field, 'item');
        assert.equal((await read('item=a&limit=0')).body.field, 'limit');
        assert.equal((await read('item=a&limit=51')).body.field, 'limit');
        assert.equal((await read('item=a&before=soon')).body.field, 'before');
      });
    });

    describe('publishing and reading', () => {
      it('publishes a clean review (201) and returns it with the aggregate', async () => {
        const id = item();
        const { status, body } = await submit({ item: id, rating: 4, text: 'Good.\nReally.', author: 'Bo' });
        assert.equal(status, 201);
        assert.deepEqual(body, { status: 'published' });
        const { body: data, headers } = await read(`item=${id}`);
        assert.equal(headers.get('cache-control'), 'no-cache');
        assert.deepEqual({ ...data, reviews: undefined }, {
          item: id,
          count: 1,
          average: 4,
          distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
          reviews: undefined,
        });
        assert.equal(data.reviews.length, 1);
        assert.deepEqual({ ...data.reviews[0], ts: 0 }, { rating: 4, text: 'Good.\nReally.', author: 'Bo', ts: 0 });
      });

      it('stores and returns hostile text exactly as written', async () => {
        const id = item();
        const text = '<img src=x onerror="alert(1)"> </script><script>x</script> \u202Eevil\u202C ' + 'w'.repeat(3000);
        await submit({ item: id, text, author: '<b>me</b>' });
        const { body } = await read(`item=${id}`);
        assert.equal(body.reviews[0].text, text);
        assert.equal(body.reviews[0].author, '<b>me</b>');
      });

      it('pages newest first with limit and before, without overlap or gaps', async () => {
        const id = item();
        for (let n = 0; n < 7; n++) assert.equal((await submit({ item: id, text: `review ${n}` })).status, 201);
        const first = (await read(`item=${id}&limit=3`)).body;
        assert.equal(first.count, 7);
        assert.deepEqual(first.reviews.map((/** @type {any} */ r) => r.text), ['review 6', 'review 5', 'review 4']);
        const texts = [];
        let page = first;
        while (page.reviews.length) {
          texts.push(...page.reviews.map((/** @type {any} */ r) => r.text));
          page = (await read(`item=${id}&limit=3&before=${page.reviews.at(-1).ts}`)).body;
        }
        assert.deepEqual(texts, [6, 5, 4, 3, 2, 1, 0].map((n) => `review ${n}`));
      });

      it('keeps items apart and answers an unknown item with an empty aggregate', async () => {
        const { body } = await read(`item=${item()}`);
        assert.deepEqual(body.count, 0);
        assert.deepEqual(body.reviews, []);
        assert.deepEqual(body.distribution, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
      });
    });

    describe('spam defences', () => {
      it('takes a filled honeypot like a held review and stores nothing', async () => {
        const id = item();
        const { status } = await submit({ item: id, website: 'https://spam.example' });
        assert.equal(status, 202);
        assert.deepEqual(await pending(id), []);
        assert.equal((await read(`item=${id}`)).body.count, 0);
      });

      it('holds a review filled faster than a person could (or without a fill time)', async () => {
        const id = item();
        assert.equal((await submit({ item: id, elapsed: 400 })).status, 202);
        assert.equal((await submit({ item: id, elapsed: undefined, text: 'other' })).status, 202);
        assert.deepEqual((await pending(id)).map((/** @type {any} */ r) => r.reason), ['fast', 'fast']);
      });

      it('holds a review with a link in its text or author', async () => {
        const id = item();
        for (const fields of [{ text: 'see https://x.example' }, { text: 'go to www.shop.example' }, { text: 'cheap.example/pills' }, { author: 'http://me.example' }]) {
          const { status, body } = await submit({ item: id, ...fields });
          assert.equal(status, 202, JSON.stringify(fields));
          assert.deepEqual(body, { status: 'held' });
        }
        assert.deepEqual(new Set((await pending(id)).map((/** @type {any} */ r) => r.reason)), new Set(['links']));
      });

      it('holds a text already submitted on the site, whatever its case and spacing', async () => {
        const [a, b] = [item(), item()];
        assert.equal((await submit({ item: a, text: 'Best  book EVER' })).status, 201);
        assert.equal((await submit({ item: b, text: 'best book ever ' })).status, 202);
        assert.equal((await pending(b))[0].reason, 'duplicate');
        assert.equal((await submit({ item: b, text: 'best book ever', site: 'other-blog' })).status, 201);
      });

      it('limits reviews per client address (429)', async () => {
        const limited = await start({ db: db.url, rateLimit: 0, reviewRate: 2 });
        try {
          const post = () =>
            limited.request('/api/reviews', { method: 'POST', body: JSON.stringify(review({ item: item(), text: String(Math.random()) })) });
          assert.equal((await post()).status, 201);
          assert.equal((await post()).status, 201);
          const third = await post();
          assert.equal(third.status, 429);
          assert.ok(Number(third.headers.get('retry-after')) > 0);
        } finally {
          await limited.app.close();
        }
      });

      it('holds every review with moderation "all" (202)', async () => {
        const strict = await start({ db: db.url, rateLimit: 0, reviewRate: 0, moderation: 'all' });
        try {
          const id = item();
          const { status } = await strict.request('/api/reviews', { method: 'POST', body: JSON.stringify(review({ item: id })) });
          assert.equal(status, 202);
          assert.equal((await pending(id))[0].reason, 'moderation');
        } finally {
          await strict.app.close();
        }
      });
    });

    describe('moderation', () => {
      it('needs the token', async () => {
        assert.equal((await collector.request('/api/reviews/pending')).status, 401);
        const bulk = await collector.request('/api/reviews/moderate', { method: 'POST', body: '{"action":"publish","ids":["x"]}' });
        assert.equal(bulk.status, 401);
        assert.equal((await collector.request('/api/reviews/pending', { headers: { authorization: 'Bearer wrong' } })).status, 401);
      });

      it('takes its own token when given one', async () => {
        const own = await start({ db: db.url, moderationToken: 'mod-secret-0123456789' });
        try {
          const auth = (/** @type {string} */ t) => own.request('/api/reviews/pending', { headers: { authorization: `Bearer ${t}` } });
          assert.equal((await auth('mod-secret-0123456789')).status, 200);
          assert.equal((await auth(token)).status, 401);
        } finally {
          await own.app.close();
        }
      });

      it('lists pending reviews, publishes them in bulk, and updates the aggregate', async () => {
        const id = item();
        await submit({ item: id, rating: 5, text: 'one http://a.example' });
        await submit({ item: id, rating: 2, text: 'two http://b.example' });
        const held = await pending(id);
        assert.deepEqual(held.map((/** @type {any} */ r) => [r.rating, r.site, r.item]), [[5, 'blog', id], [2, 'blog', id]]);
        assert.equal((await read(`item=${id}`)).body.count, 0);
        const { status, body } = await moderate('publish', held.map((/** @type {any} */ r) => r.id));
        assert.equal(status, 200);
        assert.deepEqual(body, { action: 'publish', updated: 2 });
        const data = (await read(`item=${id}`)).body;
        assert.equal(data.count, 2);
        assert.equal(data.average, 3.5);
        assert.deepEqual(data.distribution, { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 });
        assert.deepEqual(await pending(id), []);
        // Publishing twice counts once.
        await moderate('publish', held.map((/** @type {any} */ r) => r.id));
        assert.equal((await read(`item=${id}`)).body.count, 2);
      });

      it('rejects and deletes, taking published reviews out of the aggregate', async () => {
        const id = item();
        for (const [rating, text] of [[5, 'a'], [3, 'b'], [1, 'c x.example/y']]) await submit({ item: id, rating, text });
        const [held] = await pending(id);
        await moderate('reject', [held.id]);
        assert.deepEqual(await pending(id), []);
        const published = (await collector.app.db.selectFrom('reviews').select(['id', 'text']).where('item', '=', id).where('status', '=', 'published').execute());
        const ids = Object.fromEntries(published.map((r) => [r.text, r.id]));
        assert.equal((await moderate('reject', [ids.a])).body.updated, 1);
        let data = (await read(`item=${id}`)).body;
        assert.deepEqual([data.count, data.average, data.distribution[5], data.distribution[3]], [1, 3, 0, 1]);
        assert.equal((await moderate('delete', [ids.b, ids.a, 'no-such-id'])).body.updated, 2);
        data = (await read(`item=${id}`)).body;
        assert.deepEqual([data.count, data.average, data.reviews.length], [0, 0, 0]);
      });

      it('answers 400 naming action or ids', async () => {
        assert.equal((await moderate('approve', ['x'])).body.field, 'action');
        assert.equal((await moderate('publish', [])).body.field, 'ids');
      });
    });

    describe('CORS', () => {
      it('lets an allowed page read and submit, with a preflight for JSON', async () => {
        const origin = 'https://blog.example';
        const preflight = await fetch(`${collector.base}/api/reviews`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
        const { status, headers } = await collector.request(`/api/reviews?item=${item()}`, { headers: { origin } });
        assert.equal(status, 200);
        assert.equal(headers.get('access-control-allow-origin'), origin);
      });

      it('refuses another origin (403)', async () => {
        const { status } = await collector.request(`/api/reviews?item=${item()}`, { headers: { origin: 'https://evil.example' } });
        assert.equal(status, 403);
      });
    });

    it('stores the tracker\'s review event with its ref, so chains that produce reviews show', async () => {
      await collector.post('/e', batch([event({ type: 'review', item: 'book-42', rating: 5, ref: 'Rv1ewChain' })], 'review-chain'));
      const rows = await collector.app.db.selectFrom('events').selectAll().where('site', '=', 'review-chain').execute();
      assert.deepEqual([rows[0].type, rows[0].item, Number(rows[0].rating), rows[0].ref], ['review', 'book-42', 5, 'Rv1ewChain']);
    });
  });
}
