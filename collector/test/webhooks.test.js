// @ts-check
/**
 * Webhooks (PRODUCT.md, "Webhooks"): real receivers on loopback (hence
 * `webhookAllowPrivate`), the collector over real HTTP, on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, event, share, start, token } from './support/http.js';
import { spawnCollector } from './support/process.js';

const secret = 'webhook-secret-0123456789';
/** A fast schedule: 200 ms, 400 ms, 800 ms… so that retries take a second, not an hour. */
const schedule = { base: 200, factor: 2, jitter: 0.1, cap: 60_000, span: 60_000 };

/**
 * @typedef {{ at: number, headers: import('node:http').IncomingHttpHeaders, raw: string, body: any, url: string }} Received
 * @typedef {(received: Received, count: number) => number | 'hang'} Answer
 */

/**
 * An HTTP receiver on loopback that records every request and answers `answer(request, n)`
 * (a status, or `'hang'` to never answer), after `delay` ms.
 * @param {Answer} [answer]
 */
async function receiver(answer = () => 200, delay = 0) {
  /** @type {Received[]} */
  const received = [];
  /** @type {(() => void)[]} */
  const waiting = [];
  const server = createServer(async (request, response) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const entry = { at: Date.now(), headers: request.headers, raw, body: JSON.parse(raw), url: request.url ?? '' };
    received.push(entry);
    waiting.splice(0).forEach((wake) => wake());
    const status = answer(entry, received.length);
    if (delay) await sleep(delay);
    if (status !== 'hang') response.writeHead(status).end('thanks');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/hooks/wom`,
    port,
    received,
    /** Resolves once `n` requests have arrived (fails after `ms`). */
    async until(/** @type {number} */ n, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`received ${received.length} of ${n} requests`);
        await Promise.race([new Promise((wake) => waiting.push(() => wake(undefined))), new Promise((wake) => setTimeout(wake, 100))]);
      }
      return received;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Whether one of the `v1` of `Wom-Signature` is the HMAC of `"<t>.<raw body>"` with `key`. */
function verifies(/** @type {Received} */ { headers, raw }, key = secret) {
  const [, t, list] = /^t=(\d+)((?:,v1=[0-9a-f]{64})+)$/.exec(String(headers['wom-signature'])) ?? [];
  if (list === undefined || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', key).update(`${t}.${raw}`).digest('hex');
  return list.split(',v1=').includes(expected);
}

const review = (/** @type {Record<string, unknown>} */ fields = {}) => ({ site: 'blog', item: 'book-1', rating: 4, text: 'Lovely.', author: 'Ada', ...fields });
const sleep = (/** @type {number} */ ms) => new Promise((wake) => setTimeout(wake, ms));

for (const database of databases) {
  describe(`webhooks on ${database.name}`, () => {
    /** @type {import('./support/databases.js').TestDatabase} */
    let db;
    before(async () => {
      db = await database.create();
    });
    after(async () => {
      await db?.drop();
    });

    /**
     * A collector sending to `targets` for the length of `task`.
     * @param {string[]} targets
     * @param {(collector: import('./support/http.js').Collector) => Promise<void>} task
     * @param {object} [options]
     */
    async function withCollector(targets, task, options = {}) {
      const collector = await start({ db: db.url, rateLimit: 0, reviewRate: 0, webhooks: targets, webhookSecret: secret, webhookAllowPrivate: true, webhookSchedule: schedule, ...options });
      try {
        await task(collector);
      } finally {
        await collector.app.close();
      }
    }
    const submit = (/** @type {import('./support/http.js').Collector} */ collector, /** @type {Record<string, unknown>} */ fields = {}) =>
      collector.post('/api/reviews', review(fields));
    /** The delivery log's attempts of one delivery, oldest first. */
    const attemptsOf = async (/** @type {import('./support/http.js').Collector} */ collector, /** @type {string} */ delivery) =>
      (await collector.authorized(`/api/webhooks/deliveries?delivery=${delivery}`)).body.attempts.reverse();
    /** Waits until the log shows `n` attempts of a delivery. */
    async function logged(/** @type {import('./support/http.js').Collector} */ collector, /** @type {string} */ delivery, n = 1) {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(50)) {
        const attempts = await attemptsOf(collector, delivery);
        if (attempts.length >= n) return attempts;
      }
      throw new Error(`fewer than ${n} attempts of ${delivery} logged`);
    }
    /** Waits until the log shows `n` attempts made since `since` (ms), and returns them, newest first. */
    async function loggedSince(/** @type {import('./support/http.js').Collector} */ collector, /** @type {number} */ since, /** @type {number} */ n) {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(50)) {
        const attempts = (await collector.authorized('/api/webhooks/deliveries')).body.attempts.filter((/** @type {any} */ a) => a.at >= since);
        if (attempts.length >= n) return attempts;
      }
      throw new Error(`fewer than ${n} attempts logged`);
    }

    it('delivers a submitted review, signed, and the signature verifies', async () => {
      const target = await receiver();
      await withCollector([target.url], async (collector) => {
        assert.equal((await submit(collector)).status, 202); // no form token: held
        const [delivery] = await target.until(1);
        assert.ok(verifies(delivery), `signature ${delivery.headers['wom-signature']}`);
        assert.equal(delivery.headers['wom-delivery'], delivery.body.id);
        assert.equal(delivery.headers['content-type'], 'application/json');
        assert.equal(delivery.body.type, 'review.created');
        assert.equal(delivery.body.site, 'blog');
        assert.ok(Math.abs(Date.parse(delivery.body.created) - Date.now()) < 10_000);
        assert.deepEqual(delivery.body.data, { item: 'book-1', rating: 4, text: 'Lovely.', author: 'Ada', status: 'held' });
        // Tampering with a byte of the body breaks the signature.
        assert.equal(verifies({ ...delivery, raw: delivery.raw.replace('Lovely', 'lovely') }), false);
        const [attempt] = await logged(collector, delivery.body.id);
        assert.equal(attempt.outcome, 'delivered');
        assert.equal(attempt.status, 200);
        assert.equal(attempt.state, 'delivered');
      });
      target.close();
    });

    it('signs with both secrets while one is rotated', async () => {
      const target = await receiver();
      const next = 'webhook-secret-next-0123456789';
      await withCollector([target.url], async (collector) => {
        await submit(collector);
        const [delivery] = await target.until(1);
        assert.equal(String(delivery.headers['wom-signature']).split(',v1=').length, 3);
        assert.ok(verifies(delivery, next), 'the new secret verifies');
        assert.ok(verifies(delivery, secret), 'the previous secret verifies');
        assert.equal(verifies(delivery, 'another-secret-0123456789'), false);
      }, { webhookSecret: next, webhookPreviousSecret: secret });
      target.close();
    });

    it('announces a held review when a moderator publishes it', async () => {
      const target = await receiver();
      await withCollector([target.url], async (collector) => {
        await submit(collector, { text: 'Worth the wait.' });
        const [created] = await target.until(1);
        const [held] = (await collector.authorized('/api/reviews/pending?item=book-1')).body.reviews.filter((/** @type {any} */ r) => r.text === 'Worth the wait.');
        const moderate = (/** @type {string} */ action) =>
          collector.authorized('/api/reviews/moderate', { method: 'POST', body: JSON.stringify({ action, ids: [held.id] }), headers: { 'content-type': 'application/json' } });
        assert.equal((await moderate('publish')).status, 200);
        const [, published] = await target.until(2);
        assert.equal(published.body.type, 'review.published');
        assert.notEqual(published.body.id, created.body.id);
        assert.deepEqual(published.body.data, { item: 'book-1', rating: 4, text: 'Worth the wait.', author: 'Ada', status: 'published' });
        // Publishing what is published already announces nothing.
        await moderate('publish');
        await sleep(300);
        assert.equal(target.received.length, 2);
      });
      target.close();
    });

    it('announces a stored conversion with the generation and network of its share', async () => {
      const target = await receiver();
      await withCollector([target.url], async (collector) => {
        const checkout = 'https://blog.example/checkout';
        const seed = share('Sconv1', { network: 'telegram' });
        const convert = event({ type: 'convert', url: checkout, ref: 'Sconv1', name: 'order', value: 30, currency: 'EUR' });
        assert.equal((await collector.post('/e', batch([seed, convert]))).body.accepted, 2);
        // The same conversion again is a duplicate, not stored: no second announcement.
        assert.equal((await collector.post('/e', batch([convert]))).body.duplicates, 1);
        const [delivery] = await target.until(1);
        assert.ok(verifies(delivery));
        assert.equal(delivery.body.type, 'conversion');
        assert.deepEqual(delivery.body.data, { name: 'order', value: 30, currency: 'EUR', url: checkout, generation: 1, network: 'telegram' });
        await sleep(300);
        assert.equal(target.received.length, 1);
      });
      target.close();
    });

    it("announces a cascade's milestones once each: depth 3, then 10 shares", async () => {
      const target = await receiver();
      await withCollector([target.url], async (collector) => {
        const url = 'https://blog.example/spreading';
        const chain = [share('Mc0', { url }), share('Mc1', { url, ref: 'Mc0' }), share('Mc2', { url, ref: 'Mc1' }), share('Mc3', { url, ref: 'Mc2' })];
        await collector.post('/e', batch(chain));
        const [deep] = await target.until(1);
        assert.equal(deep.body.type, 'cascade.milestone');
        assert.deepEqual(deep.body.data, { url, root: 'Mc0', size: 4, depth: 3, milestone: { depth: 3 } });
        const siblings = Array.from({ length: 6 }, (_, i) => share(`Ms${i}`, { url, ref: 'Mc0' }));
        await collector.post('/e', batch(siblings.slice(0, 3)));
        await collector.post('/e', batch(siblings.slice(3)));
        const [, wide] = await target.until(2);
        assert.deepEqual(wide.body.data, { url, root: 'Mc0', size: 10, depth: 3, milestone: { size: 10 } });
        // Resent (duplicates) and grown past the milestones: nothing more.
        await collector.post('/e', batch([...chain, share('Mc4', { url, ref: 'Mc3' })]));
        await sleep(300);
        assert.equal(target.received.length, 2);
      });
      target.close();
    });

    it('counts a cascade whose seed arrived late from its seed, once the page is rebuilt', async () => {
      const target = await receiver();
      await withCollector([target.url], async (collector) => {
        const url = 'https://blog.example/late-seed';
        // The child first: it is a seed until its parent arrives and the page is rebuilt (lineage.ts).
        await collector.post('/e', batch([share('Mo1', { url, ref: 'Mo0' })]));
        await collector.post('/e', batch([share('Mo0', { url })]));
        await collector.post('/e', batch([share('Mo2', { url, ref: 'Mo1' }), share('Mo3', { url, ref: 'Mo2' })]));
        const [deep] = await target.until(1);
        assert.deepEqual(deep.body.data, { url, root: 'Mo0', size: 4, depth: 3, milestone: { depth: 3 } });
      });
      target.close();
    });

    it('retries a receiver answering 500 three times on the schedule, and delivers once', async () => {
      const target = await receiver((_, n) => (n <= 3 ? 500 : 200));
      await withCollector([target.url], async (collector) => {
        await submit(collector);
        const received = await target.until(4);
        await sleep(schedule.base * 8); // nothing more comes after the 200
        assert.equal(target.received.length, 4);
        assert.equal(new Set(received.map((r) => r.headers['wom-delivery'])).size, 1);
        assert.ok(received.every((r) => verifies(r)));
        // The gaps follow the schedule: each at least its nominal delay (jitter only adds),
        // at most 10 % jitter and some scheduling slack over it, each about twice the last.
        const gaps = received.slice(1).map((r, i) => r.at - received[i].at);
        gaps.forEach((gap, i) => {
          const nominal = schedule.base * schedule.factor ** i;
          assert.ok(gap >= nominal - 5 && gap <= nominal * 1.1 + 250, `gap ${i + 1}: ${gap} ms, scheduled ${nominal} ms`);
        });
        assert.ok(gaps[0] < gaps[1] && gaps[1] < gaps[2], `gaps ${gaps}`);
        const attempts = await logged(collector, received[0].body.id, 4);
        assert.deepEqual(attempts.map((/** @type {any} */ a) => [a.attempt, a.status, a.outcome]), [[1, 500, 'retry'], [2, 500, 'retry'], [3, 500, 'retry'], [4, 200, 'delivered']]);
      });
      target.close();
    });

    it('stops a target that answers 410, and a replay sends to it again', async () => {
      let gone = true;
      const target = await receiver(() => (gone ? 410 : 200));
      await withCollector([target.url], async (collector) => {
        await submit(collector);
        const [first] = await target.until(1);
        const [stop] = await logged(collector, first.body.id);
        assert.deepEqual([stop.status, stop.outcome, stop.state], [410, 'stopped', 'stopped']);
        const since = Date.now();
        await submit(collector, { text: 'Second.' });
        // The second delivery is not sent: the log says why.
        const [second] = await loggedSince(collector, since, 1);
        assert.notEqual(second.delivery, first.body.id);
        assert.deepEqual([second.status, second.outcome], [null, 'stopped']);
        assert.equal(target.received.length, 1);
        gone = false;
        const replay = await collector.authorized(`/api/webhooks/deliveries/${second.delivery}/replay`, { method: 'POST' });
        assert.equal(replay.status, 200);
        const [, replayed] = await target.until(2);
        assert.equal(replayed.body.id, second.delivery);
        assert.equal(replayed.body.data.text, 'Second.');
      });
      target.close();
    });

    it('replays a delivered delivery: the same id and body again', async () => {
      const target = await receiver();
      await withCollector([target.url], async (collector) => {
        await submit(collector);
        const [first] = await target.until(1);
        await logged(collector, first.body.id);
        assert.equal((await collector.authorized(`/api/webhooks/deliveries/${first.body.id}/replay`, { method: 'POST' })).status, 200);
        const [, again] = await target.until(2);
        assert.equal(again.raw, first.raw);
        assert.ok(verifies(again));
        assert.equal((await logged(collector, first.body.id, 2)).length, 2);
        const unknown = await collector.authorized('/api/webhooks/deliveries/wh_nothing/replay', { method: 'POST' });
        assert.equal(unknown.status, 404);
      });
      target.close();
    });

    it('refuses loopback targets without --webhook-allow-private, by address and by name', async () => {
      const target = await receiver();
      const byName = `http://localhost:${target.port}/hooks/wom?key=secret-in-query`;
      await withCollector([target.url, byName], async (collector) => {
        const since = Date.now();
        await submit(collector);
        const attempts = await loggedSince(collector, since, 2);
        assert.equal(attempts.length, 2);
        for (const attempt of attempts) {
          assert.equal(attempt.outcome, 'refused');
          assert.equal(attempt.state, 'refused');
          assert.match(attempt.error, /loopback address/);
          assert.doesNotMatch(attempt.target, /secret-in-query|hooks\/wom/);
        }
        assert.ok(attempts.some((/** @type {any} */ a) => /^localhost resolves to (127\.0\.0\.1|::1)/.test(a.error)), attempts.map((/** @type {any} */ a) => a.error).join('; '));
        await sleep(300);
        assert.equal(target.received.length, 0);
      }, { webhookAllowPrivate: false });
      target.close();
    });

    it('pages the delivery log', async () => {
      await withCollector([], async (collector) => {
        const all = (await collector.authorized('/api/webhooks/deliveries?limit=200')).body.attempts;
        assert.ok(all.length >= 4, `${all.length} attempts logged`);
        const first = (await collector.authorized('/api/webhooks/deliveries?limit=2')).body;
        assert.equal(first.attempts.length, 2);
        const second = (await collector.authorized(`/api/webhooks/deliveries?limit=2&before=${first.next}`)).body;
        assert.deepEqual([...first.attempts, ...second.attempts].map((a) => a.id), all.slice(0, 4).map((/** @type {any} */ a) => a.id));
        assert.equal((await collector.authorized('/api/webhooks/deliveries?limit=201')).status, 400);
      });
    });

    it('forgets finished deliveries and their attempts after 30 days, and keeps pending ones', async () => {
      const { historyMs } = await import('../dist/src/webhooks/index.js');
      const target = await receiver(() => 500);
      await withCollector([target.url], async (collector) => {
        await submit(collector);
        const [pending] = await target.until(1);
        await logged(collector, pending.body.id);
        await collector.app.webhooks.forget(Date.now() + historyMs + 60_000);
        const { attempts } = (await collector.authorized('/api/webhooks/deliveries?limit=200')).body;
        assert.deepEqual(attempts, []);
        const left = await collector.app.db.selectFrom('outbox').select(['id', 'state']).execute();
        assert.deepEqual(left, [{ id: pending.body.id, state: 'pending' }]);
      }, { webhookSchedule: { ...schedule, base: 60_000 } });
      target.close();
    });
  });

  describe(`webhooks across a kill -9 on ${database.name}`, () => {
    it('delivers after a restart what was committed before the kill', async () => {
      const db = await database.create();
      let hang = true;
      const target = await receiver(() => (hang ? 'hang' : 200));
      const args = ['--db', db.url, '--token', token, '--webhook', target.url, '--webhook-secret', secret, '--webhook-allow-private', '--webhook-timeout', '1'];
      try {
        const first = await spawnCollector(args);
        const answer = await fetch(`${first.base}/api/reviews`, { method: 'POST', body: JSON.stringify(review()) });
        assert.equal(answer.status, 202);
        // The attempt is in flight, unanswered, when the process dies.
        const [lost] = await target.until(1);
        first.child.kill('SIGKILL');
        await first.exited;
        hang = false;
        const second = await spawnCollector(args);
        try {
          const [, delivered] = await target.until(2);
          assert.equal(delivered.body.id, lost.body.id);
          assert.ok(verifies(delivered));
          await sleep(500);
          assert.equal(target.received.length, 2);
        } finally {
          await second.stop();
        }
      } finally {
        target.close();
        await db.drop();
      }
    });
  });
}

