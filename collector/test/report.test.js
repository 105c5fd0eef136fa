// @ts-check
/**
 * The report on hand-built cascades. Every expected number is worked out in the test,
 * the virality by brute force over all pairs of nodes (not by the Σ s(n−s) shortcut).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, collectorOn, event, share, view } from './support/http.js';

/**
 * Mean shortest-path distance over all pairs of a tree given as [parent, child] edges.
 * @param {[string, string][]} edges
 */
function meanDistance(edges) {
  /** @type {Map<string, string[]>} */
  const next = new Map();
  for (const [a, b] of edges) {
    next.set(a, [...(next.get(a) ?? []), b]);
    next.set(b, [...(next.get(b) ?? []), a]);
  }
  const nodes = [...next.keys()];
  let total = 0;
  for (const from of nodes) {
    const distance = new Map([[from, 0]]);
    const queue = [from];
    for (const node of queue) {
      for (const other of next.get(node) ?? []) {
        if (!distance.has(other)) {
          distance.set(other, /** @type {number} */ (distance.get(node)) + 1);
          queue.push(other);
        }
      }
    }
    for (const d of distance.values()) total += d;
  }
  return total / (nodes.length * (nodes.length - 1)); // each pair was counted twice
}

const t0 = Date.now() - 3600_000;
/** ts at minute m of the test hour */
const at = (/** @type {number} */ m) => t0 + m * 60_000;

