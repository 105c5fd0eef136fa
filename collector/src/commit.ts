/**
 * Group commit for ingest. With `synchronous=FULL`, SQLite fsyncs at every commit (about
 * 8 ms on this project's 2-core test machine): one transaction per request would cap
 * ingest near 100 requests/s. Instead, the batches of every request that arrives in the
 * same event-loop turn are inserted in one transaction, so one fsync makes them all
 * durable before any of them is answered. PostgreSQL gains the same way (one commit per
 * turn instead of one per request). The same transaction records the lineage of the
 * events stored (lineage.ts); a page it marks stale is rebuilt before the answers go out.
 * It also writes the webhook outbox rows of the conversions stored and the cascade
 * milestones reached (webhooks/), so that each is announced exactly when it is stored.
 */
import { CompiledQuery } from 'kysely';
import type { Dialect } from './db.js';
import { recordLineage, type StoredEvent } from './lineage.js';
import type { Database } from './types.js';
import { conversionEvents, type StoredConversion } from './webhooks/events.js';
import type { Webhooks } from './webhooks/index.js';
import { milestoneEvents } from './webhooks/milestones.js';

export type EventRow = Record<string, unknown>;

/** Rows per INSERT: few distinct statement texts, each prepared once (see db.ts). */
const chunk = 50;

/**
 * @returns stores one request's rows (all with the
 *   same columns; duplicate ids are dropped) and resolves, once committed, with how many
 *   were new.
 */
export function groupCommit(db: Database, dialect: Dialect, lineage: { run: () => Promise<void> }, webhooks: Webhooks): (rows: EventRow[]) => Promise<number> {
  let pending: { rows: EventRow[]; resolve: (stored: number) => void; reject: (error: unknown) => void; }[] = [];

  /** INSERT text by row count and columns */
  const texts: Map<string, string> = new Map();
  /**
   * The INSERT of `count` rows with `columns`, compiled once: building and compiling a
   * 20-row query costs Kysely more than SQLite spends storing it.
 */
  const insertText = (count: number, columns: string[]) => {
    const key = `${count} ${columns}`;
    let text = texts.get(key);
    if (!text) {
      const row = Object.fromEntries(columns.map((c) => [c, null]));
      // Retries resend events already stored: the primary key drops them. It is (site, id)
      // on SQLite and (site, id, ts) on PostgreSQL, whose monthly partitions need ts in
      // every unique key; a retry resends the same event, same id and same ts, so it
      // conflicts on both. No conflict target: the one statement names neither key.
      text = db
        .insertInto('events')
        .values(Array(count).fill(row))
        .onConflict((oc) => oc.doNothing())
        // Only the rows stored come back: lineage must count each event once.
        .returning('id')
        .compile().sql;
      texts.set(key, text);
    }
    return text;
  };

  async function flush() {
    const jobs = pending;
    pending = [];
    try {
      const { counts, stale, announced } = await db.transaction().execute(async (trx) => {
        const counts = [];
        const stored: StoredEvent[] = [];
        for (const { rows } of jobs) {
          const columns = Object.keys(rows[0]);
          let count = 0;
          for (let i = 0; i < rows.length; i += chunk) {
            const part = rows.slice(i, i + chunk);
            const parameters = part.flatMap((row) => columns.map((c) => row[c]));
            const result = await trx.executeQuery<{ id: string }>(CompiledQuery.raw(insertText(part.length, columns), parameters));
            // In the order received (RETURNING promises none); a repeated id was stored once, first.
            const ids = new Set(result.rows.map((r) => r.id));
            for (const row of part) if (ids.delete(row.id as string)) stored.push((row as unknown as StoredEvent));
            count += result.rows.length;
          }
          counts.push(count);
        }
        const { stale, cascades } = await recordLineage(trx, dialect, stored);
        // Milestones are recorded even without targets, so that one added later is not told of old ones.
        const events = cascades.length ? await milestoneEvents(trx, cascades) : [];
        const conversions = webhooks.enabled ? (stored.filter((e) => e.type === 'convert') as unknown as StoredConversion[]) : [];
        if (conversions.length) events.push(...(await conversionEvents(trx, conversions)));
        return { counts, stale, announced: await webhooks.announce(trx, events) };
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
      if (pending.push({ rows, resolve, reject }) === 1) setImmediate(flush);
    });
}
