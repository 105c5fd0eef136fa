// @ts-check
/**
 * `npm run bench:soak [-- --minutes N] [-- --pg]`: the collector binary under mixed traffic for
 * minutes on end (default 2), on SQLite (or PostgreSQL with `--pg`). Readers send what
 * trackers send (page sessions on Zipf-popular pages: views, some through shares, shares
 * naming their ref, vitals, conversions; random 21-character ids) while others read share
 * counts, fetch review forms and post reviews, and a marketer pulls reports. Every request
 * comes through a trusted proxy from its reader's own address, so the per-address limits
 * apply as in production. It prints a table per slice of the run and a summary: throughput,
 * ingest latency, the collector's resident memory (start, peak, end), and the loss check
 * (every event answered 2xx is in the database at the end, none twice). Talks HTTP only.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { databases } from '../test/support/databases.js';
import { spawnCollector } from '../test/support/process.js';

const { values: flags } = parseArgs({ options: { minutes: { type: 'string', default: '2' }, pg: { type: 'boolean', default: false } } });
const duration = Number(flags.minutes) * 60_000;
if (!(duration > 0)) throw new Error('--minutes must be a positive number');
const token = 'soak-token-0123456789';
const sites = Array.from({ length: 8 }, (_, i) => `soak-${i}`);
const pagesPerSite = 1000;
const slices = 8;
/** Concurrent clients of each kind; ingest clients send one batch after another. */
const clients = { ingest: 8, counts: 2, reviews: 4, reports: 1 };

const randomId = (length = 21) => randomBytes(16).toString('base64url').slice(0, length);
/** @template T @param {readonly T[]} list */
const pick = (list) => list[Math.floor(Math.random() * list.length)];
/** A reader's address, as the proxy in front of the collector forwards it. */
const address = () => `203.0.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/** Page ranks drawn by Zipf's law (s = 1.1): a few pages take most of the traffic. */
const zipf = (() => {
  /** @type {number[]} */
  const cumulative = [];
  let sum = 0;
  for (let k = 1; k <= pagesPerSite; k++) cumulative.push((sum += 1 / k ** 1.1));
  return () => {
    const target = Math.random() * sum;
    let [low, high] = [0, cumulative.length - 1];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
})();

const randomPage = () => {
  const site = pick(sites);
  return { site, url: `https://${site}.example/posts/${zipf()}` };
};

/** Recent share ids per page, so that later views arrive through them and shares chain. */
const recentShares = new Map();

/** One reader's burst on a page, as the tracker batches it: a view, then maybe vitals, a share, a conversion. */
function session() {
  const { site, url } = randomPage();
  const known = recentShares.get(url) ?? [];
  const ref = known.length && Math.random() < 0.4 ? pick(known) : undefined;
  const visitor = Math.random() < 0.3 ? randomId() : undefined;
  const ts = Date.now();
  const event = (/** @type {object} */ fields) => ({ id: randomId(), ts, url, ref, visitor, ...fields });
  const events = [event({ type: 'view' })];
  for (const metric of ['TTFB', 'FCP', 'LCP', 'CLS', 'INP']) {
    if (Math.random() < 0.4) events.push(event({ type: 'vitals', metric, value: metric === 'CLS' ? Math.random() / 4 : Math.round(Math.random() * 4000) }));
  }
  if (Math.random() < 0.12) {
    const share = randomId(10);
    events.push(event({ type: 'share', share, network: pick(['x', 'telegram', 'whatsapp', 'facebook', 'copy', 'native']), via: 'button' }));
    recentShares.set(url, [...known.slice(-19), share]);
  }
  if (Math.random() < 0.03) events.push(event({ type: 'convert', name: 'signup', value: Math.round(Math.random() * 20000) / 100, currency: 'EUR' }));
  return { site, events };
}

/** Resident memory of process `pid` in MB (Linux). @param {number | undefined} pid */
function rssMb(pid) {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => (values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] : NaN);

const database = databases.find((d) => d.name === (flags.pg ? 'postgres' : 'sqlite'));
if (!database) throw new Error('no such database');
const db = await database.create();
const { child, base, stop } = await spawnCollector(['--db', db.url, '--token', token, '--trust-proxy']);
const auth = { authorization: `Bearer ${token}` };

