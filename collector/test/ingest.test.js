// @ts-check
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { databases } from './support/databases.js';
import { batch, collectorOn, event, id, share, view } from './support/http.js';

for (const database of databases) {
  describe(`POST /e on ${database.name}`, () => {
    const running = collectorOn(database);

    /** @param {string} where */
    const stored = async (where) => {
      const { rows } = await sql`select * from events where ${sql.raw(where)} order by id`.execute(running.collector.app.db);
      return /** @type {Record<string, any>[]} */ (rows);
    };

    describe('accepting a batch', () => {
      it('stores every event of a valid batch and answers 200 with the count', async () => {
        const events = [view({ visitor: 'v-1' }), share('S0acceptA', { ref: 'Rk' }), event({ type: 'convert', name: 'signup', value: 12.5, currency: 'EUR' })];
        const { status, body } = await running.collector.post('/e', batch(events, 'accept'));
        assert.equal(status, 200);
        assert.deepEqual(body, { accepted: 3, duplicates: 0, rejected: [] });
        const rows = await stored("site = 'accept'");
        assert.equal(rows.length, 3);
        const convert = rows.find((r) => r.type === 'convert');
        assert.equal(convert?.value, 12.5);
        assert.equal(convert?.currency, 'EUR');
        assert.equal(rows.find((r) => r.type === 'share')?.share, 'S0acceptA');
      });

      it('accepts web vitals under the names web-vitals gives them (LCP, CLS, INP, FCP, TTFB)', async () => {
        const events = ['LCP', 'CLS', 'INP', 'FCP', 'TTFB'].map((metric) => event({ type: 'vitals', metric, value: 0.25 }));
        const { status, body } = await running.collector.post('/e', batch(events, 'vitals'));
        assert.equal(status, 200);
        assert.deepEqual(body, { accepted: 5, duplicates: 0, rejected: [] });
      });

      it('parses the body as JSON whatever the content type says', async () => {
        const response = await running.collector.request('/e', {
          method: 'POST',
          body: JSON.stringify(batch([view()], 'ctype')),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        assert.equal(response.status, 200);
        assert.equal((await stored("site = 'ctype'")).length, 1);
      });

      it('drops an event id already stored for the site, so retries never count twice', async () => {
        const events = [view(), view()];
        assert.deepEqual((await running.collector.post('/e', batch(events, 'retry'))).body, { accepted: 2, duplicates: 0, rejected: [] });
        const again = await running.collector.post('/e', batch([...events, view()], 'retry'));
        assert.equal(again.status, 200);
        assert.deepEqual(again.body, { accepted: 1, duplicates: 2, rejected: [] });
        assert.equal((await stored("site = 'retry'")).length, 3);
      });

      it('stores an event sent by several requests at once once, and answers each request for its own events', async () => {
        // Requests of one turn are stored by one INSERT stream: each is answered for its rows only.
        const events = [view(), view()];
        const other = view();
        const answers = await Promise.all([
          running.collector.post('/e', batch(events, 'burst')),
          running.collector.post('/e', batch([events[0]], 'burst')),
          running.collector.post('/e', batch([...events, other], 'burst')),
          running.collector.post('/e', batch([events[0]], 'burst-b')),
          // The same id at another time is another event (the key holds ts, as a retry keeps it).
          running.collector.post('/e', batch([{ ...events[1], ts: events[1].ts - 1 }], 'burst')),
        ]);
        const bodies = answers.map((a) => a.body);
        assert.deepEqual(bodies.map((b) => b.accepted + b.duplicates), [2, 1, 3, 1, 1]);
        assert.equal(bodies.slice(0, 3).reduce((sum, b) => sum + b.accepted, 0), 3);
        assert.deepEqual(bodies.slice(3).map((b) => b.accepted), [1, 1]);
        assert.equal((await stored("site = 'burst'")).length, 4);
      });

      it('keeps the same event id on two sites apart', async () => {
        const e = view();
        await running.collector.post('/e', batch([e], 'site-a'));
        const { body } = await running.collector.post('/e', batch([e], 'site-b'));
        assert.deepEqual(body, { accepted: 1, duplicates: 0, rejected: [] });
      });

      it('stores an unknown event type flagged known = 0 and known ones with 1', async () => {
        await running.collector.post('/e', batch([event({ type: 'scroll-depth' }), view()], 'types'));
        const rows = await stored("site = 'types'");
        assert.deepEqual(rows.map((r) => [r.type, Number(r.known)]).sort(), [['scroll-depth', 0], ['view', 1]]);
      });

      it('drops fields the contract does not define instead of storing them', async () => {
        await running.collector.post('/e', batch([view({ ip: '203.0.113.9', userAgent: 'Secret/1.0' })], 'extra'));
        const [row] = await stored("site = 'extra'");
        assert.ok(!Object.values(row).includes('203.0.113.9'));
        assert.ok(!Object.values(row).includes('Secret/1.0'));
      });
    });

    describe('validation gate', () => {
      /** @type {[string, unknown, RegExp][]} */
      const cases = [
        ['a body that is not JSON', '{"v":1,', /not valid JSON/],
        ['an empty body', '', /body/],
        ['a batch without v', { site: 's', events: [view()] }, /body must have required property 'v'/],
        ['another wire version', { v: 2, site: 's', events: [view()] }, /v must be equal to constant/],
        ['a batch without site', { v: 1, events: [view()] }, /required property 'site'/],
        ['a site over 100 characters', batch([view()], 's'.repeat(101)), /site must NOT have more than 100/],
        ['events that are not an array', { v: 1, site: 's', events: {} }, /events must be array/],
        ['an empty events array', batch([]), /events must NOT have fewer than 1/],
        ['an event without id', batch([{ type: 'view', ts: Date.now(), url: 'https://a.example/' }]), /events\/0 must have required property 'id'/],
        ['an id over 32 characters', batch([view({ id: 'x'.repeat(33) })]), /events\/0\/id must NOT have more than 32/],
        ['an id with other characters', batch([view({ id: 'a b' })]), /events\/0\/id must match pattern/],
        ['a type that is not a key', batch([view({ type: 'View!' })]), /events\/0\/type must match pattern/],
        ['a ts that is not an integer', batch([view({ ts: '1764028800000' })]), /events\/0\/ts must be integer/],
        ['a ts months in the past', batch([view({ ts: Date.now() - 90 * 86400_000 })]), /events\/0\/ts .* outside the accepted window/],
        ['a ts days in the future', batch([view({ ts: Date.now() + 3 * 86400_000 })]), /events\/0\/ts .* outside the accepted window/],
        ['a url over 2048 characters', batch([view({ url: `https://a.example/${'p'.repeat(2040)}` })]), /events\/0\/url must NOT have more than 2048/],
        ['a url that is not http', batch([view({ url: 'javascript:alert(1)' })]), /events\/0\/url must match pattern/],
        ['a ref over 32 characters', batch([view({ ref: 'r'.repeat(33) })]), /events\/0\/ref must NOT have more than 32/],
        ['a share event without its share id', batch([event({ type: 'share', network: 'x' })]), /events\/0 must have required property 'share'/],
        ['a network that is not a key', batch([share('S1', { network: 'X Twitter' })]), /events\/0\/network must match pattern/],
        ['a visitor over 64 characters', batch([view({ visitor: 'v'.repeat(65) })]), /events\/0\/visitor must NOT have more than 64/],
        ['a rating out of 1–5', batch([event({ type: 'review', rating: 6, item: 'i' })]), /events\/0\/rating must be <= 5/],
        ['a value that is not a number', batch([event({ type: 'convert', value: '9' })]), /events\/0\/value must be number/],
        ['a currency that is not ISO 4217', batch([event({ type: 'convert', currency: 'euro' })]), /events\/0\/currency must match pattern/],
      ];
      for (const [what, body, message] of cases) {
        it(`answers 400 naming the problem for ${what}`, async () => {
          const response = await running.collector.post('/e', body);
          assert.equal(response.status, 400);
          assert.match(response.body.message, message);
        });
      }

      it('answers 413 to a body over 64 KB', async () => {
        const events = Array.from({ length: 700 }, () => view({ url: `https://blog.example/${'p'.repeat(80)}` }));
        const body = JSON.stringify(batch(events));
        assert.ok(body.length > 64 * 1024);
        const response = await running.collector.post('/e', body);
        assert.equal(response.status, 413);
        assert.match(response.body.message, /too large/i);
      });
    });

    describe('answers per event', () => {
      it('stores every valid event of a batch and names each invalid one with its index and problem', async () => {
        const day = 86400_000;
        const good = [view(), share('S0perEvent'), view({ ref: 'S0perEvent' })];
        const events = [
          good[0],
          view({ url: `https://blog.example/${'p'.repeat(2040)}` }), // a URL over 2,048 characters
          good[1],
          view({ type: 'View' }), // a capitalised type
          view({ ts: Date.now() + day + 3600_000 }), // a clock a day fast
          view({ ts: Date.now() - 36 * day }), // queued longer than the accepted window
          good[2],
        ];
        const { status, body } = await running.collector.post('/e', batch(events, 'per-event'));
        assert.equal(status, 200);
        assert.equal(body.accepted, 3);
        assert.equal(body.duplicates, 0);
        assert.deepEqual(body.rejected.map((/** @type {{ index: number }} */ r) => r.index), [1, 3, 4, 5]);
        assert.match(body.rejected[0].error, /^events\/1\/url must NOT have more than 2048/);
        assert.match(body.rejected[1].error, /^events\/3\/type must match pattern/);
        assert.match(body.rejected[2].error, /^events\/4\/ts .* outside the accepted window/);
        assert.match(body.rejected[3].error, /^events\/5\/ts .* outside the accepted window/);
        assert.deepEqual((await stored("site = 'per-event'")).map((r) => r.id), good.map((e) => e.id).sort());
      });

      it('counts duplicates apart from rejections', async () => {
        const first = view();
        await running.collector.post('/e', batch([first], 'dup-reject'));
        const { body } = await running.collector.post('/e', batch([first, view({ id: 'a b' }), view()], 'dup-reject'));
        assert.deepEqual(body, { accepted: 1, duplicates: 1, rejected: [{ index: 1, error: 'events/1/id must match pattern "^[A-Za-z0-9_-]+$"' }] });
      });

      it('answers 400 when no event of the batch is valid, and stores nothing', async () => {
        const response = await running.collector.post('/e', batch([view({ id: 'x'.repeat(40) }), view({ type: 'View' })], 'none-valid'));
        assert.equal(response.status, 400);
        assert.match(response.body.message, /^no valid event: events\/0\/id must NOT have more than 32/);
        assert.equal((await stored("site = 'none-valid'")).length, 0);
      });

      it('refuses a value that is not finite or outside 0 to 1e9, so that sums stay numbers', async () => {
        const url = 'https://blog.example/values';
        const events = [
          event({ type: 'convert', url, name: 'buy', value: 1e308 }),
          event({ type: 'convert', url, name: 'buy', value: 1e308 }),
          event({ type: 'convert', url, name: 'buy', value: -5 }),
          event({ type: 'convert', url, name: 'buy', value: 5 }),
          event({ type: 'convert', url, name: 'buy', value: 1e9 }),
        ];
        const { body } = await running.collector.post('/e', batch(events, 'values'));
        assert.deepEqual(body.rejected.map((/** @type {{ index: number }} */ r) => r.index), [0, 1, 2]);
        const report = await running.collector.authorized(`/api/report?site=values&url=${encodeURIComponent(url)}`);
        assert.equal(report.body.value, 1e9 + 5);
      });
    });

    describe('bot gate', () => {
      it('drops a well-known crawler with 200 and counts it in the overview', async () => {
        const ua = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
        const response = await running.collector.post('/e', batch([view()], 'bots'), { 'user-agent': ua });
        assert.equal(response.status, 200);
        assert.equal(response.body.accepted, 0);
        await running.collector.post('/e', batch([view()], 'bots'), { 'user-agent': ua });
        assert.equal((await stored("site = 'bots'")).length, 0);
        const overview = await running.collector.authorized('/api/report?site=bots');
        assert.equal(overview.body.bots, 2);
      });

      it('stores events of a reader whose browser is headless or automated', async () => {
        const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36';
        const { body } = await running.collector.post('/e', batch([view()], 'readers'), { 'user-agent': ua });
        assert.equal(body.accepted, 1);
      });
    });
  });
}

describe('privacy', () => {
  const [sqlite] = databases;
  const running = collectorOn(sqlite);

  it('keeps no client address or user agent anywhere in the SQLite files', async () => {
    const marker = `Marker-Agent/${id()}`;
    await running.collector.post('/e', batch([view(), share('S0privacy')], 'privacy'), { 'user-agent': marker });
    await running.collector.app.close();
    const dir = dirname(running.db.url);
    const bytes = readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
    assert.ok(bytes.includes('S0privacy'), 'the event was stored');
    assert.ok(!bytes.includes(marker), 'no user agent');
    assert.ok(!bytes.includes('127.0.0.1'), 'no client address');
  });
});
