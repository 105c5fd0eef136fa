// @ts-check
/**
 * Property-based: random batches of share and view events, hostile graphs included
 * (self-references, cycles, one share id with many parents, lattices, deep chains, events
 * out of order), sent to the real collector over HTTP. The collector must keep answering,
 * and its report must equal the brute-force reference below, written from the contract's
 * words (PRODUCT.md, "Collector" and "The share graph is untrusted input") and sharing no
 * code with the collector.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { databases } from './support/databases.js';
import { batch, collectorOn } from './support/http.js';

/**
 * @typedef {{ id?: string, type: 'share' | 'view', share?: string, ref?: string, visitor?: string, ts: number }} Event
 * @typedef {{ root: string, size: number, depth: number, broadcast: number, virality: number }} Cascade
 */

/**
 * The contract's report of one page's events (in the order received), by brute force.
 * Where the contract leaves an order open, it follows the collector's: shares are placed
 * generation by generation, then by time, then by share id.
 * @param {Event[]} events
 */
function reference(events) {
  /** @type {Map<string, Event>} */
  const first = new Map();
  for (const e of events) if (e.type === 'share' && !first.has(/** @type {string} */ (e.share))) first.set(/** @type {string} */ (e.share), e);
  const named = (/** @type {string} */ id) => {
    const ref = /** @type {Event} */ (first.get(id)).ref;
    return ref !== undefined && first.has(ref) ? ref : null;
  };
  /** Does following first parents from `id` come back to it? */
  const onCycle = (/** @type {string} */ id) => {
    let s = named(id);
    for (let i = 0; i < first.size && s !== null; i++, s = named(s)) if (s === id) return true;
    return false;
  };
  const parents = new Map([...first.keys()].map((id) => [id, onCycle(id) ? null : named(id)]));
  const parent = (/** @type {string} */ id) => /** @type {string | null} */ (parents.get(id));
  /** Steps up to the seed, plus one when the seed names a share (never received, or a cycle). */
  const generationOf = (/** @type {string} */ id) => {
    let g = 0;
    let s = id;
    for (let p = parent(s); p !== null; p = parent(s)) [g, s] = [g + 1, p];
    return g + (/** @type {Event} */ (first.get(s)).ref === undefined ? 0 : 1);
  };
  const generationById = new Map([...first.keys()].map((id) => [id, generationOf(id)]));
  const generation = (/** @type {string} */ id) => /** @type {number} */ (generationById.get(id));
  const through = (/** @type {string | undefined} */ ref) => (ref === undefined ? 0 : first.has(ref) ? generation(ref) + 1 : 1);

  const views = events.filter((e) => e.type === 'view');
  const deepest = Math.max(0, ...views.map((v) => through(v.ref)), ...[...first.keys()].map(generation));
  const generations = Array.from({ length: deepest + 1 }, (_, g) => ({
    visits: views.filter((v) => through(v.ref) === g).length,
    shares: [...first.keys()].filter((s) => generation(s) === g).length,
  }));
  const referring = generations.slice(0, -1).reduce((sum, g) => sum + g.visits, 0);
  const k = referring === 0 ? 0 : (views.length - generations[0].visits) / referring;

  // The trees: a root per seed, a node per visit under the maker of the share it came through.
  /** @type {{ parent: number | null }[]} */
  const nodes = [];
  const node = (/** @type {number | null} */ parentNode) => nodes.push({ parent: parentNode }) - 1;
  /** @type {Map<string, number>} */
  const maker = new Map();
  /** @type {Map<Event, number>} */
  const visitNodes = new Map();
  const visitNode = (/** @type {Event} */ v) => {
    if (!visitNodes.has(v)) visitNodes.set(v, node(/** @type {number} */ (maker.get(/** @type {string} */ (v.ref)))));
    return /** @type {number} */ (visitNodes.get(v));
  };
  // Equal times: the collector's tie-break, the event id.
  const byTime = (/** @type {Event} */ a, /** @type {Event} */ b) => a.ts - b.ts || (/** @type {string} */ (a.id) < /** @type {string} */ (b.id) ? -1 : 1);
  const taken = new Set();
  /** @type {Map<string, number>} */
  const unseen = new Map();
  /** @type {Map<string, number>} */
  const roots = new Map();
  const ordered = [...first.entries()].sort(([a, x], [b, y]) => generation(a) - generation(b) || x.ts - y.ts || (a < b ? -1 : 1));
  for (const [id, s] of ordered) {
    const p = parent(id);
    if (p === null) {
      const root = node(null);
      maker.set(id, root);
      roots.set(id, root);
      continue;
    }
    const candidates = views.filter((v) => v.ref === p).sort(byTime);
    if (s.visitor !== undefined) {
      const visit = candidates.find((v) => v.visitor === s.visitor);
      if (visit) taken.add(visit);
      const key = `${p} ${s.visitor}`;
      if (!visit && !unseen.has(key)) unseen.set(key, node(/** @type {number} */ (maker.get(p))));
      maker.set(id, visit ? visitNode(visit) : /** @type {number} */ (unseen.get(key)));
    } else {
      const visit = candidates.find((v) => !taken.has(v) && v.ts <= s.ts);
      if (visit) taken.add(visit);
      maker.set(id, visit ? visitNode(visit) : node(/** @type {number} */ (maker.get(p))));
    }
  }
  for (const v of views) if (v.ref !== undefined && first.has(v.ref)) visitNode(v);

  const rootOf = (/** @type {number} */ n) => {
    while (nodes[n].parent !== null) n = /** @type {number} */ (nodes[n].parent);
    return n;
  };
  /** @type {Cascade[]} */
  const cascades = [...roots].map(([root, r]) => {
    const members = nodes.map((_, i) => i).filter((i) => rootOf(i) === r);
    const neighbours = new Map(members.map((i) => [i, /** @type {number[]} */ ([])]));
    for (const i of members) {
      const p = nodes[i].parent;
      if (p !== null) {
        neighbours.get(i)?.push(p);
        neighbours.get(p)?.push(i);
      }
    }
    /** Distances from `from` to every member, breadth first. @param {number} from */
    const distances = (from) => {
      const distance = new Map([[from, 0]]);
      const queue = [from];
      for (const i of queue) {
        for (const j of /** @type {number[]} */ (neighbours.get(i))) {
          if (!distance.has(j)) {
            distance.set(j, /** @type {number} */ (distance.get(i)) + 1);
            queue.push(j);
          }
        }
      }
      return [...distance.values()];
    };
    const n = members.length;
    const total = members.reduce((sum, i) => sum + distances(i).reduce((a, b) => a + b, 0), 0);
    return {
      root,
      size: n,
      depth: Math.max(...distances(r)),
      broadcast: Math.max(...members.map((i) => members.filter((j) => nodes[j].parent === i).length)),
      virality: n < 2 ? 0 : total / (n * (n - 1)),
    };
  });
  return { generations, k, depth: deepest, views: views.length, shares: first.size, cascades };
}