for (const database of databases) {
  describe(`GET /api/report on ${database.name}`, () => {
    const running = collectorOn(database);

    /** @param {unknown[]} events @param {string} [site] */
    const ingest = async (events, site) => assert.equal((await running.collector.post('/e', batch(events, site))).status, 200);
    /** @param {string} url @param {string} [extra] */
    const report = async (url, extra = '') => {
      const response = await running.collector.authorized(`/api/report?url=${encodeURIComponent(url)}${extra}`);
      assert.equal(response.status, 200);
      return response.body;
    };
    /** Generations as [visits, shares] pairs. @param {any} body */
    const generations = (body) => body.generations.map((/** @type {any} */ g, /** @type {number} */ i) => {
      assert.equal(g.generation, i);
      return [g.visits, g.shares];
    });

    describe('a single chain A → B → C → D', () => {
      const url = 'https://blog.example/chain';
      before(() =>
        ingest([
          view({ url, ts: at(0) }), // A, generation 0
          share('C1s1', { url, ts: at(1), network: 'x' }),
          view({ url, ts: at(2), ref: 'C1s1' }), // B, generation 1
          share('C1s2', { url, ts: at(3), ref: 'C1s1', network: 'telegram' }),
          view({ url, ts: at(4), ref: 'C1s2' }), // C, generation 2
          share('C1s3', { url, ts: at(5), ref: 'C1s2', network: 'whatsapp' }),
          view({ url, ts: at(6), ref: 'C1s3' }), // D, generation 3
          event({ type: 'convert', url: 'https://blog.example/thanks', ts: at(7), ref: 'C1s3', name: 'buy', value: 30 }),
          event({ type: 'convert', url, ts: at(8), name: 'signup', value: 0 }),
        ]),
      );

      it('counts one visit and one share per generation, none shared at the last', async () => {
        const body = await report(url);
        assert.deepEqual(generations(body), [[1, 1], [1, 1], [1, 1], [1, 0]]);
        assert.equal(body.views, 4);
        assert.equal(body.shares, 3);
      });

      it('has depth 3 and k = (1 + 1 + 1) / (1 + 1 + 1) = 1', async () => {
        const body = await report(url);
        assert.equal(body.depth, 3);
        assert.equal(body.k, 1);
      });

      it('measures one cascade: a path of 4 nodes', async () => {
        const { cascades } = await report(url);
        const virality = meanDistance([['A', 'B'], ['B', 'C'], ['C', 'D']]); // (3·1 + 2·2 + 1·3) / 6
        assert.equal(cascades.length, 1);
        assert.deepEqual({ ...cascades[0], virality: 0 }, { root: 'C1s1', size: 4, depth: 3, broadcast: 1, virality: 0 });
        assert.ok(Math.abs(cascades[0].virality - virality) < 1e-9, `${cascades[0].virality} ≈ ${virality}`);
        assert.ok(Math.abs(virality - 10 / 6) < 1e-9);
      });

      it('breaks shares and visits down by network', async () => {
        const { networks } = await report(url);
        assert.deepEqual(networks, {
          x: { shares: 1, visits: 1 },
          telegram: { shares: 1, visits: 1 },
          whatsapp: { shares: 1, visits: 1 },
        });
      });

      it('counts conversions on the page and through its shares elsewhere, per generation, and their chain', async () => {
        const body = await report(url);
        assert.equal(body.conversions, 2);
        assert.equal(body.value, 30);
        assert.deepEqual(body.generations.map((/** @type {any} */ g) => [g.conversions, g.value]), [[1, 0], [0, 0], [0, 0], [1, 30]]);
        assert.deepEqual(body.chains, [
          { shares: ['C1s1', 'C1s2', 'C1s3'], networks: ['x', 'telegram', 'whatsapp'], conversions: 1, value: 30 },
        ]);
      });
    });

    describe('a wide tree', () => {
      const url = 'https://blog.example/wide';
      before(() =>
        ingest([
          ...[0, 0, 0, 0].map((m) => view({ url, ts: at(m) })), // A and three others, generation 0
          share('W1s1', { url, ts: at(1), network: 'x' }), // by A
          view({ url, ts: at(2), ref: 'W1s1' }), // B
          view({ url, ts: at(3), ref: 'W1s1' }), // C
          view({ url, ts: at(4), ref: 'W1s1' }), // D
          share('W1s2', { url, ts: at(5), ref: 'W1s1', network: 'facebook' }), // earliest free visit: B
          share('W1s3', { url, ts: at(6), ref: 'W1s1', network: 'telegram' }), // then C
          view({ url, ts: at(7), ref: 'W1s2' }), // E under B
          view({ url, ts: at(8), ref: 'W1s2' }), // F under B
          view({ url, ts: at(9), ref: 'W1s3' }), // G under C
        ]),
      );

      it('counts generations 0–2 and k = (3 + 3) / (4 + 3)', async () => {
        const body = await report(url);
        assert.deepEqual(generations(body), [[4, 1], [3, 2], [3, 0]]);
        assert.equal(body.depth, 2);
        assert.equal(body.k, 6 / 7);
      });

      it('gives each share the earliest visit through its parent not yet taken', async () => {
        const [cascade] = (await report(url)).cascades;
        const virality = meanDistance([['A', 'B'], ['A', 'C'], ['A', 'D'], ['B', 'E'], ['B', 'F'], ['C', 'G']]);
        assert.deepEqual({ ...cascade, virality: 0 }, { root: 'W1s1', size: 7, depth: 2, broadcast: 3, virality: 0 });
        assert.ok(Math.abs(cascade.virality - virality) < 1e-9, `${cascade.virality} ≈ ${virality}`);
      });

      it('credits visits to the network of the share they arrived through', async () => {
        assert.deepEqual((await report(url)).networks, {
          x: { shares: 1, visits: 3 },
          facebook: { shares: 1, visits: 2 },
          telegram: { shares: 1, visits: 1 },
        });
      });
    });

    describe('a share with no visits', () => {
      const url = 'https://blog.example/lonely';
      before(() => ingest([view({ url, ts: at(0) }), share('L1s1', { url, ts: at(1) })]));

      it('is a cascade of one node with virality 0, depth 0 and k = 0', async () => {
        const body = await report(url);
        assert.deepEqual(generations(body), [[1, 1]]);
        assert.equal(body.depth, 0);
        assert.equal(body.k, 0);
        assert.deepEqual(body.cascades, [{ root: 'L1s1', size: 1, depth: 0, broadcast: 0, virality: 0 }]);
      });
    });

    describe('a conversion through a share nobody visited', () => {
      const url = 'https://blog.example/converted';
      before(() =>
        ingest([
          view({ url, ts: at(0) }),
          share('N1s1', { url, ts: at(1) }),
          event({ type: 'convert', url: 'https://blog.example/cart', ts: at(2), ref: 'N1s1', name: 'buy', value: 9 }),
        ]),
      );

      it('lists its generation, which counts neither in depth nor in k', async () => {
        const body = await report(url);
        assert.deepEqual(body.generations.map((/** @type {any} */ g) => [g.visits, g.shares, g.conversions]), [[1, 1, 0], [0, 0, 1]]);
        assert.equal(body.depth, 0);
        assert.equal(body.k, 0);
      });
    });

    describe('views whose ref is unknown', () => {
      const url = 'https://blog.example/unknown';
      before(() =>
        ingest([
          view({ url, ts: at(0) }), // generation 0
          view({ url, ts: at(1), ref: 'Gone000001' }), // generation 1: the unknown share is generation 0
          view({ url, ts: at(2), ref: 'Gone000001' }),
          view({ url, ts: at(3), ref: 'Gone000002' }),
          share('U1s1', { url, ts: at(4), ref: 'Gone000001' }), // a seed made at generation 1
          view({ url, ts: at(5), ref: 'U1s1' }), // generation 2
        ]),
      );

      it('counts them as generation 1 and what follows from them one further', async () => {
        const body = await report(url);
        assert.deepEqual(generations(body), [[1, 0], [3, 1], [1, 0]]);
        assert.equal(body.depth, 2);
        assert.equal(body.k, (3 + 1) / (1 + 3));
      });

      it('makes a share whose ref was never received a seed of its own cascade', async () => {
        assert.deepEqual((await report(url)).cascades, [{ root: 'U1s1', size: 2, depth: 1, broadcast: 1, virality: 1 }]);
      });
    });

    describe('visitor ids', () => {
      const url = 'https://blog.example/visitors';
      before(() =>
        ingest([
          share('V1s1', { url, ts: at(0), visitor: 'va' }),
          view({ url, ts: at(1), ref: 'V1s1', visitor: 'vb' }), // B, the earliest visit
          view({ url, ts: at(2), ref: 'V1s1', visitor: 'vc' }), // C
          share('V1s2', { url, ts: at(3), ref: 'V1s1', visitor: 'vc' }), // made by C, not B
          share('V1s3', { url, ts: at(4), ref: 'V1s1', visitor: 'vc' }), // C again: the same node
          view({ url, ts: at(5), ref: 'V1s2' }), // D under C
          view({ url, ts: at(6), ref: 'V1s3' }), // E under C
          share('V1s4', { url, ts: at(7), ref: 'V1s2', visitor: 'vf' }), // F, whose visit never arrived
        ]),
      );

      it('places a share under the visit of the same visitor', async () => {
        const [cascade] = (await report(url)).cascades;
        // F arrived through V1s2 (made by C) but was never seen: a node of its own under C.
        const virality = meanDistance([['A', 'B'], ['A', 'C'], ['C', 'D'], ['C', 'E'], ['C', 'F']]);
        assert.deepEqual({ ...cascade, virality: 0 }, { root: 'V1s1', size: 6, depth: 2, broadcast: 3, virality: 0 });
        assert.ok(Math.abs(cascade.virality - virality) < 1e-9, `${cascade.virality} ≈ ${virality}`);
      });
    });

    describe('a share made before any visit through its parent', () => {
      const url = 'https://blog.example/early';
      before(() =>
        ingest([
          share('E1s1', { url, ts: at(0) }),
          share('E1s2', { url, ts: at(1), ref: 'E1s1' }), // no visit before it: a node of its own
          view({ url, ts: at(2), ref: 'E1s1' }), // V, a visit of its own under the root
          view({ url, ts: at(3), ref: 'E1s2' }), // W under the unseen maker of E1s2
        ]),
      );

      it('hangs the share on a node of its own under the parent share’s maker', async () => {
        const [cascade] = (await report(url)).cascades;
        assert.deepEqual({ ...cascade, virality: 0 }, { root: 'E1s1', size: 4, depth: 2, broadcast: 2, virality: 0 });
        assert.ok(Math.abs(cascade.virality - meanDistance([['R', 'M'], ['R', 'V'], ['M', 'W']])) < 1e-9);
      });
    });

    describe('cascades', () => {
      const url = 'https://blog.example/many';
      before(() =>
        ingest([
          share('M1a', { url, ts: at(0) }),
          share('M1b', { url, ts: at(1) }),
          view({ url, ts: at(2), ref: 'M1b' }),
          share('M1c', { url, ts: at(3) }),
        ]),
      );

      it('lists every seed, the largest first', async () => {
        const { cascades } = await report(url);
        assert.deepEqual(cascades.map((/** @type {any} */ c) => [c.root, c.size]), [['M1b', 2], ['M1a', 1], ['M1c', 1]]);
      });
    });

    describe('from and to', () => {
      const url = 'https://blog.example/range';
      before(() =>
        ingest([
          view({ url, ts: at(0) }),
          share('R1s1', { url, ts: at(1) }),
          view({ url, ts: at(2), ref: 'R1s1' }),
          share('R1s2', { url, ts: at(3), ref: 'R1s1' }),
          view({ url, ts: at(30), ref: 'R1s2' }),
          view({ url, ts: at(40) }),
        ]),
      );

      it('reads only events in [from, to), each at its generation in the whole cascade', async () => {
        const body = await report(url, `&from=${at(20)}&to=${at(40)}`);
        assert.equal(body.views, 1);
        assert.equal(body.shares, 0);
        // R1s2, made before `from`, is still generation 1: the visit through it is generation 2.
        assert.deepEqual(generations(body), [[0, 0], [0, 0], [1, 0]]);
        assert.equal(body.from, at(20));
        assert.equal(body.to, at(40));
      });

      it('accepts ISO dates and refuses a bound that is neither', async () => {
        const iso = new Date(at(20)).toISOString();
        assert.equal((await report(url, `&from=${iso}`)).views, 2);
        const bad = await running.collector.authorized(`/api/report?url=${encodeURIComponent(url)}&from=yesterday`);
        assert.equal(bad.status, 400);
        assert.match(bad.body.message, /from must be/);
      });
    });

    describe('site overview', () => {
      before(() =>
        ingest(
          [
            ...[0, 1, 2].map((m) => view({ url: 'https://shop.example/a', ts: at(m) })),
            share('O1s1', { url: 'https://shop.example/a', ts: at(3) }),
            view({ url: 'https://shop.example/a', ts: at(4), ref: 'O1s1' }),
            view({ url: 'https://shop.example/a', ts: at(5), ref: 'O1s1' }),
            ...[0, 1, 2, 3, 4, 5].map((m) => view({ url: 'https://shop.example/b', ts: at(m) })),
            share('O1s2', { url: 'https://shop.example/b', ts: at(6) }),
            share('O1s3', { url: 'https://shop.example/b', ts: at(7) }),
          ],
          'shop',
        ),
      );

      it('ranks the site’s pages by views, with shares, visits from shares and k', async () => {
        const { body } = await running.collector.authorized('/api/report?site=shop');
        assert.deepEqual(body.pages, [
          { url: 'https://shop.example/b', views: 6, shares: 2, visits: 0, k: 0, depth: 0 },
          { url: 'https://shop.example/a', views: 5, shares: 1, visits: 2, k: 2 / 3, depth: 1 },
        ]);
      });

      it('ranks by shares, visits or k on request and refuses another order', async () => {
        const byVisits = await running.collector.authorized('/api/report?site=shop&sort=visits');
        assert.equal(byVisits.body.pages[0].url, 'https://shop.example/a');
        const byShares = await running.collector.authorized('/api/report?site=shop&sort=shares');
        assert.equal(byShares.body.pages[0].url, 'https://shop.example/b');
        const bad = await running.collector.authorized('/api/report?site=shop&sort=name');
        assert.equal(bad.status, 400);
      });
    });

    describe('GET /api/counts', () => {
      const url = 'https://blog.example/counted';
      before(() =>
        ingest([
          share('K1s1', { url, network: 'x' }),
          share('K1s2', { url, network: 'x' }),
          share('K1s3', { url, network: 'telegram' }),
          share('K1s4', { url: 'https://blog.example/other', network: 'x' }),
        ]),
      );

      it('returns the total and the shares per network of the URL, cacheable for a minute', async () => {
        const response = await running.collector.request(`/api/counts?url=${encodeURIComponent(url)}`);
        assert.equal(response.status, 200);
        assert.deepEqual(response.body, { url, total: 3, networks: { x: 2, telegram: 1 } });
        assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
      });

      it('returns zeros for a URL nobody shared', async () => {
        const { body } = await running.collector.request('/api/counts?url=https%3A%2F%2Fnobody.example%2F');
        assert.deepEqual(body, { url: 'https://nobody.example/', total: 0, networks: {} });
      });

      it('answers 400 without url', async () => {
        const response = await running.collector.request('/api/counts');
        assert.equal(response.status, 400);
        assert.equal(response.body.message, "querystring must have required property 'url'");
        assert.equal(response.body.field, 'url');
      });
    });
  });
}
