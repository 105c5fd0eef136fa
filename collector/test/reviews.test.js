// @ts-check
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { openDatabase } from '../dist/src/db.js';
import { consume, formTokens, tokenLifetimeMs } from '../dist/src/form-token.js';
import { migrations } from '../dist/src/migrations.js';
import { databases } from './support/databases.js';
import { batch, event, start, token } from './support/http.js';

/** A submission as the widget sends it, the honeypot empty (the form token is added by `submit`). */
const review = (/** @type {Record<string, unknown>} */ fields = {}) => ({
  site: 'blog',
  item: 'book-42',
  rating: 5,
  text: 'A fine book.',
  author: 'Ada',
  website: '',
  ...fields,
});
const query = (/** @type {Record<string, string>} */ params) => new URLSearchParams(params).toString();

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
      // A fill time of 0: these tests need not wait like a person (see "form token" for the limit).
      collector = await start({ db: db.url, rateLimit: 0, reviewRate: 0, minFillMs: 0, origins: ['https://blog.example'] });
    });
    after(async () => {
      await collector?.app.close();
      await db?.drop();
    });

    /** POSTs a body as it is. */
    const post = (/** @type {unknown} */ body, target = collector) =>
      target.request('/api/reviews', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const read = (/** @type {string} */ query) => collector.request(`/api/reviews?${query}`);
    /** The form token the widget gets when it loads the reviews of `item` on `site`. */
    const formToken = async (site = 'blog', item = 'book-42', target = collector) =>
      (await target.request(`/api/reviews?${query({ site, item })}`)).body.token;
    /** Submits as the widget does: loads the reviews (for the form token), then POSTs. */
    const submit = async (/** @type {Record<string, unknown>} */ fields, target = collector) => {
      const body = review(fields);
      return post({ ...body, token: await formToken(String(body.site), String(body.item), target) }, target);
    };
    const pending = async (/** @type {string} */ id) =>
      (await collector.authorized(`/api/reviews/pending?item=${id}`)).body.reviews;
    const moderate = (/** @type {string} */ action, /** @type {string[]} */ ids) =>
      collector.authorized('/api/reviews/moderate', {
        method: 'POST',
        body: JSON.stringify({ action, ids }),
        headers: { 'content-type': 'application/json' },
      });

    describe('validation', () => {
      /** @type {[field: string, fields: Record<string, unknown>][]} */
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
        // PostgreSQL cannot store NUL: refused on both databases alike.
        ['site', { site: 'blog\u0000' }],
        ['item', { item: 'book\u0000' }],
        ['text', { text: 'fine\u0000book' }],
        ['author', { author: '\u0000' }],
      ];
      for (const [field, fields] of cases) {
        it(`answers 400 naming ${field} for ${JSON.stringify(fields).slice(0, 40)}`, async () => {
          const { status, body } = await post(review(fields));
          assert.equal(status, 400);
          assert.equal(body.field, field);
          // Worded as ingest's refusals: `rating must be <= 5`, `body must have required property 'item'`.
          assert.match(body.message, new RegExp(`^${field} |^body must have required property '${field}'$`));
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

      it('answers 400 naming item, site, limit and before on bad reads, NUL and repeated keys included', async () => {
        assert.equal((await read('')).body.field, 'item');
        assert.equal((await read('item=a%00')).body.field, 'item');
        assert.equal((await read('item=a&item=b')).body.field, 'item');
        assert.equal((await read('item=a&site=')).body.field, 'site');
        assert.equal((await read('item=a&site=b%00')).body.field, 'site');
        assert.equal((await read('item=a&site=b&site=c')).body.field, 'site');
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
        assert.deepEqual({ ...body, token: typeof body.token }, { status: 'published', token: 'string' });
        const { body: data, headers } = await read(`item=${id}`);
        assert.equal(headers.get('cache-control'), 'no-cache');
        assert.deepEqual({ ...data, reviews: undefined }, {
          // Without site: the v1 answer, fields unchanged (and no form token).
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

    describe('sites', () => {
      it('keeps two sites with the same item id apart: reviews, aggregate and duplicates', async () => {
        const id = item();
        assert.equal((await submit({ site: 'blog-a', item: id, rating: 5, text: 'Same words.' })).status, 201);
        assert.equal((await submit({ site: 'blog-b', item: id, rating: 1, text: 'Same words.' })).status, 201);
        for (const [site, rating] of /** @type {const} */ ([['blog-a', 5], ['blog-b', 1]])) {
          const { body } = await read(query({ item: id, site }));
          assert.equal(body.site, site);
          assert.deepEqual([body.count, body.average, body.distribution[rating]], [1, rating, 1]);
          assert.deepEqual(body.reviews.map((/** @type {any} */ r) => r.rating), [rating]);
        }
        assert.equal((await read(query({ item: id, site: 'blog-c' }))).body.count, 0);
        // Old widgets do not send their site: they get every site's reviews, as in v1.
        const all = (await read(query({ item: id }))).body;
        assert.deepEqual([all.count, all.average, all.reviews.length, all.site], [2, 3, 2, undefined]);
      });

      it('takes a published review out of its own site\'s aggregate only', async () => {
        const id = item();
        await submit({ site: 'blog-a', item: id, rating: 4, text: 'a' });
        await submit({ site: 'blog-b', item: id, rating: 2, text: 'b' });
        const [row] = await collector.app.db.selectFrom('reviews').select('id').where('item', '=', id).where('site', '=', 'blog-a').execute();
        await moderate('reject', [row.id]);
        assert.equal((await read(query({ item: id, site: 'blog-a' }))).body.count, 0);
        assert.equal((await read(query({ item: id, site: 'blog-b' }))).body.average, 2);
      });
    });

    describe('form token', () => {
      it('comes with the reviews of an item of a site, fresh on each read and after each submission', async () => {
        const id = item();
        const first = await formToken('blog', id);
        assert.match(first, /^[0-9a-z]+\.[\w-]{16}\.[\w-]{43}$/);
        assert.notEqual(await formToken('blog', id), first);
        const { body } = await submit({ item: id });
        assert.equal(body.status, 'published');
        assert.match(body.token, /^[0-9a-z]+\./);
        assert.equal((await post(review({ item: id, text: 'next one', token: body.token }))).status, 201);
      });

      it('holds a review without a token, whatever fill time the client claims', async () => {
        const id = item();
        assert.equal((await post(review({ item: id, elapsed: 600_000 }))).status, 202);
        assert.equal((await post(review({ item: id, text: 'forged', token: 'kx.AAAAAAAAAAAAAAAA.' + 'A'.repeat(43) }))).status, 202);
        const other = await formToken('blog', 'another-item');
        assert.equal((await post(review({ item: id, text: 'borrowed', token: other }))).status, 202);
        const elsewhere = await formToken('other-site', id);
        assert.equal((await post(review({ item: id, text: 'from another site', token: elsewhere }))).status, 202);
        assert.deepEqual((await pending(id)).map((/** @type {any} */ r) => r.reason), ['token', 'token', 'token', 'token']);
      });

      it('holds a review whose token was used before', async () => {
        const id = item();
        const used = await formToken('blog', id);
        assert.equal((await post(review({ item: id, token: used }))).status, 201);
        assert.equal((await post(review({ item: id, text: 'again', token: used }))).status, 202);
        assert.equal((await pending(id))[0].reason, 'reused');
      });

      it('is single-use across collectors sharing the database, which share its secret', async () => {
        const second = await start({ db: db.url, rateLimit: 0, reviewRate: 0, minFillMs: 0 });
        try {
          const id = item();
          const issued = await formToken('blog', id);
          assert.equal((await post(review({ item: id, token: issued }), second)).status, 201);
          assert.equal((await post(review({ item: id, text: 'twice', token: issued }))).status, 202);
          assert.equal((await pending(id))[0].reason, 'reused');
        } finally {
          await second.app.close();
        }
      });

      it('holds a review filled faster than a person could, as measured by the server', async () => {
        const patient = await start({ db: db.url, rateLimit: 0, reviewRate: 0, minFillMs: 3_600_000 });
        try {
          const id = item();
          // The client claims a day; the server saw it come in at once.
          const { status } = await submit({ item: id, elapsed: 86_400_000 }, patient);
          assert.equal(status, 202);
          assert.equal((await pending(id))[0].reason, 'fast');
        } finally {
          await patient.app.close();
        }
      });

      it('expires after a day, and its nonce is forgotten then', async () => {
        const tokens = formTokens(Buffer.alloc(32, 7));
        const now = Date.UTC(2030, 0, 1);
        const issued = tokens.issue('blog', 'x', now);
        assert.ok(tokens.verify(issued, 'blog', 'x', now + tokenLifetimeMs));
        assert.equal(tokens.verify(issued, 'blog', 'x', now + tokenLifetimeMs + 1), undefined);
        assert.equal(tokens.verify(issued, 'blog', 'x', now - 3_600_000), undefined, 'issued in the future');
        const nonce = `expiring-${item()}`;
        assert.equal(await consume(collector.app.db, { issued: now, nonce }, now), true);
        assert.equal(await consume(collector.app.db, { issued: now, nonce }, now + 1), false);
        await consume(collector.app.db, { issued: now + tokenLifetimeMs + 1, nonce: `later-${nonce}` }, now + tokenLifetimeMs + 1);
        const left = await collector.app.db.selectFrom('review_tokens').select('nonce').where('nonce', '=', nonce).execute();
        assert.deepEqual(left, []);
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

      it('holds a review with a link in its text or author, bare, full-width or hidden', async () => {
        const id = item();
        const links = [
          { text: 'see https://x.example' },
          { text: 'go to www.shop.example' },
          { text: 'cheap.example/pills' },
          { author: 'http://me.example' },
          { text: 'order at pills-shop.com today' },
          { text: 'ｗｗｗ．ｐｉｌｌｓ．ｃｏｍ' },
          { text: 'ｅｘａｍｐｌｅ．ｃｏｍ' },
          { text: 'cheap\u200B.ru' },
          { author: 'shop.example.co.uk' },
        ];
        for (const fields of links) {
          const { status, body } = await submit({ item: id, ...fields });
          assert.equal(status, 202, JSON.stringify(fields));
          assert.equal(body.status, 'held');
        }
        assert.deepEqual(new Set((await pending(id)).map((/** @type {any} */ r) => r.reason)), new Set(['links']));
      });

      it('publishes ordinary text with dots: abbreviations, decimals, versions', async () => {
        const id = item();
        for (const text of ['Great, e.g. chapter 3.', 'i.e. 3.5 stars of 5', 'Rated 4.5/5.', 'Node.js v2.0 examples, Ph.D. level', 'The end.Next time']) {
          assert.equal((await submit({ item: id, text })).status, 201, text);
        }
      });

      it('holds a text already submitted for the item, whatever its case, spacing, width or invisible characters', async () => {
        const [a, b] = [item(), item()];
        assert.equal((await submit({ item: a, text: 'Best  book EVER' })).status, 201);
        const lookalikes = ['best book ever ', 'Best\u200B book ever', 'Be\u200Bst\u00A0book\u2060 EVER', 'ＢＥＳＴ ＢＯＯＫ ＥＶＥＲ', '\uFEFFbest\tbook\never'];
        for (const text of lookalikes) assert.equal((await submit({ item: a, text })).status, 202, JSON.stringify(text));
        assert.deepEqual(new Set((await pending(a)).map((/** @type {any} */ r) => r.reason)), new Set(['duplicate']));
        // Per site and item: the same words about another item, or on another site, are a review of their own.
        assert.equal((await submit({ item: b, text: 'best book ever' })).status, 201);
        assert.equal((await submit({ item: a, text: 'best book ever', site: 'other-blog' })).status, 201);
      });

      it('limits reviews per client address (429)', async () => {
        const limited = await start({ db: db.url, rateLimit: 0, reviewRate: 2 });
        try {
          const send = () => post(review({ item: item(), text: String(Math.random()) }), limited);
          assert.equal((await send()).status, 202);
          assert.equal((await send()).status, 202);
          const third = await send();
          assert.equal(third.status, 429);
          assert.ok(Number(third.headers.get('retry-after')) > 0);
        } finally {
          await limited.app.close();
        }
      });

      it('limits each client behind a proxy by the address Fastify takes from the proxy', async () => {
        const proxied = await start({ db: db.url, rateLimit: 0, reviewRate: 1, trustProxy: true });
        try {
          const send = (/** @type {string} */ client) =>
            proxied.request('/api/reviews', {
              method: 'POST',
              body: JSON.stringify(review({ item: item(), text: String(Math.random()) })),
              headers: { 'x-forwarded-for': client },
            });
          assert.equal((await send('198.51.100.7')).status, 202);
          assert.equal((await send('198.51.100.7')).status, 429);
          assert.equal((await send('198.51.100.8')).status, 202, 'another reader behind the same proxy');
        } finally {
          await proxied.app.close();
        }
      });

      it('holds every review with moderation "all" (202)', async () => {
        const strict = await start({ db: db.url, rateLimit: 0, reviewRate: 0, minFillMs: 0, moderation: 'all' });
        try {
          const id = item();
          const { status } = await submit({ item: id }, strict);
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

      it('takes its own token when given one, which moderates only; the admin token still moderates', async () => {
        const own = await start({ db: db.url, moderationToken: 'mod-secret-0123456789' });
        try {
          const auth = (/** @type {string} */ path, /** @type {string} */ t) => own.request(path, { headers: { authorization: `Bearer ${t}` } });
          assert.equal((await auth('/api/reviews/pending', 'mod-secret-0123456789')).status, 200);
          assert.equal((await auth('/api/reviews/pending', token)).status, 200);
          assert.equal((await auth('/api/report', 'mod-secret-0123456789')).status, 403);
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

      it('answers 400 naming action, ids, item or site, NUL included', async () => {
        assert.equal((await moderate('approve', ['x'])).body.field, 'action');
        assert.equal((await moderate('publish', [])).body.field, 'ids');
        assert.equal((await moderate('publish', ['x\u0000'])).body.field, 'ids');
        assert.equal((await collector.authorized('/api/reviews/pending?item=a%00')).body.field, 'item');
        assert.equal((await collector.authorized('/api/reviews/pending?site=a%00')).body.field, 'site');
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

    it('migrates v1 reviews: aggregates per site, fingerprints recomputed', async () => {
      const old = await database.create();
      try {
        const { db: raw } = await openDatabase(old.url);
        /** @type {import('kysely').MigrationProvider} */
        const provider = { getMigrations: async () => Object.fromEntries(migrations.slice(0, 2).map((m) => [m.version, { up: (trx) => m.up(trx, database.name) }])) };
        assert.equal((await new Migrator({ db: raw, provider }).migrateToLatest()).error, undefined);
        const row = (/** @type {string} */ id, /** @type {string} */ site, /** @type {number} */ rating, /** @type {string} */ status) => ({
          id, site, item: 'book', rating, text: `Loved it ${id}`, author: null, ts: 1, status, reason: null, hash: 'v1-hash',
        });
        await raw.insertInto('reviews').values([row('a', 'one', 5, 'published'), row('b', 'one', 3, 'published'), row('c', 'two', 1, 'published'), row('d', 'two', 2, 'held')]).execute();
        await raw.insertInto('review_stats').values({ item: 'book', total: 3, points: 9, r1: 1, r2: 0, r3: 1, r4: 0, r5: 1 }).execute();
        await raw.destroy();

        const migrated = await start({ db: old.url, rateLimit: 0, reviewRate: 0, minFillMs: 0 });
        try {
          const get = async (/** @type {Record<string, string>} */ params) => (await migrated.request(`/api/reviews?${query(params)}`)).body;
          assert.deepEqual([(await get({ item: 'book', site: 'one' })).count, (await get({ item: 'book', site: 'one' })).average], [2, 4]);
          assert.deepEqual((await get({ item: 'book', site: 'two' })).distribution, { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0 });
          assert.equal((await get({ item: 'book' })).count, 3);
          const { token: issued } = await get({ item: 'book', site: 'one' });
          const again = await post(review({ site: 'one', item: 'book', text: 'LOVED\u200B it a', token: issued }), migrated);
          assert.equal(again.status, 202);
          const [held] = await migrated.app.db.selectFrom('reviews').select('reason').where('site', '=', 'one').where('status', '=', 'held').execute();
          assert.equal(held.reason, 'duplicate');
        } finally {
          await migrated.app.close();
        }
      } finally {
        await old.drop();
      }
    });

    it('stores the tracker\'s review event with its ref, so chains that produce reviews show', async () => {
      await collector.post('/e', batch([event({ type: 'review', item: 'book-42', rating: 5, ref: 'Rv1ewChain' })], 'review-chain'));
      const rows = await collector.app.db.selectFrom('events').selectAll().where('site', '=', 'review-chain').execute();
      assert.deepEqual([rows[0].type, rows[0].item, Number(rows[0].rating), rows[0].ref], ['review', 'book-42', 5, 'Rv1ewChain']);
    });
  });
}
