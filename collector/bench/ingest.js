/**
 * `npm run bench:collector`: starts the real collector (bin) on loopback, drives `POST /e`
 * with autocannon in 20-event batches, and prints one table: events/s, requests/s, request
 * latency and the collector's CPU per request, for two workloads on SQLite and on
 * PostgreSQL, each run on a fresh database; each figure is the median of the runs. Every
 * run checks that every accepted event shows up in the report.
 *
 * - `random ids, views only`: batches of 20 views of Zipf-popular pages; the ingest target
 *   (25,000 events/s on SQLite) is set on this one.
 * - `realistic mix`: what trackers send: Zipf-popular pages, shares whose `ref` names a
 *   share minted earlier, every vital, conversions, and half the batches with a visitor id.
 *
 * Event ids in both are random 21-character nanoid-style ids, as trackers send: sequential
 * ones would append to the id index and make it look faster than it is.
 *
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 16) and BENCH_RUNS (default 3)
 * tune the run; BENCH_DATABASES (`sqlite`, `postgres`, comma-separated; default both) and
 * BENCH_WORKLOADS (`views`, `mix`) pick what runs.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { onEachDatabase } from '../test/support/databases.js';
import { spawnCollector } from '../test/support/process.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const eventsPerBatch = 20;
const token = 'bench-token-0123456789';

/** A nanoid: base64url has nanoid's 64-symbol alphabet, each symbol equally likely. */
const nanoid = (size = 21) => randomBytes(Math.ceil((size * 3) / 4)).toString('base64url').slice(0, size);

/**
 * Index of a page drawn with Zipf's law (s = 1) over `pages` pages: page k is k times less
 * visited than the most popular one, as blog traffic goes.
 */
