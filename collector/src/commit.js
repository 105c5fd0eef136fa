// @ts-check
/**
 * Group commit for ingest. With `synchronous=FULL`, SQLite fsyncs at every commit (about
 * 8 ms on this project's 2-core test machine): one transaction per request would cap
 * ingest near 100 requests/s. Instead, the batches of every request that arrives in the
 * same event-loop turn are inserted in one transaction, so one fsync makes them all
 * durable before any of them is answered. PostgreSQL gains the same way (one commit per
 * turn instead of one per request).
 */

/** @typedef {Record<string, unknown>} EventRow */

/**
 * @param {import('kysely').Kysely<any>} db
 * @returns {(rows: EventRow[]) => Promise<number>} stores one request's rows (duplicate
 *   ids are dropped) and resolves, once committed, with how many were new.
 */
export function groupCommit(db) {
  /** @type {{ rows: EventRow[], resolve: (stored: number) => void, reject: (error: unknown) => void }[]} */
  let pending = [];

  async function flush() {
    const jobs = pending;
    pending = [];
    try {
      const stored = await db.transaction().execute(async (trx) => {
        const counts = [];
        for (const { rows } of jobs) {
          // Retries resend ids already stored: the primary key (site, id) drops them.
          const [result] = await trx
            .insertInto('events')
            .values(rows)
            .onConflict((oc) => oc.columns(['site', 'id']).doNothing())
            .execute();
          counts.push(Number(result.numInsertedOrUpdatedRows ?? 0));
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