/** Share ids drawn from a small pool, so that self-references and cycles are common. */
const pool = fc.integer({ min: 0, max: 7 });
const ref = fc.option(fc.oneof(pool.map((i) => `p${i}`), pool.map((i) => `u${i}`)), { nil: undefined });
const visitor = fc.option(fc.constantFrom('va', 'vb', 'vc'), { nil: undefined });
const ts = fc.integer({ min: 0, max: 30 });
/** @type {fc.Arbitrary<Event>} */
const randomEvent = fc.oneof(
  fc.record({ type: fc.constant('share'), share: pool.map((i) => `p${i}`), ref, visitor, ts }, { requiredKeys: ['type', 'share', 'ts'] }),
  fc.record({ type: fc.constant('view'), ref, visitor, ts }, { requiredKeys: ['type', 'ts'] }),
);
/** A chain of shares, each made by a visit through the one before. @type {fc.Arbitrary<Event[]>} */
const chain = fc.integer({ min: 1, max: 150 }).map((length) =>
  Array.from({ length }, (_, i) => [
    /** @type {Event} */ ({ type: 'view', ref: i === 0 ? undefined : `c${i - 1}`, ts: 2 * i }),
    /** @type {Event} */ ({ type: 'share', share: `c${i}`, ref: i === 0 ? undefined : `c${i - 1}`, ts: 2 * i + 1 }),
  ]).flat(),
);
/** Each share naming the two before it, in two events. @type {fc.Arbitrary<Event[]>} */
const lattice = fc.integer({ min: 2, max: 30 }).map((length) =>
  Array.from({ length }, (_, i) =>
    [i - 1, i - 2].map((p) => /** @type {Event} */ ({ type: 'share', share: `l${i}`, ref: p < 0 ? undefined : `l${p}`, ts: i })),
  ).flat(),
);
/** One share id with many parents. @type {fc.Arbitrary<Event[]>} */
const manyParents = fc.array(ref, { minLength: 1, maxLength: 20 }).map((refs) => refs.map((r, i) => /** @type {Event} */ ({ type: 'share', share: 'p0', ref: r, ts: i })));

