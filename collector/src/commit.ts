/**
 * Group commit for ingest. With `synchronous=FULL`, SQLite fsyncs at every commit (about
 * 8 ms on this project's 2-core test machine): one transaction per request would cap
 * ingest near 100 requests/s. Instead, the batches of every request that arrives in the
 * same event-loop turn are inserted in one transaction, so one fsync makes them all
 * durable before any of them is answered. PostgreSQL gains the same way (one commit per
 * turn instead of one per request). The same transaction records the lineage of the
 * events stored (lineage.ts); a page it marks stale is rebuilt before the answers go out.
 *
 * One transaction at a time: requests that arrive while one commits wait for the next,
 * which takes them all. On PostgreSQL, transactions of one process side by side would only
 * queue behind each other's locks on the same popular pages (lineage.ts), each with fewer rows.
 * It also writes the webhook outbox rows of the conversions stored and the cascade
 * milestones reached (webhooks/), so that each is announced exactly when it is stored.
 */
import type { Dialect } from './db.js';
import { recordLineage, type StoredEvent } from './lineage.js';
import { multiRow } from './statements.js';
import type { Database } from './types.js';
import { conversionEvents, type StoredConversion } from './webhooks/events.js';
import type { Webhooks } from './webhooks/index.js';
import { milestoneEvents } from './webhooks/milestones.js';

export type EventRow = Record<string, unknown>;

/** The stored row's key on both engines (migrations 0006, 0007). */
const eventKey = (row: EventRow) => `${row.site}\n${row.ts}\n${row.id}`;

/**
 * The INSERT of event rows with these columns. Retries resend events already stored: the
 * primary key, (site, ts, id) on SQLite and (site, id, ts) on PostgreSQL, drops them (a
 * retry resends the same event, same id and same ts). No conflict target: the one
 * statement names neither key. Only the rows stored come back: lineage counts each once.
 */
const insertEvents = (columns: string[]) =>
  multiRow<EventRow>(columns, (db, rows) =>
    db.insertInto('events').values(rows).onConflict((oc) => oc.doNothing()).returning(['site', 'ts', 'id']),
  );

/**
 * @returns stores one request's rows (every request's with the same columns; duplicate
 *   ids are dropped) and resolves, once committed, with how many were new.
 */
export function groupCommit(db: Database, dialect: Dialect, lineage: { run: () => Promise<void> }, webhooks: Webhooks): (rows: EventRow[]) => Promise<number> {
  let pending: { rows: EventRow[]; resolve: (stored: number) => void; reject: (error: unknown) => void; }[] = [];
  let insert: { columns: string; run: ReturnType<typeof insertEvents> } | undefined;

  /** whether a transaction is running or about to */
  let flushing = false;
  const schedule = () => {
    if (flushing || !pending.length) return;
    flushing = true;
    setImmediate(flush);
  };

  async function flush() {
    const jobs = pending;
    pending = [];
    try {
      const { counts, stale, announced } = await db.transaction().execute(async (trx) => {
        // Every request's rows in one stream of multi-row INSERTs: fewer statements per turn.
        const rows = jobs.flatMap((job) => job.rows);
        const columns = Object.keys(rows[0]);
        if (insert?.columns !== String(columns)) insert = { columns: String(columns), run: insertEvents(columns) };
        const inserted = new Set((await insert.run(trx, dialect, rows)).map(eventKey));
        // In the order received (RETURNING promises none); a repeated event was stored once, first.
        const stored: StoredEvent[] = [];
        const counts = jobs.map((job) => {
          let count = 0;
          for (const row of job.rows) {
            if (inserted.delete(eventKey(row))) {
              stored.push(row as unknown as StoredEvent);
              count++;
            }
          }
          return count;
        });
        const { stale, cascades } = await recordLineage(trx, dialect, stored);
        // Milestones are recorded even without targets, so that one added later is not told of old ones.
        const events = cascades.length ? await milestoneEvents(trx, cascades) : [];
        const conversions = webhooks.enabled ? (stored.filter((e) => e.type === 'convert') as unknown as StoredConversion[]) : [];
        if (conversions.length) events.push(...(await conversionEvents(trx, conversions)));
        return { counts, stale, announced: await webhooks.announce(trx, events) };
      }).finally(() => {
        flushing = false;
        schedule();
      });
      if (announced) webhooks.wake();
      if (stale.length) await lineage.run();
      jobs.forEach((job, i) => job.resolve(counts[i]));
    } catch (error) {
      for (const job of jobs) job.reject(error);
    }
  }

  return (rows) =>
    new Promise((resolve, reject) => {
      pending.push({ rows, resolve, reject });
      schedule();
    });
}