function zipf(/** @type {number} */ pages) {
  /** @type {number[]} */
  const cumulative = [];
  let sum = 0;
  for (let k = 1; k <= pages; k++) cumulative.push((sum += 1 / k));
  return () => {
    const target = Math.random() * sum;
    let low = 0;
    let high = pages - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** Pages read by the workloads, Zipf-popular among 1,000. */
const pageUrl = (/** @type {() => number} */ page) => `https://blog.example/posts/${page()}`;

/** Batches of 20 views, each of a Zipf-popular page, none through a share. */
function viewsOnly() {
  const page = zipf(1000);
  const next = () => {
    const ts = Date.now();
    const events = Array.from({ length: eventsPerBatch }, () => ({ id: nanoid(), type: 'view', ts, url: pageUrl(page) }));
    return JSON.stringify({ v: 1, site: 'bench', events });
  };
  return { next, counted: 1 };
}

const networks = ['copy', 'x', 'facebook', 'whatsapp', 'telegram', 'linkedin', 'email', 'native'];
/** @type {[metric: string, value: () => number][]} */
const vitals = [
  ['LCP', () => 800 + randomInt(4000)],
  ['CLS', () => randomInt(400) / 1000],
  ['INP', () => 40 + randomInt(500)],
  ['FCP', () => 500 + randomInt(2500)],
  ['TTFB', () => 100 + randomInt(1500)],
];
/** @template T @param {readonly T[]} list */
const pick = (list) => list[randomInt(list.length)];

/**
 * Page sessions as trackers batch them: each of four sessions in a batch is a view of a
 * Zipf-popular page (half of them arriving through a share minted earlier), its five vitals
 * and, at the end of the batch, one share whose `ref` is the view's. A batch of 4 views,
 * 1 share, 15 vitals: 25% are views or shares. Half the batches carry a visitor id (readers
 * who consented); one batch in ten also converts.
 */
function realisticMix() {
  const page = zipf(1000);
  /** Shares minted so far (the latest 10,000), which later views arrive through. @type {string[]} */
  const minted = [];
  const next = () => {
    const visitor = Math.random() < 0.5 ? nanoid() : undefined;
    const ts = Date.now();
    /** @type {Record<string, unknown>[]} */
    const events = [];
    const sessions = Array.from({ length: 4 }, () => {
      const url = pageUrl(page);
      const ref = minted.length && Math.random() < 0.5 ? pick(minted) : undefined;
      events.push({ id: nanoid(), type: 'view', ts, url, ref, visitor });
      for (const [metric, value] of vitals) events.push({ id: nanoid(), type: 'vitals', ts, url, metric, value: value(), ref, visitor });
      return { url, ref };
    });
    const last = sessions[sessions.length - 1];
    const share = nanoid(10);
    events.push({ id: nanoid(), type: 'share', ts, url: last.url, share, ref: last.ref, network: pick(networks), via: 'button', visitor });
    if (minted.push(share) > 10_000) minted.shift();
    // A conversion replaces a vital so that every batch holds 20 events and the same counts.
    if (Math.random() < 0.1) events[1] = { id: nanoid(), type: 'convert', ts, url: last.url, name: 'signup', value: 12, currency: 'EUR', visitor };
    return JSON.stringify({ v: 1, site: 'bench', events });
  };
  return { next, counted: 5 / 20 };
}

const workloads = { 'random ids, views only': viewsOnly, 'realistic mix': realisticMix };
/** BENCH_WORKLOADS' name of each workload */
const shortNames = { 'random ids, views only': 'views', 'realistic mix': 'mix' };
const chosenWorkloads = process.env.BENCH_WORKLOADS?.split(',') ?? Object.values(shortNames);
const databaseNames = process.env.BENCH_DATABASES?.split(',') ?? ['sqlite', 'postgres'];

/**
 * CPU time the process has used, in ms (Linux; undefined elsewhere). Unlike events/s, the
 * collector's CPU per request hardly changes when other work shares the machine.
 * @param {number | undefined} pid
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s
  } catch {
    return undefined;
  }
}

/** @param {keyof typeof workloads} workload @param {string} name @param {string} db */
async function bench(workload, name, db) {
  // One site takes every event here: its quota is set high enough to be counted, never reached.
  const { child, base, stop } = await spawnCollector(['--db', db, '--rate', '0', '--quota-events', '100000000', '--token', token]);
  try {
    const { next, counted: countedShare } = workloads[workload]();
    const cpuBefore = cpuMs(child.pid);
    const result = await autocannon({
      url: `${base}/e`,
      connections,
      duration: seconds,
      requests: [{ method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, setupRequest: (req) => ({ ...req, body: next() }) }],
    });
    const cpuAfter = cpuMs(child.pid);
    const accepted = result['2xx'] * eventsPerBatch;
    // Count what was stored through the report: views and shares per page.
    const response = await fetch(`${base}/api/report?site=bench&limit=10000`, { headers: { authorization: `Bearer ${token}` } });
    const overview = /** @type {{ pages: { views: number, shares: number }[] }} */ (await response.json());
    const counted = Math.round(overview.pages.reduce((sum, p) => sum + p.views + p.shares, 0) / countedShare);
    return {
      workload,
      database: name,
      'events/s': Math.round(accepted / seconds),
      'requests/s': Math.round(result['2xx'] / seconds),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'collector CPU ms/request':
        cpuBefore === undefined || cpuAfter === undefined ? 'n/a' : Number(((cpuAfter - cpuBefore) / result['2xx']).toFixed(2)),
      'non-2xx': result.non2xx + result.errors,
      accepted,
      // autocannon drops the requests in flight when time is up: those may be stored
      // unanswered (counted > accepted), but an answered one must never be missing.
      lost: Math.max(0, accepted - counted),
    };
  } finally {
    await stop();
  }
}

/** The median of numbers (of an even count, the lower middle one: a figure one run measured). */
const median = (/** @type {number[]} */ values) => values.toSorted((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** One row per workload and database: each figure the median of its runs; refusals and losses summed. */
function medians(/** @type {Record<string, string | number>[]} */ measured) {
  /** @type {Record<string, string | number>} */
  const row = { ...measured[0], runs: measured.length };
  for (const key of Object.keys(measured[0])) {
    const values = measured.map((m) => m[key]);
    const numbers = values.filter((v) => typeof v === 'number');
    if (['non-2xx', 'accepted', 'lost'].includes(key)) row[key] = numbers.reduce((a, b) => a + b, 0);
    else if (numbers.length === values.length) row[key] = median(numbers);
  }
  return row;
}

const rows = [];
for (const workload of /** @type {(keyof typeof workloads)[]} */ (Object.keys(workloads)).filter((w) => chosenWorkloads.includes(shortNames[w]))) {
  /** @type {Record<string, string | number>[][]} runs by database */
  const byDatabase = [];
  for (let run = 0; run < runs; run++) {
    (await onEachDatabase((name, db) => bench(workload, name, db), databaseNames)).forEach((r, i) => (byDatabase[i] ??= []).push(r));
  }
  rows.push(...byDatabase.map(medians));
}
console.log(
  `\n${connections} connections, ${seconds} s a run, median of ${runs} runs, ${eventsPerBatch}-event batches, collector and load tool on this machine (load average ${loadavg()[0].toFixed(1)}):`,
);
console.table(rows);
if (rows.some((r) => r.lost !== 0 || r['non-2xx'] !== 0)) {
  console.error('events were lost or refused');
  process.exitCode = 1;
}
