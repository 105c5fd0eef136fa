// @ts-check
/** Retention: events older than the period are deleted at start and then daily. */

const units = { h: 3600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * The oldest timestamp kept under `period` ('36h', '30d', '8w', '13mo', '2y'), or
 * undefined for `off` / 0 (keep forever).
 * @param {string | number} period a duration string, or ms
 * @param {number} now
 */
export function retentionCutoff(period, now) {
  if (period === 0 || period === 'off' || period === '0') return undefined;
  if (typeof period === 'number') return now - period;
  const match = /^(\d+)(h|d|w|mo|y)$/.exec(period);
  if (!match) throw new Error(`retention "${period}" is not a duration like 30d, 13mo or 2y (or off)`);
  const [, amount, unit] = match;
  const date = new Date(now);
  // Months and years are calendar ones: 13mo on 31 March keeps events from 28/29 February.
  if (unit === 'mo') date.setUTCMonth(date.getUTCMonth() - Number(amount));
  else if (unit === 'y') date.setUTCFullYear(date.getUTCFullYear() - Number(amount));
  else return now - Number(amount) * units[/** @type {'h' | 'd' | 'w'} */ (unit)];
  return date.getTime();
}
