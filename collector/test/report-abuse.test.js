// @ts-check
/**
 * Share graphs sent to stall the collector, and reports that run out of time, against the
 * real binary (a stalled event loop cannot time itself out, so the collector runs in its
 * own process). Whatever the graph, ingest and /healthz answer, reports answer in bounded
 * time, and SIGTERM still stops the process.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { spawnCollector } from './support/process.js';

const token = 'report-abuse-token-0123456789';
const t0 = Date.now() - 3600_000;
/** Generous: the machine is shared, but a stalled collector never answers at all. */
const patience = 60_000;

let counter = 0;
/** @param {Record<string, unknown>} fields */
const event = (fields) => ({ id: `a${counter++}`, ts: t0, url: 'https://abuse.example/', ...fields });

/**
 * Starts the binary on a fresh database before the suite; stops both after.
 * @param {{ create: () => Promise<import('./support/databases.js').TestDatabase> }} database
 * @param {string[]} [args]
 */
function collectorProcess(database, args = []) {
  const running = /** @type {{ db: import('./support/databases.js').TestDatabase, collector: Awaited<ReturnType<typeof spawnCollector>> }} */ ({});
  before(async () => {
    running.db = await database.create();
    running.collector = await spawnCollector(['--db', running.db.url, '--token', token, '--rate', '0', ...args]);
  });
  after(async () => {
    running.collector?.child.kill('SIGKILL'); // a no-op when a test already stopped it
    await running.collector?.exited;
    await running.db?.drop();
  });
  /** @param {string} path @param {RequestInit & { timeout?: number }} [init] */
  const request = async (path, { timeout = patience, ...init } = {}) => {
    const response = await fetch(running.collector.base + path, { ...init, signal: AbortSignal.timeout(timeout) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    running,
    request,
    /** @param {string} path @param {RequestInit & { timeout?: number }} [init] */
    authorized: (path, init = {}) => request(path, { ...init, headers: { authorization: `Bearer ${token}` } }),
    /** Sends events in batches of 200, as many beacons. @param {object[]} events */
    async ingest(events) {
      for (let i = 0; i < events.length; i += 200) {
        const response = await request('/e', { method: 'POST', body: JSON.stringify({ v: 1, site: 'abuse', events: events.slice(i, i + 200) }) });
        assert.equal(response.status, 200, JSON.stringify(response.body));
      }
    },
  };
}

/** A page's report, which must answer 200 in time. @param {ReturnType<typeof collectorProcess>} c @param {string} url */
async function report(c, url) {
  const { status, body } = await c.authorized(`/api/report?url=${encodeURIComponent(url)}`);
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

/** Generations as [visits, shares] pairs. @param {any} body */
const generations = (body) => body.generations.map((/** @type {any} */ g) => [g.visits, g.shares]);

for (const database of databases) {
  describe(`hostile share graphs on ${database.name}`, () => {
    const c = collectorProcess(database);

    it('one beacon of a share naming itself leaves ingest and /healthz answering, and reports answer', async () => {
      const url = 'https://abuse.example/self';
      await c.ingest([
        event({ url, type: 'share', share: 'Self000001' }),
        event({ url, type: 'share', share: 'Self000001', ref: 'Self000001' }),
        event({ url, type: 'view', ref: 'Self000001' }),
      ]);
      // Reports the clients give up on, more of them than the database pool has connections.
      const abandoned = Array.from({ length: 10 }, () =>
        c.authorized(`/api/report?url=${encodeURIComponent(url)}`, { timeout: 2000 }).catch(() => undefined),
      );
      assert.equal((await c.request('/healthz', { timeout: 10_000 })).status, 200);
      await c.ingest([event({ url: 'https://abuse.example/other', type: 'view' })]);
      await Promise.all(abandoned);
      assert.equal((await c.request('/healthz', { timeout: 10_000 })).status, 200);

      // The share's first event has no ref: a seed of generation 0, the later one changes nothing.
      const body = await report(c, url);
      assert.deepEqual(generations(body), [[0, 1], [1, 0]]);
      assert.deepEqual(body.cascades, [{ root: 'Self000001', size: 2, depth: 1, broadcast: 1, virality: 1 }]);
      assert.equal((await c.authorized('/api/report?site=abuse')).status, 200);
    });

    it('takes a share whose first event names itself as a seed, as if its ref were never received', async () => {
      const url = 'https://abuse.example/self-first';
      await c.ingest([
        event({ url, type: 'share', share: 'Self000002', ref: 'Self000002' }),
        event({ url, type: 'share', share: 'Self000002' }),
        event({ url, type: 'view', ref: 'Self000002' }),
      ]);
      const body = await report(c, url);
      assert.deepEqual(generations(body), [[0, 0], [0, 1], [1, 0]]);
      assert.deepEqual(body.cascades.map((/** @type {any} */ x) => [x.root, x.size]), [['Self000002', 2]]);
    });

    it('makes every share of a cycle a seed', async () => {
      const url = 'https://abuse.example/cycle';
      await c.ingest([
        event({ url, type: 'share', share: 'Cyc0000001', ref: 'Cyc0000003' }),
        event({ url, type: 'share', share: 'Cyc0000002', ref: 'Cyc0000001' }),
        event({ url, type: 'share', share: 'Cyc0000003', ref: 'Cyc0000002' }),
        event({ url, type: 'share', share: 'Cyc0000004', ref: 'Cyc0000003' }), // hangs off the cycle
      ]);
      const body = await report(c, url);
      assert.deepEqual(generations(body), [[0, 0], [0, 3], [0, 1]]);
      assert.deepEqual(body.cascades.map((/** @type {any} */ x) => x.root).sort(), ['Cyc0000001', 'Cyc0000002', 'Cyc0000003']);
    });

    it('answers a lattice of shares that each name two parents, taking the first as the parent', async () => {
      const url = 'https://abuse.example/lattice';
      const id = (/** @type {number} */ i) => `Lat${String(i).padStart(7, '0')}`;
      const events = [event({ url, type: 'share', share: id(0) }), event({ url, type: 'share', share: id(1), ref: id(0) })];
      for (let i = 2; i < 48; i++) {
        events.push(event({ url, type: 'share', share: id(i), ref: id(i - 1) }), event({ url, type: 'share', share: id(i), ref: id(i - 2) }));
      }
      await c.ingest(events);
      const body = await report(c, url);
      assert.equal(body.depth, 47);
      assert.deepEqual(generations(body), Array.from({ length: 48 }, () => [0, 1]));
    });

    it('reports a chain 2,000 deep with its tree as a flat node list', async () => {
      const body = await report(c, await chain(c, 'deep', 2000));
      assert.equal(body.depth, 2000);
      assert.deepEqual({ ...body.cascades[0], virality: 0 }, { root: 'deep0', size: 2001, depth: 2000, broadcast: 1, virality: 0 });
      const [{ root, nodes }] = body.trees;
      assert.equal(root, 'deep0');
      assert.equal(nodes.length, 2001);
      assert.ok(nodes.every((/** @type {any} */ n, /** @type {number} */ i) => n.parent === (i === 0 ? null : i - 1)));
    });

    it('reports a chain 10,000 deep', async () => {
      const body = await report(c, await chain(c, 'deeper', 10_000));
      assert.equal(body.depth, 10_000);
      assert.equal(body.generations.length, 10_001);
      const [cascade] = body.cascades;
      assert.deepEqual({ ...cascade, virality: 0 }, { root: 'deeper0', size: 10_001, depth: 10_000, broadcast: 1, virality: 0 });
      // A path of n nodes: the mean distance over its pairs is (n + 1) / 3.
      assert.ok(Math.abs(cascade.virality - 10_002 / 3) < 1e-6, `${cascade.virality}`);
      assert.equal((await c.authorized('/api/report?site=abuse')).status, 200);
    });

    it('still stops on SIGTERM', async () => {
      const { child, exited } = c.running.collector;
      child.kill('SIGTERM');
      const [code] = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, patience, ['still running']))]);
      assert.equal(code, 0);
    });
  });

  describe(`a report over its time limit on ${database.name}`, () => {
    const c = collectorProcess(database, ['--report-timeout', '0.001']);

    it('answers 503 with Retry-After and logs it, while /healthz and ingest answer', async () => {
      await chain(c, 'slow', 200);
      const pending = c.authorized(`/api/report?url=${encodeURIComponent('https://abuse.example/slow')}`);
      assert.equal((await c.request('/healthz', { timeout: 10_000 })).status, 200);
      const { status, headers, body } = await pending;
      assert.equal(status, 503);
      assert.match(/** @type {string} */ (headers.get('retry-after')), /^\d+$/);
      assert.match(body.message, /time limit/);
      await c.ingest([event({ type: 'view' })]);
      assert.equal((await c.authorized('/api/report?site=abuse')).status, 503);
      assert.equal((await c.request('/healthz')).status, 200);

      // Log lines reach the pipe a little after the answers.
      const logged = () => c.running.collector.output().split('\n').filter((line) => line.includes('time limit'));
      for (const start = Date.now(); logged().length < 2 && Date.now() - start < patience; ) await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = logged();
      assert.equal(lines.length, 2, c.running.collector.output());
      for (const line of lines) {
        assert.ok(!line.includes(token), 'no token in the log');
        assert.ok(!line.includes('127.0.0.1'), 'no client address in the log');
      }
    });
  });
}

/**
 * Ingests a chain `name`0 → `name`1 → …, each share made by a visit through the one
 * before; resolves with its page.
 * @param {ReturnType<typeof collectorProcess>} c
 * @param {string} name
 * @param {number} length
 */
async function chain(c, name, length) {
  const url = `https://abuse.example/${name}`;
  const events = [];
  for (let i = 0; i < length; i++) {
    const ref = i === 0 ? undefined : `${name}${i - 1}`;
    if (ref) events.push(event({ url, type: 'view', ref, ts: t0 + 2 * i }));
    events.push(event({ url, type: 'share', share: `${name}${i}`, ref, ts: t0 + 2 * i + 1 }));
  }
  events.push(event({ url, type: 'view', ref: `${name}${length - 1}`, ts: t0 + 2 * length }));
  await c.ingest(events);
  return url;
}
