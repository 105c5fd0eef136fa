/**
 * PostgreSQL keeps events in one partition per UTC month (migration 0006), so that
 * retention drops a month's table instead of deleting its rows one by one. SQLite keeps
 * one table and needs none of this.
 *
 * Months are made before events need them: at start and daily (app.ts), every month
 * ingest may write into (schema.ts: 35 days back, 1 day ahead) and the month after, so
 * that a day or weeks of failed runs still leave a partition for every accepted event.
 * There is no DEFAULT partition: it would take the rows of a month not made yet, and that
 * month could then no longer be made (PostgreSQL refuses a partition whose range the
 * default holds rows for) without moving them under an exclusive lock.
 *
 * `create table … partition of` and dropping a partition lock the whole of `events`
 * exclusively: queued behind a running report, they would hold every insert behind them
 * for as long. A month is instead created alone and attached (SHARE UPDATE EXCLUSIVE, which
 * lets reads and inserts go on), and detached CONCURRENTLY before it is dropped. Processes
 * take turns through one advisory lock, so two starting at once never both make a month.
 */
import { sql } from 'kysely';
import { maxAgeMs, maxAheadMs } from './schema.js';
import type { Database } from './types.js';

/** A month's partition: its table and its range of `ts`, `from` inclusive, `to` exclusive. */
export interface Month {
  name: string;
  from: number;
  to: number;
}

/** The advisory lock that makes and drops partitions (any constant all processes share). */
const lock = 0x776f6d;

/** The UTC month holding `ms`. */
export function monthOf(ms: number): Month {
  const date = new Date(ms);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth()];
  return { name: `events_${year}_${String(month + 1).padStart(2, '0')}`, from: Date.UTC(year, month), to: Date.UTC(year, month + 1) };
}

/** The months from the one holding `from` to the one holding `to`. */
export function monthsCovering(from: number, to: number): Month[] {
  const months = [];
  for (let month = monthOf(from); month.from <= to; month = monthOf(month.to)) months.push(month);
  return months;
}

/** `events_2026_12`: the month a partition's name says, else undefined. */
const monthNamed = (name: string) => {
  const match = /^events_(\d{4})_(\d{2})$/.exec(name);
  return match ? monthOf(Date.UTC(Number(match[1]), Number(match[2]) - 1)) : undefined;
};

/**
 * Makes each of `months` not yet a partition of events. Runs in the caller's transaction,
 * which holds the advisory lock until it commits.
 */
export async function attachMonths(trx: Database, months: Month[]) {
  await sql`select pg_advisory_xact_lock(${lock})`.execute(trx);
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'events'::regclass`.execute(trx);
  const attached = new Set(rows.map((r) => r.name));
  for (const { name, from, to } of months) {
    if (attached.has(name)) continue;
    // The parent's indexes are built on the empty table as it is attached.
    await sql`create table ${sql.id(name)} (like events including all excluding indexes)`.execute(trx);
    await sql`alter table events attach partition ${sql.id(name)} for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(trx);
  }
}

/** Makes every month ingest may write into from `now` on, and the month after. */
export const prepareMonths = (db: Database, now: number) =>
  db.transaction().execute((trx) => attachMonths(trx, monthsCovering(now - maxAgeMs, monthOf(now + maxAheadMs).to)));

/**
 * Drops the months that end at or before `before`; returns how many events they held.
 * A month left detached by a process stopped halfway is finished and dropped too.
 */
export async function dropMonthsBefore(db: Database, before: number) {
  // DETACH CONCURRENTLY runs outside a transaction: the lock is the session's, on one connection.
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${lock})`.execute(connection);
    try {
      const { rows } = await sql<{ name: string; attached: boolean; pending: boolean; }>`
        select c.relname as name, i.inhrelid is not null as attached, coalesce(i.inhdetachpending, false) as pending
        from pg_class c left join pg_inherits i on i.inhrelid = c.oid
        where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace and c.relname ~ '^events_[0-9]{4}_[0-9]{2}$'`.execute(connection);
      let events = 0;
      for (const { name, attached, pending } of rows) {
        const month = monthNamed(name);
        if (!month || month.to > before) continue;
        const table = sql.id(name);
        if (pending) await sql`alter table events detach partition ${table} finalize`.execute(connection);
        else if (attached) await sql`alter table events detach partition ${table} concurrently`.execute(connection);
        const [{ n }] = (await sql<{ n: number }>`select count(*) as n from ${table}`.execute(connection)).rows;
        await sql`drop table ${table}`.execute(connection);
        events += Number(n);
      }
      return events;
    } finally {
      await sql`select pg_advisory_unlock(${lock})`.execute(connection);
    }
  });
}