/** A page's events in the order they are sent, and where the sequence is cut into batches. */
const scenario = fc
  .tuple(fc.array(randomEvent, { maxLength: 40 }), fc.oneof(fc.constant([]), chain, lattice, manyParents))
  .chain(([random, structured]) => {
    const all = [...random, ...structured];
    return fc.tuple(
      fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
      fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 4 }),
    );
  });

const t0 = Date.now() - 3600_000;

for (const database of databases) {
  describe(`the share graph on ${database.name}: random and hostile graphs`, () => {
    const running = collectorOn(database);
    let run = 0;

    it('keeps answering, and reports exactly what the reference computes', async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ([events, cuts]) => {
          const { collector } = running;
          const name = `r${run++}`;
          const url = `https://graph.example/${name}`;
          // Ids of this run only: p3 becomes r12p3, so runs never share a share.
          const scoped = (/** @type {string | undefined} */ id) => (id === undefined ? undefined : `${name}${id}`);
          const wire = events.map((e, i) => ({ ...e, id: `${name}e${i}`, url, ts: t0 + e.ts * 1000, share: scoped(e.share), ref: scoped(e.ref) }));
          for (let i = 0, c = 0; i < wire.length; c++) {
            const size = cuts[c % cuts.length];
            const response = await collector.post('/e', batch(wire.slice(i, (i += size)), name));
            assert.equal(response.status, 200, JSON.stringify(response.body));
          }
          assert.equal((await collector.request('/healthz')).status, 200);

          const expected = reference(/** @type {Event[]} */ (wire));
          if (wire.length === 0) return;
          /** Compares the page report and the overview with the reference. */
          const check = async () => {
            const { status, body } = await collector.authorized(`/api/report?url=${encodeURIComponent(url)}`);
            assert.equal(status, 200);
            assert.deepEqual(body.generations.map((/** @type {any} */ g) => ({ visits: g.visits, shares: g.shares })), expected.generations);
            assert.deepEqual([body.depth, body.views, body.shares], [expected.depth, expected.views, expected.shares]);
            assert.ok(Math.abs(body.k - expected.k) < 1e-9, `k ${body.k} ≈ ${expected.k}`);
            const sizes = body.cascades.map((/** @type {Cascade} */ c) => c.size);
            assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), 'the largest cascade first');
            const byRoot = (/** @type {{ root: string }} */ a, /** @type {{ root: string }} */ b) => (a.root < b.root ? -1 : 1);
            const exact = (/** @type {Cascade[]} */ list) => list.map(({ virality, ...c }) => c).sort(byRoot);
            assert.deepEqual(exact(body.cascades), exact(expected.cascades));
            const viralities = [...body.cascades].sort(byRoot).map((c) => c.virality);
            [...expected.cascades].sort(byRoot).forEach((c, i) => assert.ok(Math.abs(viralities[i] - c.virality) < 1e-9, `${c.root}: ${viralities[i]} ≈ ${c.virality}`));

            const overview = await collector.authorized(`/api/report?site=${name}`);
            assert.equal(overview.status, 200);
            const [page] = overview.body.pages;
            assert.deepEqual({ ...page, k: 0 }, { url, views: expected.views, shares: expected.shares, visits: expected.views - (expected.generations[0]?.visits ?? 0), k: 0, depth: expected.depth });
            assert.ok(Math.abs(page.k - expected.k) < 1e-9);
          };
          // First while a page that got a share after events naming it may still be stale
          // (its reports compute it from its events), then from its rebuilt lineage rows.
          await check();
          for (const start = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 50))) {
            const stale = await collector.app.db.selectFrom('stale_pages').select('url').where('url', '=', url).execute();
            if (stale.length === 0) break;
            assert.ok(Date.now() - start < 5000, 'the page is rebuilt within seconds');
          }
          await check();
        }),
        { numRuns: 30 },
      );
    });
  });
}