describe('webhooks from two processes on one PostgreSQL', () => {
  it('delivers each event once between them', async () => {
    const postgres = /** @type {(typeof databases)[number]} */ (databases.find((d) => d.name === 'postgres'));
    const db = await postgres.create();
    // A slow receiver, so that both processes' deliverers are at work at once.
    const target = await receiver(() => 200, 30);
    const args = ['--db', db.url, '--token', token, '--webhook', target.url, '--webhook-secret', secret, '--webhook-allow-private', '--rate', '0'];
    const processes = await Promise.all([spawnCollector(args), spawnCollector(args)]);
    try {
      const conversions = 40;
      for (let i = 0; i < conversions; i++) {
        const { base } = processes[i % 2];
        const response = await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify(batch([event({ type: 'convert', name: `order-${i}` })])) });
        assert.equal(response.status, 200);
      }
      const received = await target.until(conversions);
      await sleep(1500); // a second look at the outbox by each process sends nothing more
      assert.equal(target.received.length, conversions);
      assert.equal(new Set(received.map((r) => r.body.id)).size, conversions);
      assert.deepEqual(new Set(received.map((r) => r.body.data.name)).size, conversions);
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      target.close();
      await db.drop();
    }
  });
});

describe('webhook presets', () => {
  /** @typedef {import('../dist/src/webhooks/outbox.js').WebhookEvent} WebhookEvent */
  /** @type {WebhookEvent} */
  const review = { type: 'review.created', site: 'blog', data: { item: 'book-1', rating: 4, text: 'Great <!channel> read @everyone', author: 'Ada', status: 'held' } };
  const slack = 'https://hooks.slack.com/services/T000/B000/secretpart';
  const discord = 'https://discord.com/api/webhooks/123/secrettoken';
  const telegram = 'https://api.telegram.org/bot123456:SECRET-token/sendMessage?chat_id=-1001234';

  it('recognises Slack, Discord and Telegram URLs, and nothing else', async () => {
    const { presetOf } = await import('../dist/src/webhooks/presets.js');
    assert.deepEqual([slack, discord, telegram].map(presetOf), ['slack', 'discord', 'telegram']);
    for (const other of ['https://crm.example/hooks', 'http://hooks.slack.com/services/T/B/x', 'https://hooks.slack.com.evil.example/services/x', 'https://api.telegram.org/bot1:x/getUpdates']) {
      assert.equal(presetOf(other), undefined, other);
    }
  });

  it("formats each tool's message, with nothing in a review able to mention or link", async () => {
    const { presetBody } = await import('../dist/src/webhooks/presets.js');
    const text = 'New review waiting for moderation on blog: ★★★★ for book-1 by Ada\nGreat <!channel> read @everyone';
    assert.deepEqual(JSON.parse(presetBody('slack', slack, review)), { text: text.replace('<!channel>', '&lt;!channel&gt;') });
    assert.deepEqual(JSON.parse(presetBody('discord', discord, review)), { content: text, allowed_mentions: { parse: [] } });
    assert.deepEqual(JSON.parse(presetBody('telegram', telegram, review)), { chat_id: '-1001234', text });
    /** @type {WebhookEvent} */
    const conversion = { type: 'conversion', site: 'shop', data: { name: 'order', value: 30, currency: 'EUR', url: 'https://shop.example/thanks', generation: 2, network: 'telegram' } };
    assert.equal(JSON.parse(presetBody('slack', slack, conversion)).text, 'Conversion on shop: order (30 EUR) at https://shop.example/thanks, generation 2, through a share on telegram');
    /** @type {WebhookEvent} */
    const milestone = { type: 'cascade.milestone', site: 'blog', data: { url: 'https://blog.example/p', root: 'S1', size: 100, depth: 4 } };
    assert.equal(JSON.parse(presetBody('discord', discord, milestone)).content, 'https://blog.example/p is spreading: a cascade of 100 shares, 4 re-shares deep');
  });

  it('shows targets without their secrets', async () => {
    const { redacted } = await import('../dist/src/webhooks/outbox.js');
    assert.equal(redacted(slack), 'https://hooks.slack.com/services/…');
    assert.equal(redacted(discord), 'https://discord.com/api/…');
    assert.equal(redacted(telegram), 'https://api.telegram.org/bot…/…');
    assert.equal(redacted('https://user:pw@crm.example/in?key=k'), 'https://crm.example/in');
  });
});

describe('webhook addresses', () => {
  it('refuses every range no webhook may reach, and lets public addresses through', async () => {
    const { forbiddenReason } = await import('../dist/src/webhooks/addresses.js');
    for (const [address, reason] of [
      ['127.0.0.1', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['0.0.0.0', 'unspecified'], ['::', 'unspecified'],
      ['10.1.2.3', 'private'], ['172.31.0.1', 'private'], ['192.168.1.1', 'private'], ['fd12::1', 'private'],
      ['169.254.169.254', 'link-local (cloud metadata)'], ['fe80::1', 'link-local'], ['100.64.0.1', 'carrier-grade NAT'],
      ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'],
    ]) {
      assert.equal(forbiddenReason(address), reason, address);
    }
    for (const address of ['93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(forbiddenReason(address), undefined, address);
  });
});
