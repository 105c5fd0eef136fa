// @ts-check
/**
 * `npm run bench:report -w wom-collector`: starts the real collector (bin) on loopback,
 * ingests one large page (BENCH_VIEWS views, default 100,000, about a quarter of them
 * re-shared, chains as deep as they grow), then times that page's report and the site
 * overview (median of BENCH_RUNS, default 3) on SQLite and PostgreSQL.
 */
import { onEachDatabase } from '../test/support/databases.js';
import { spawnCollector } from '../test/support/process.js';

const views = Number(process.env.BENCH_VIEWS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const token = 'bench-report-token-0123456789';
const url = 'https://blog.example/viral';

/** A deterministic pseudo-random number in [0, 1) (mulberry32). */
function random(seed = 42) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The page's events, in the order a real page would send them. */
function events() {
  const next = random();
  const start = Date.now() - 3600_000;
  /** @type {string[]} */
  const shares = [];
  const out = [];
  for (let i = 0; i < views; i++) {
    const ts = start + Math.floor((i / views) * 3000_000);
    const ref = shares.length > 0 && next() < 0.8 ? shares[Math.floor(next() * shares.length)] : undefined;
    const visitor = next() < 0.5 ? `v${i}` : undefined;
    out.push({ id: `v${i}`, type: 'view', ts, url, ref, visitor });
    if (next() < 0.25) {
      const share = `s${i}`;
      shares.push(share);
      out.push({ id: `s${i}`, type: 'share', ts: ts + 1, url, share, ref, visitor, network: next() < 0.5 ? 'x' : 'telegram', via: 'button' });
    }
  }
  return out;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** @param {string} name @param {string} db */
async function bench(name, db) {
  const { base, stop } = await spawnCollector(['--db', db, '--rate', '0', '--token', token]);
  try {
    const all = events();
    for (let i = 0; i < all.length; i += 200) {
      const response = await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify({ v: 1, site: 'bench', events: all.slice(i, i + 200) }) });
      if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    }
    /** @param {string} path */
    const time = async (path) => {
      const times = [];
      let status = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const response = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        times.push(performance.now() - t0);
        status = response.status;
      }
      return `${Math.round(median(times))} ms (${status})`;
    };
    return {
      database: name,
      events: all.length,
      'page report': await time(`/api/report?url=${encodeURIComponent(url)}`),
      overview: await time('/api/report?site=bench'),
    };
  } finally {
    await stop();
  }
}

const rows = await onEachDatabase(bench);
console.log(`\nOne page of ${views} views, median of ${runs} reports, collector on this machine:`);
console.table(rows);
