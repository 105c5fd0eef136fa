// @ts-check
/**
 * `npm run bench:report`: starts the real collector (bin) on loopback, seeds over HTTP a
 * site of BENCH_EVENTS events (default 1,000,000) over 1,000 pages, then times (median of
 * BENCH_RUNS, default 5) the site overview and the hot page's report on SQLite and on
 * PostgreSQL, while a reader's stream of ingest requests runs, whose p99 it prints.
 *
 * The site: page popularity follows Zipf's law, and one hot page holds a tenth of the events
 * in cascades of up to 10,000 nodes and 50 generations. Each node is a reader who arrived
 * through a share and shared again; readers also arrive on their own, report vitals and
 * sometimes convert. Ids are random 21-character strings, as trackers send them, and the
 * events are sent in time order from 8 connections at once, so a child share now and then
 * arrives before its parent, as on a real site.
 */
import { onEachDatabase } from '../test/support/databases.js';
import { spawnCollector } from '../test/support/process.js';

const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const pages = 1000;
const token = 'bench-report-token-0123456789';
const site = 'bench';
const hot = 'https://blog.example/p/0';
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A deterministic pseudo-random number in [0, 1) (mulberry32), so that every run seeds the same site. */
function random(seed = 42) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random();
const pick = (/** @type {number} */ n) => Math.floor(next() * n);
const id = () => Array.from({ length: 21 }, () => alphabet[pick(64)]).join('');

/**
 * One page's events over 30 days: cascades of the given sizes, then readers arriving on
 * their own until the page holds `count` events.
 * @param {string} url @param {number} count @param {number[]} sizes
 */
function pageEvents(url, count, sizes) {
  const start = Date.now() - 30 * 86_400_000;
  const span = 29 * 86_400_000;
  /** @type {any[]} */
  const out = [];
  const reader = (/** @type {number} */ ts, /** @type {string | undefined} */ ref) => {
    const visitor = next() < 0.5 ? id() : undefined;
    out.push({ id: id(), type: 'view', ts, url, ref, visitor });
    if (next() < 0.3) out.push({ id: id(), type: 'vitals', ts: ts + 2000, url, ref, metric: 'LCP', value: 800 + pick(3000) });
    if (next() < 0.01) out.push({ id: id(), type: 'convert', ts: ts + 60_000, url, ref, name: 'signup', value: 10 + pick(90), currency: 'EUR' });
    return visitor;
  };
  const share = (/** @type {number} */ ts, /** @type {string | undefined} */ ref, /** @type {string | undefined} */ visitor) => {
    const made = id();
    out.push({ id: id(), type: 'share', ts, url, share: made, ref, visitor, network: ['x', 'whatsapp', 'telegram', 'facebook', 'copy'][pick(5)], via: 'button' });
    return made;
  };
  for (const size of sizes) {
    // A cascade grows from its seed over a few days; each node attaches to a recent node
    // (chains grow deep) or to any (fans grow wide), never below generation 50.
    const begin = start + pick(span - 5 * 86_400_000);
    const seedTs = begin;
    reader(seedTs, undefined);
    /** @type {{ share: string, depth: number, ts: number }[]} */
    const nodes = [{ share: share(seedTs + 1000, undefined, undefined), depth: 0, ts: seedTs }];
    while (nodes.length < size) {
      const parent = next() < 0.5 ? nodes[nodes.length - 1 - pick(Math.min(nodes.length, 300))] : nodes[pick(nodes.length)];
      if (parent.depth >= 50) continue;
      const ts = parent.ts + 1000 + pick(3_600_000);
      const visitor = reader(ts, parent.share);
      nodes.push({ share: share(ts + 5000, parent.share, visitor), depth: parent.depth + 1, ts });
    }
  }
  while (out.length < count) reader(start + pick(span), undefined);
  return out;
}

/** The site's events in time order: the hot page a tenth, the others by Zipf's law. */
function siteEvents() {
  const rest = total - total / 10;
  const harmonic = Array.from({ length: pages - 1 }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  const hotSizes = [10_000, 5000, 2000, 1000, 500, ...Array(100).fill(20)].map((n) => Math.round((n * total) / 1_000_000));
  const all = pageEvents(hot, total / 10, hotSizes);
  for (let p = 1; p < pages; p++) {
    const count = Math.max(1, Math.round(rest / harmonic / p));
    const cascades = Array.from({ length: Math.ceil(count / 400) }, () => 2 + pick(20));
    for (const event of pageEvents(`https://blog.example/p/${p}`, count, cascades)) all.push(event);
  }
  return all.sort((a, b) => a.ts - b.ts);
}

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];

/** @param {string} base @param {any[]} events */
async function post(base, events) {
  const response = await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify({ v: 1, site, events }) });
  if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

/** Sends every event, 200 a request, from 8 connections. @param {string} base @param {any[]} all */
async function seed(base, all) {
  let at = 0;
  const worker = async () => {
    while (at < all.length) {
      const part = all.slice(at, (at += 200));
      await post(base, part);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * A reader's stream while the reports run: one 20-event request every 20 ms, each timed.
 * @param {string} base
 */
function ingestStream(base) {
  /** @type {number[]} */
  const latencies = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const events = Array.from({ length: 20 }, () => ({ id: id(), type: 'view', ts: Date.now(), url: `https://blog.example/p/${1 + pick(pages - 1)}` }));
      const t0 = performance.now();
      await post(base, events);
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  done.catch(() => {}); // rethrown below, once the reports are timed
  return async () => {
    running = false;
    await done;
    return latencies;
  };
}

/** @param {string} name @param {string} db */
async function bench(name, db) {
  const { base, stop, output } = await spawnCollector(['--db', db, '--rate', '0', '--quota-events', '0', '--quota-urls', '0', '--token', token]);
  try {
    const all = siteEvents();
    const seeded = performance.now();
    await seed(base, all);
    const seedSeconds = (performance.now() - seeded) / 1000;
    /** @param {string} path */
    const time = async (path) => {
      const times = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const response = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        times.push(performance.now() - t0);
      }
      return `${Math.round(quantile(times, 0.5))} ms`;
    };
    const stopStream = ingestStream(base);
    const overview = await time(`/api/report?site=${site}`);
    const page = await time(`/api/report?site=${site}&url=${encodeURIComponent(hot)}`);
    const latencies = await stopStream();
    return {
      database: name,
      events: all.length,
      'seeded (events/s)': Math.round(all.length / seedSeconds),
      overview,
      'hot page': page,
      'ingest p99 meanwhile': `${Math.round(quantile(latencies, 0.99))} ms (${latencies.length} requests)`,
    };
  } catch (error) {
    throw new Error(`${name}: ${/** @type {Error} */ (error).message}; the collector said:\n${output()}`);
  } finally {
    await stop();
  }
}

const rows = await onEachDatabase(bench);
console.log(`\n${total.toLocaleString('en')} events over ${pages} pages (hot page ${(total / 10).toLocaleString('en')}), median of ${runs} reports:`);
console.table(rows);
