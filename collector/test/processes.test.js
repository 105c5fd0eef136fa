// @ts-check
/**
 * Two collector processes behind one load balancer on one PostgreSQL answer what one
 * process on its own database answers, given the same events: the real binary, started
 * at the same moment on a fresh database (the migrations and the months race).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, event, share, view } from './support/http.js';
import { spawnCollector } from './support/process.js';

const postgres = /** @type {(typeof databases)[number]} */ (databases.find((d) => d.name === 'postgres'));
const token = 'processes-token-0123456789';
const pages = ['https://blog.example/a', 'https://blog.example/b', 'https://blog.example/c'];

/** A seeded generator (mulberry32): the same stream on every run. */
function random(seed = 7) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What a site sends, in the order readers act: per page, direct views, then cascades of
 * shares (each share's readers view the page through it and some re-share, up to depth 5),
 * conversions on the next page through shares three re-shares deep, one sign-up, a view through
 * a share never received. Then cut into batches of a few events and shuffled, so that some
 * children arrive before their parents.
 */
function stream() {
  const next = random();
  const t0 = Date.now() - 3_600_000;
  let clock = 0;
  const ts = () => t0 + 1000 * clock++;
  /** @type {Record<string, unknown>[]} */
  const events = [];
  /** @type {Map<string, number>} the report's depth of each page: one past its deepest share */
  const depths = new Map();
  for (const [p, url] of pages.entries()) {
    for (let i = 0; i < 3; i++) events.push(view({ url, ts: ts() }));
    events.push(view({ url, ts: ts(), ref: `never${p}` }));
    for (let c = 0; c < 3; c++) {
      /** @type {[string, string | undefined, number][]} share id, its ref, depth */
      const queue = [[`p${p}c${c}`, undefined, 0]];
      for (let at = 0; at < queue.length; at++) {
        const [id, ref, depth] = queue[at];
        depths.set(url, Math.max(depths.get(url) ?? 0, depth + 1));
        events.push(share(id, { url, ts: ts(), ref, network: next() < 0.5 ? 'x' : 'telegram' }));
        const readers = 1 + Math.floor(next() * 4);
        for (let r = 0; r < readers; r++) {
          events.push(view({ url, ts: ts(), ref: id }));
          if (depth < 5 && next() < 0.5) queue.push([`${id}r${r}`, id, depth + 1]);
        }
        if (depth === 3) events.push(event({ type: 'convert', url: pages[(p + 1) % pages.length], ts: ts(), ref: id, value: 10 }));
      }
    }
    events.push(event({ type: 'convert', url, ts: ts(), name: 'signup' }));
  }
  /** @type {Record<string, unknown>[][]} */
  const batches = [];
  for (let i = 0; i < events.length; ) {
    const size = 3 + Math.floor(next() * 6);
    batches.push(events.slice(i, (i += size)));
  }
  for (let i = batches.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [batches[i], batches[j]] = [batches[j], batches[i]];
  }
  return { events, batches, depths };
}

/** @param {string} base @param {unknown} body */
const post = async (base, body) => {
  const response = await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'text/plain' } });
  assert.equal(response.status, 200);
  return response.json();
};
/** @param {string} base @param {string} query */
const report = async (base, query = '') => {
  const response = await fetch(`${base}/api/report?${query}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  return response.json();
};

describe('two processes on one PostgreSQL', () => {
  it('answer every report as one process does, given the same stream with retries to both', async () => {
    const { events, batches, depths } = stream();
    const sent = batches.flat();
    const position = new Map(sent.map((e, i) => [e.share ?? e.id, i]));
    assert.ok(
      sent.some((e) => e.type === 'share' && e.ref !== undefined && /** @type {number} */ (position.get(e.ref)) > sent.indexOf(e)),
      'some share arrives before its parent',
    );

    const shared = await postgres.create();
    const single = await postgres.create();
    // Both start at once on the fresh database: migrations and months are made under locks.
    const [a, b] = await Promise.all([0, 1].map(() => spawnCollector(['--db', shared.url, '--token', token, '--rate', '0'])));
    const one = await spawnCollector(['--db', single.url, '--token', token, '--rate', '0']);
    try {
      // Behind a load balancer: batches alternate between the processes, two at a time, and
      // every fifth batch is retried (its answer lost) through both processes at once.
      for (let i = 0; i < batches.length; i += 2) {
        const pair = batches.slice(i, i + 2).map((events) => batch(events));
        const answers = await Promise.all([post(a.base, pair[0]), pair[1] && post(b.base, pair[1]), ...pair.map((body) => post(one.base, body))]);
        for (const answer of answers.filter(Boolean)) assert.equal(answer.duplicates, 0);
        if ((i / 2) % 5 === 0) {
          const retried = await Promise.all([post(a.base, pair[0]), post(b.base, pair[0]), post(one.base, pair[0])]);
          assert.deepEqual(retried.map((r) => r.duplicates), Array(3).fill(pair[0].events.length));
        }
      }

      const views = (/** @type {string} */ url) => events.filter((e) => e.type === 'view' && e.url === url).length;
      const shares = (/** @type {string} */ url) => events.filter((e) => e.type === 'share' && e.url === url).length;
      for (const url of pages) {
        const query = `url=${encodeURIComponent(url)}`;
        const [fromA, fromB, fromOne] = await Promise.all([a, b, one].map((c) => report(c.base, query)));
        assert.deepEqual(fromA, fromOne, url);
        assert.deepEqual(fromB, fromOne, url);
        assert.equal(fromOne.views, views(url));
        assert.equal(fromOne.shares, shares(url));
        assert.equal(fromOne.depth, depths.get(url));
      }
      const [overviewA, overviewB, overviewOne] = await Promise.all([a, b, one].map((c) => report(c.base)));
      assert.deepEqual(overviewA, overviewOne);
      assert.deepEqual(overviewB, overviewOne);
      assert.equal(overviewOne.totals.views, events.filter((e) => e.type === 'view').length);
      assert.equal(overviewOne.totals.shares, events.filter((e) => e.type === 'share').length);
      assert.equal(overviewOne.totals.conversions, events.filter((e) => e.type === 'convert').length);
    } finally {
      await Promise.all([a, b, one].map((c) => c.stop()));
      await shared.drop();
      await single.drop();
    }
  });
});