/** One HTTP exchange from reader address `from`; returns the status, the parsed body and the time taken. */
async function request(/** @type {string} */ path, { from = address(), method = 'GET', body = /** @type {unknown} */ (undefined), headers = {} } = {}) {
  const started = performance.now();
  const send = () =>
    fetch(`${base}${path}`, {
      method,
      headers: { 'x-forwarded-for': from, ...(body === undefined ? {} : { 'content-type': 'text/plain;charset=UTF-8' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A kept-alive connection the collector closed as idle (after 5 s) just as the request went
  // out: send it again on a new one, as browsers do (fetch retries only idempotent requests).
  const response = await send().catch((error) => {
    if (error?.cause?.code !== 'UND_ERR_SOCKET') throw error;
    return send();
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, ms: performance.now() - started };
}

/** Per slice of the run: counters and ingest latencies. */
const timeline = Array.from({ length: slices }, () => ({ ingest: 0, events: 0, latencies: /** @type {number[]} */ ([]), counts: 0, reviews: 0, reports: 0, rss: 0 }));
/** Answers that were not 2xx, per kind of request and status. */
const refused = /** @type {Record<string, number>} */ ({});
/** Ids of the events the collector answered 2xx for (accepted or already stored). */
const answered = new Set();
let rejected = 0;
const started = Date.now();
const slice = () => timeline[Math.min(slices - 1, Math.floor(((Date.now() - started) / duration) * slices))];
const running = () => Date.now() - started < duration;
const note = (/** @type {string} */ kind, /** @type {number} */ status) => {
  if (status >= 300) refused[`${kind} ${status}`] = (refused[`${kind} ${status}`] ?? 0) + 1;
  return status < 300;
};

const kinds = {
  async ingest() {
    const { site, events } = session();
    const answer = await request('/e', { method: 'POST', body: { v: 1, site, events } });
    const now = slice();
    now.latencies.push(answer.ms);
    if (!note('ingest', answer.status)) return;
    now.ingest++;
    now.events += answer.body.accepted;
    rejected += answer.body.rejected.length;
    const bad = new Set(answer.body.rejected.map((/** @type {{ index: number }} */ r) => r.index));
    events.forEach((e, i) => bad.has(i) || answered.add(e.id));
  },
  async counts() {
    const answer = await request(`/api/counts?url=${encodeURIComponent(randomPage().url)}`);
    if (note('counts', answer.status)) slice().counts++;
    await sleep(50);
  },
  /** A reader opens the form (the GET hands out its token), writes for a few seconds, and posts. */
  async reviews() {
    const { site, url } = randomPage();
    const from = address();
    const item = url.slice(url.lastIndexOf('/') + 1);
    const form = await request(`/api/reviews?item=${item}&site=${site}`, { from });
    if (!note('reviews GET', form.status)) return;
    await sleep(3000 + Math.random() * 2000);
    const text = `Soak review ${randomId(8)}: ${pick(['clear', 'kind', 'long', 'useful'])} and ${pick(['short', 'warm', 'new', 'dense'])}.`;
    const body = { site, item, rating: 1 + Math.floor(Math.random() * 5), text, author: pick(['Ada', 'Bo', null]), token: form.body.token };
    const posted = await request('/api/reviews', { from, method: 'POST', body });
    if (note('reviews POST', posted.status)) slice().reviews++;
  },
  /** A marketer reads a popular page's report and a site's overview, again and again. */
  async reports() {
    const { site, url } = randomPage();
    for (const path of [`/api/report?url=${encodeURIComponent(url)}`, `/api/report?site=${site}`]) {
      const answer = await request(path, { headers: auth, from: '198.51.100.7' });
      if (note('reports', answer.status)) slice().reports++;
    }
    await sleep(500);
  },
};

const memory = { start: rssMb(child.pid), peak: 0, end: 0 };
const sampler = setInterval(() => {
  const rss = rssMb(child.pid);
  memory.peak = Math.max(memory.peak, rss);
  slice().rss = Math.max(slice().rss, rss);
}, 1000);
const loops = Object.entries(clients).flatMap(([kind, n]) =>
  Array.from({ length: n }, async () => {
    while (running()) await kinds[/** @type {keyof typeof kinds} */ (kind)]();
  }),
);
await Promise.all(loops);
clearInterval(sampler);
memory.end = rssMb(child.pid);

/** Every stored event of `site` in [from, to), by id; a range over the export's cap is halved. */
async function stored(/** @type {string} */ site, /** @type {number} */ from, /** @type {number} */ to, /** @type {Map<string, number>} */ seen) {
  const answer = await request(`/api/events?site=${site}&from=${from}&to=${to}`, { headers: auth, from: '198.51.100.7' });
  if (answer.status === 413) {
    const mid = Math.floor((from + to) / 2);
    await stored(site, from, mid, seen);
    return stored(site, mid, to, seen);
  }
  if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
  for (const { id } of answer.body.events) seen.set(id, (seen.get(id) ?? 0) + 1);
}
const seen = new Map();
for (const site of sites) await stored(site, started - 1000, Date.now() + 1000, seen);
await stop();
await db.drop();

const seconds = duration / 1000;
const all = timeline.flatMap((s) => s.latencies);
const total = (/** @type {'ingest' | 'events' | 'counts' | 'reviews' | 'reports'} */ key) => timeline.reduce((sum, s) => sum + s[key], 0);
const missing = [...answered].filter((id) => !seen.has(id)).length;
const twice = [...seen.values()].filter((n) => n > 1).length;

console.log(`\nSoak on ${database.name}, ${flags.minutes} min; clients: ${Object.entries(clients).map(([k, n]) => `${n} ${k}`).join(', ')}; load average ${loadavg()[0].toFixed(1)}`);
console.table(
  timeline.map((s, i) => ({
    'until s': Math.round(((i + 1) * seconds) / slices),
    'ingest req/s': Math.round(s.ingest / (seconds / slices)),
    'events/s': Math.round(s.events / (seconds / slices)),
    'ingest p99 ms': Math.round(quantile(s.latencies, 0.99)),
    counts: s.counts,
    reviews: s.reviews,
    reports: s.reports,
    'RSS MB': s.rss,
  })),
);
console.table({
  'ingest requests/s': Math.round(total('ingest') / seconds),
  'events accepted': total('events'),
  'ingest p50 ms': Math.round(quantile(all, 0.5)),
  'ingest p99 ms': Math.round(quantile(all, 0.99)),
  'counts, reviews, reports answered': `${total('counts')}, ${total('reviews')}, ${total('reports')}`,
  'not 2xx': Object.entries(refused).map(([k, n]) => `${k}: ${n}`).join('; ') || 'none',
  'events rejected': rejected,
  'RSS MB start / peak / end': `${memory.start} / ${memory.peak} / ${memory.end}`,
  'answered 2xx, stored': `${answered.size}, ${seen.size}`,
  'lost, stored twice': `${missing}, ${twice}`,
});
if (missing || twice || Object.keys(refused).some((k) => k.startsWith('ingest'))) {
  console.error('events were lost, stored twice, or refused');
  process.exitCode = 1;
}
