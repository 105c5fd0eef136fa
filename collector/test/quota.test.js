// @ts-check
/** Per-site quotas: events a minute and new URLs a day, with a 429 that says which. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siteQuotas } from '../dist/src/quota.js';
import { databases } from './support/databases.js';
import { batch, collectorOn, event, view } from './support/http.js';

for (const database of databases) {
  describe(`quotas on ${database.name}`, () => {
    describe('events a minute', () => {
      const running = collectorOn(database, { quotaEvents: 5 });

      it('answers 429 with the reason and Retry-After once a site is over, unknown types counted', async () => {
        const post = (/** @type {unknown[]} */ events, site = 'busy') => running.collector.post('/e', batch(events, site));
        assert.equal((await post([view(), view(), event({ type: 'scroll-depth' })])).status, 200);
        assert.equal((await post([event({ type: 'scroll-depth' }), event({ type: 'heartbeat' }), view()])).status, 200);
        const over = await post([view()]);
        assert.equal(over.status, 429);
        assert.match(over.body.message, /site busy is over its quota of 5 events a minute/);
        const retryAfter = Number(over.headers.get('retry-after'));
        assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
        assert.equal((await post([view()], 'quiet')).status, 200, 'other sites keep their own quota');
      });
    });

    describe('new urls a day', () => {
      const running = collectorOn(database, { quotaUrls: 2 });

      it('rejects events on urls over the quota, keeps those on urls already seen, and 429s when none is left', async () => {
        const on = (/** @type {string} */ path) => view({ url: `https://blog.example/${path}` });
        const first = await running.collector.post('/e', batch([on('a'), on('b'), on('a')], 'urls'));
        assert.deepEqual(first.body, { accepted: 3, duplicates: 0, rejected: [] });
        const mixed = await running.collector.post('/e', batch([on('c'), on('b')], 'urls'));
        assert.equal(mixed.status, 200);
        assert.equal(mixed.body.accepted, 1);
        assert.deepEqual(mixed.body.rejected, [{ index: 0, error: 'events/0/url: site urls is over its quota of 2 new urls a day' }]);
        const over = await running.collector.post('/e', batch([on('d')], 'urls'));
        assert.equal(over.status, 429);
        assert.match(over.body.message, /over its quota of 2 new urls a day/);
        assert.ok(Number(over.headers.get('retry-after')) > 60);
      });
    });

    describe('0', () => {
      const running = collectorOn(database, { quotaEvents: 0, quotaUrls: 0 });
      it('turns the quotas off', async () => {
        const events = Array.from({ length: 300 }, (_, i) => view({ url: `https://blog.example/${i}` }));
        for (let i = 0; i < 3; i++) {
          const { status, body } = await running.collector.post('/e', batch(events.slice(i * 100, i * 100 + 100), 'unlimited'));
          assert.equal(status, 200);
          assert.equal(body.accepted, 100);
        }
      });
    });
  });
}

describe('quota bookkeeping', () => {
  it('counts at most maxSites sites a minute and maxUrls urls a day, refusing the rest', () => {
    const quotas = siteQuotas({ events: 100, urls: 100, maxSites: 3, maxUrls: 4 });
    const now = 1_000_000;
    for (const site of ['a', 'b', 'c']) assert.equal(quotas.countEvents(site, 1, now), undefined);
    assert.match(quotas.countEvents('d', 1, now)?.reason ?? '', /at most 3 sites a minute/);
    assert.equal(quotas.countEvents('a', 1, now), undefined, 'sites already counted go on');
    assert.equal(quotas.countEvents('d', 1, now + 60_000), undefined, 'a new minute starts over');
    for (const [site, url] of [['a', 'u1'], ['a', 'u2'], ['b', 'u3'], ['b', 'u4']]) assert.equal(quotas.admitUrl(site, url, now), undefined);
    assert.match(quotas.admitUrl('c', 'u5', now) ?? '', /at most 4 new urls a day/);
    assert.equal(quotas.admitUrl('a', 'u1', now), undefined, 'urls already seen go on');
  });
});

describe('events a minute per address', () => {
  const [sqlite] = databases;
  const running = collectorOn(sqlite, { rateLimit: 3, quotaEvents: 0 });
  it('are ten times --rate, whichever sites they name', async () => {
    assert.equal((await running.collector.post('/e', batch(Array.from({ length: 12 }, () => view()), 'rotate-1'))).status, 200);
    assert.equal((await running.collector.post('/e', batch(Array.from({ length: 18 }, () => view()), 'rotate-2'))).status, 200);
    const over = await running.collector.post('/e', batch([view()], 'rotate-3'));
    assert.equal(over.status, 429);
    assert.match(over.body.message, /rate limit of 30 events per 60 s/);
  });
});
