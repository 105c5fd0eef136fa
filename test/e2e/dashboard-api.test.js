/**
 * What the collector adds for the dashboard, over real HTTP against a SQLite file: the
 * overview's `totals` and `daily`, the page report's `trees` and `conversionsByNetwork`,
 * `GET /api/events`, and the static files under a strict CSP.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from '../../collector/dist/src/app.js';

const bin = fileURLToPath(new URL('../../collector/dist/bin/wom-collector.js', import.meta.url));

const token = 'e2e-dashboard-api';
const url = 'https://blog.example/tree';
const day = 24 * 3600_000;
// Ten o'clock, five days ago: inside the window the collector accepts, whatever today is.
const start = Math.floor(Date.now() / day) * day - 5 * day + 10 * 3600_000;
const isoDay = (ts) => new Date(ts).toISOString().slice(0, 10);

describe('the collector API the dashboard reads', () => {
  let app, base, dir;
  const get = async (path, auth = true) => {
    const response = await fetch(base + path, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  const json = async (path) => JSON.parse((await get(path)).body);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wom-dashboard-api-'));
    app = await build({ db: join(dir, 'wom.db'), token, logger: false, rateLimit: 0, retention: 'off' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${app.server.address().port}`;
    let n = 0;
    const at = (ts, fields) => ({ id: `a${n++}`, ts, url, ...fields });
    // Day 1: a direct view and a seed share on x; day 3: two visits through it, one re-share
    // on telegram, a visit through that, and a conversion worth 12.5 through the re-share.
    const events = [
      at(start, { type: 'view' }),
      at(start + 1000, { type: 'share', share: 'T1aaaaaaaa', network: 'x' }),
      at(start + 2 * day, { type: 'view', ref: 'T1aaaaaaaa' }),
      at(start + 2 * day + 1, { type: 'view', ref: 'T1aaaaaaaa' }),
      at(start + 2 * day + 2, { type: 'share', share: 'T2aaaaaaaa', ref: 'T1aaaaaaaa', network: 'telegram' }),
      at(start + 2 * day + 3, { type: 'view', ref: 'T2aaaaaaaa' }),
      at(start + 2 * day + 4, { type: 'convert', ref: 'T2aaaaaaaa', name: 'buy', value: 12.5 }),
      at(start + 2 * day + 5, { type: 'review', item: 'book', rating: 5 }),
    ];
    const response = await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify({ v: 1, site: 'blog', events }) });
    assert.equal(response.status, 200);
  });

  after(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('the overview', () => {
    it('adds site totals over every page', async () => {
      const { totals } = await json('/api/report');
      assert.deepEqual(totals, { views: 4, shares: 2, visits: 3, k: 3 / 3, depth: 2, conversions: 1, value: 12.5, reviews: 1 });
    });

    it('adds a daily series with every day from the first to the last, empty ones included', async () => {
      const { daily } = await json('/api/report');
      assert.deepEqual(daily, [
        { day: isoDay(start), views: 1, shares: 1, visits: 0 },
        { day: isoDay(start + day), views: 0, shares: 0, visits: 0 },
        { day: isoDay(start + 2 * day), views: 3, shares: 1, visits: 3 },
      ]);
    });

    it('keeps to the range', async () => {
      const { totals, daily } = await json(`/api/report?from=${start + day}`);
      assert.equal(totals.views, 3);
      assert.deepEqual(daily.map((d) => d.day), [isoDay(start + 2 * day)]);
    });
  });

  describe('the page report', () => {
    it("adds the largest cascades' trees, each node labelled with the network it came through", async () => {
      const { trees, cascades } = await json(`/api/report?url=${encodeURIComponent(url)}`);
      assert.deepEqual(cascades.map((c) => c.size), [4]);
      // Flat, parents first: each node the index of its parent (a deep chain nests nothing).
      assert.deepEqual(trees, [
        {
          root: 'T1aaaaaaaa',
          nodes: [
            { network: 'x', parent: null },
            { network: 'x', parent: 0 },
            { network: 'x', parent: 0 },
            { network: 'telegram', parent: 1 },
          ],
        },
      ]);
    });

    it('adds the items reviewed on the page', async () => {
      const { reviewItems } = await json(`/api/report?url=${encodeURIComponent(url)}`);
      assert.deepEqual(reviewItems, [{ item: 'book', reviews: 1 }]);
    });

    it('adds conversions by the network of the share they came through', async () => {
      const { conversionsByNetwork } = await json(`/api/report?url=${encodeURIComponent(url)}`);
      assert.deepEqual(conversionsByNetwork, { telegram: { conversions: 1, value: 12.5 } });
    });
  });

  describe('GET /api/events', () => {
    it('needs the token', async () => {
      assert.equal((await get('/api/events', false)).status, 401);
    });

    it('returns the raw events of the range, oldest first', async () => {
      const { events } = await json(`/api/events?from=${start + day}&to=${start + 2 * day + 2}`);
      assert.deepEqual(events.map((e) => [e.id, e.type, e.ref]), [['a2', 'view', 'T1aaaaaaaa'], ['a3', 'view', 'T1aaaaaaaa']]);
      assert.equal(events[0].site, 'blog');
    });

    it('refuses a bound that is not a time in ms', async () => {
      assert.equal((await get('/api/events?from=yesterday')).status, 400);
    });
  });

  describe('the dashboard files', () => {
    it('redirects /dashboard to /dashboard/ relatively, so a collector under a path works', async () => {
      const response = await fetch(`${base}/dashboard`, { redirect: 'manual' });
      assert.equal(response.status, 302);
      assert.equal(response.headers.get('location'), 'dashboard/');
    });

    it('serves the page under a CSP without inline scripts or styles, and no token is needed for it', async () => {
      const { status, headers } = await get('/dashboard/', false);
      assert.equal(status, 200);
      assert.match(headers.get('content-type'), /^text\/html/);
      const csp = headers.get('content-security-policy');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /style-src 'self'(;|$)/);
      assert.equal(headers.get('x-content-type-options'), 'nosniff');
    });

    it('serves only its own files', async () => {
      for (const path of ['/dashboard/..%2Fpackage.json', '/dashboard/app.js.map', '/dashboard/missing.js']) {
        assert.equal((await get(path, false)).status, 404, path);
      }
    });
  });

  describe('wom-collector report, the same exports from the command line', () => {
    const run = async (...args) => (await promisify(execFile)(process.execPath, [bin, 'report', '--db', join(dir, 'wom.db'), ...args])).stdout;

    it("writes a page's generations as CSV with a BOM and CRLF lines", async () => {
      assert.equal(await run('--url', url, '--format', 'csv'), '\uFEFFgeneration,visits,shares,conversions,value\r\n0,1,1,0,0\r\n1,2,1,0,0\r\n2,1,0,1,12.5\r\n');
    });

    it('writes the pages of the overview as CSV, and reports as JSON equal to the API', async () => {
      assert.equal(await run(), `\uFEFFurl,views,shares,visits,k,depth\r\n${url},4,2,3,1,2\r\n`);
      const { cascades, generations, trees } = JSON.parse(await run('--url', url, '--format', 'json'));
      const api = await json(`/api/report?url=${encodeURIComponent(url)}`);
      assert.deepEqual({ cascades, generations, trees }, { cascades: api.cascades, generations: api.generations, trees: api.trees });
    });

    it('refuses an unknown format with exit code 2', async () => {
      await assert.rejects(run('--format', 'xml'), (error) => error.code === 2 && /--format must be csv or json/.test(error.stderr));
    });
  });
});
