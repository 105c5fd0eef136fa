/**
 * Retention: events older than the period are deleted at start and then daily. SQLite
 * deletes them; PostgreSQL first drops the months wholly older (partitions.ts), then
 * deletes the rest in the month the cutoff falls in.
 */
import type { Dialect } from './db.js';
import { dropMonthsBefore } from './partitions.js';
import { maxAgeMs } from './schema.js';
import type { Database } from './types.js';

const units = { h: 3600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * The oldest timestamp kept under `period` ('36h', '30d', '8w', '13mo', '2y'), or
 * undefined for `off` / 0 (keep forever).
 * @param period a duration string, or ms
 */
export function retentionCutoff(period: string | number, now: number) {
  if (period === 0 || period === 'off' || period === '0') return undefined;
  if (typeof period === 'number') return now - period;
  const match = /^(\d+)(h|d|w|mo|y)$/.exec(period);
  if (!match) throw new Error(`retention "${period}" is not a duration like 30d, 13mo or 2y (or off)`);
  const [, amount, unit] = match;
  if (unit === 'mo' || unit === 'y') return monthsBefore(now, Number(amount) * (unit === 'y' ? 12 : 1));
  return now - Number(amount) * units[(unit as 'h' | 'd' | 'w')];
}

/**
 * Calendar months back, clamped to the month's last day: 13mo before 31 March 2026 is
 * 28 February 2025 (Date alone would overflow to 3 March).
 */
function monthsBefore(now: number, months: number) {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/**
 * Deletes the events older than `cutoff`; returns how many. A month is dropped only once
 * ingest can no longer write into it (older than 35 days): a shorter retention deletes
 * the rows of the months still open instead.
 */
export async function expireEvents(db: Database, dialect: Dialect, cutoff: number, now: number) {
  const dropped = dialect === 'postgres' ? await dropMonthsBefore(db, Math.min(cutoff, now - maxAgeMs)) : 0;
  const [result] = await db.deleteFrom('events').where('ts', '<', cutoff).execute();
  return dropped + Number(result.numDeletedRows);
}
