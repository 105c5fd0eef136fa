// @ts-check
/**
 * `npm run bench:collector`: starts the real collector (bin) on loopback, drives it with
 * autocannon using realistic 20-event batches, prints events/s and latency for SQLite and
 * PostgreSQL, then checks that every accepted event shows up in the report.
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 16) tune the run.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { onEachDatabase } from '../test/support/databases.js';
import { spawnCollector } from '../test/support/process.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const eventsPerBatch = 20;
const token = 'bench-token-0123456789';

/**
 * A reader's page session: a view, sometimes arriving through a share, shares and
 * vitals, on one of 200 pages. Event ids are random 21-character ids, as trackers send
 * (nanoid): sequential ones would make the id index look faster than it is.
 */
function batchFactory() {
  let n = 0;
  return () => {
    const url = `https://blog.example/posts/${n % 200}`;
    const events = Array.from({ length: eventsPerBatch }, (_, i) => {
      const id = randomBytes(16).toString('base64url').slice(0, 21);
      const ts = Date.now();
      if (i % 5 === 1) return { id, type: 'share', ts, url, share: `s${n}x${i}`, ref: `s${n - 1}x${i}`, network: 'telegram', via: 'button' };
      if (i % 5 === 2) return { id, type: 'vitals', ts, url, metric: 'lcp', value: 1234.5 };
      return { id, type: 'view', ts, url, ref: i % 2 ? `s${n - 1}x1` : undefined };
    });
    n++;
    return JSON.stringify({ v: 1, site: 'bench', events });
  };
}

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

/** @param {string} name @param {string} db */
async function bench(name, db) {
  // One site takes every event here: its quota is set high enough to be counted, never reached.
  const { child, base, stop } = await spawnCollector(['--db', db, '--rate', '0', '--quota-events', '100000000', '--token', token]);
  try {
    const next = batchFactory();
    const cpuBefore = cpuMs(child.pid);
    const result = await autocannon({
      url: `${base}/e`,
      connections,
      duration: seconds,
      requests: [{ method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, setupRequest: (/** @type {object} */ req) => ({ ...req, body: next() }) }],
    });
    const cpuAfter = cpuMs(child.pid);
    const accepted = result['2xx'] * eventsPerBatch;
    // Count what was stored through the report: views and shares per page, plus vitals.
    const response = await fetch(`${base}/api/report?site=bench&limit=10000`, { headers: { authorization: `Bearer ${token}` } });
    const overview = /** @type {{ pages: { views: number, shares: number }[] }} */ (await response.json());
    const counted = overview.pages.reduce((sum, p) => sum + p.views + p.shares, 0) / 0.8; // vitals are 1 in 5
    return {
      database: name,
      'events/s': Math.round(accepted / seconds),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'non-2xx': result.non2xx + result.errors,
      'collector CPU ms/request':
        cpuBefore === undefined || cpuAfter === undefined ? 'n/a' : Number(((cpuAfter - cpuBefore) / result['2xx']).toFixed(2)),
      accepted,
      counted: Math.round(counted),
      // autocannon drops the requests in flight when time is up: those may be stored
      // unanswered (counted > accepted), but an answered one must never be missing.
      lost: Math.max(0, accepted - Math.round(counted)),
    };
  } finally {
    await stop();
  }
}

const rows = await onEachDatabase(bench);
const [load] = await import('node:os').then((os) => os.loadavg());
console.log(`\n${connections} connections, ${seconds} s, ${eventsPerBatch}-event batches, collector and load tool on this machine (load average ${load.toFixed(1)}):`);
console.table(rows);
if (rows.some((r) => r.lost !== 0 || r['non-2xx'] !== 0)) {
  console.error('events were lost or refused');
  process.exitCode = 1;
}
