/**
 * Group commit for ingest. With `synchronous=FULL`, SQLite fsyncs at every commit (about
 * 8 ms on this project's 2-core test machine): one transaction per request would cap
 * ingest near 100 requests/s. Instead, the batches of every request that arrives in the
 * same event-loop turn are inserted in one transaction, so one fsync makes them all
 * durable before any of them is answered. PostgreSQL gains the same way (one commit per
 * turn instead of one per request).
 */
import { CompiledQuery } from 'kysely';

export type EventRow = Record<string, unknown>;

/** Rows per INSERT: few distinct statement texts, each prepared once (see db.ts). */
const chunk = 50;

/**
 * @returns stores one request's rows (all with the
 *   same columns; duplicate ids are dropped) and resolves, once committed, with how many
 *   were new.
 */
export function groupCommit(db: import('kysely').Kysely<any>): (rows: EventRow[]) => Promise<number> {
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
        .compile().sql;
      texts.set(key, text);
    }
    return text;
  };

  async function flush() {
    const jobs = pending;
    pending = [];
    try {
      const stored = await db.transaction().execute(async (trx) => {
        const counts = [];
        for (const { rows } of jobs) {
          const columns = Object.keys(rows[0]);
          let count = 0;
          for (let i = 0; i < rows.length; i += chunk) {
            const part = rows.slice(i, i + chunk);
            const parameters = part.flatMap((row) => columns.map((c) => row[c]));
            const result = await trx.executeQuery(CompiledQuery.raw(insertText(part.length, columns), parameters));
            count += Number(result.numAffectedRows ?? 0);
          }
          counts.push(count);
        }
        return counts;
      });
      jobs.forEach((job, i) => job.resolve(stored[i]));
    } catch (error) {
      for (const job of jobs) job.reject(error);
    }
  }

  return (rows) =>
    new Promise((resolve, reject) => {
      if (pending.push({ rows, resolve, reject }) === 1) setImmediate(flush);
    });
}
