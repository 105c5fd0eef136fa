// @ts-check
/**
 * `npm run bench:abuse`: what one abusive address can cost at most in a minute, with the
 * default limits. It starts the real collector (bin) on loopback and, from one address,
 * sends the batches that store the most bytes (every field at its longest, a new site per
 * request so that no per-site quota applies) until the collector answers 429 to
 * everything; then prints the events stored and how much the database grew.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../dist/src/db.js';
import { databases } from '../test/support/databases.js';
import { spawnCollector } from '../test/support/process.js';

const long = (/** @type {number} */ n) => randomBytes(n).toString('base64url').slice(0, n);

/** A batch just under 64 KB of the largest events the schema takes. */
function worstBatch() {
  const url = `https://blog.example/${long(2048 - 21)}`;
  const events = [];
  let size = 100;
  for (;;) {
    const event = {
      id: long(32), type: long(32).toLowerCase().replace(/^[^a-z0-9]/, 'a').replace(/[^a-z0-9_.-]/g, 'a'), ts: Date.now(), url,
      ref: long(32), share: long(32), network: 'n'.repeat(32), via: 'v'.repeat(32), visitor: long(64), rating: 5,
      item: long(200), name: long(100), value: 1e9, currency: 'EUR', metric: 'M'.repeat(32),
    };
    size += JSON.stringify(event).length + 1;
    if (size > 64 * 1024 - 200) break;
    events.push(event);
  }
  return JSON.stringify({ v: 1, site: `abuse-${long(12)}`, events });
}

/** Bytes the database takes on disk (SQLite: the file and its WAL; PostgreSQL: pg_database_size). */
async function size(/** @type {string} */ url, /** @type {'sqlite' | 'postgres'} */ name) {
  if (name === 'sqlite') return ['', '-wal'].reduce((sum, suffix) => sum + (statSync(url + suffix, { throwIfNoEntry: false })?.size ?? 0), 0);
  const { db } = await openDatabase(url);
  try {
    const { rows } = await sql`select pg_database_size(current_database()) as n`.execute(db);
    return Number(/** @type {{ n: number }[]} */ (rows)[0].n);
  } finally {
    await db.destroy();
  }
}

const rows = [];
for (const database of databases) {
  const db = await database.create();
  const collector = await spawnCollector(['--db', db.url, '--token', 'abuse-token-0123456789']);
  try {
    const before = await size(db.url, database.name);
    const started = Date.now();
    let requests = 0;
    let stored = 0;
    let bodyBytes = 0;
    // Within one minute's window: every limit is per minute, so this is the most a minute holds.
    while (Date.now() - started < 60_000) {
      const body = worstBatch();
      const response = await fetch(`${collector.base}/e`, { method: 'POST', body });
      const answer = await response.json();
      requests++;
      if (response.status === 429) break;
      stored += answer.accepted;
      bodyBytes += body.length;
    }
    const after = await size(db.url, database.name);
    rows.push({
      database: database.name,
      'requests sent': requests,
      'events stored': stored,
      'body MB accepted': Number((bodyBytes / 1e6).toFixed(1)),
      'database growth MB': Number(((after - before) / 1e6).toFixed(1)),
      'seconds to the 429': Number(((Date.now() - started) / 1000).toFixed(1)),
    });
  } finally {
    await collector.stop();
    await db.drop();
  }
}
console.log('\nOne address, default limits (--rate 1200, --quota-events 60000, --quota-urls 50000), worst-case events:');
console.table(rows);
