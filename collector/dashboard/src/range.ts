import type { Range } from './types.js';

/** The time ranges offered, newest data last. `all` is every event the collector keeps. */
export const presets = ['7d', '30d', '90d', 'all', 'custom'] as const;
export type Preset = (typeof presets)[number];

const day = 24 * 3600_000;

/** Start of the UTC day of `ms` (the report's daily series is in UTC days). */
export const startOfDay = (ms: number): number => Math.floor(ms / day) * day;

/** The range of a preset at time `now`: the last N whole days, today included. */
export function presetRange(preset: Exclude<Preset, 'custom'>, now: number): Range {
  if (preset === 'all') return {};
  const days = Number.parseInt(preset, 10);
  const to = startOfDay(now) + day;
  return { from: to - days * day, to };
}

/** A custom range from two `<input type="date">` values (inclusive days); empty ends stay open. */
export function customRange(from: string, to: string): Range {
  const parse = (value: string) => (value ? Date.parse(`${value}T00:00:00Z`) : Number.NaN);
  const [start, end] = [parse(from), parse(to)];
  return {
    ...(Number.isFinite(start) && { from: start }),
    ...(Number.isFinite(end) && { to: end + day }),
  };
}

/** `YYYY-MM-DD` of a time (UTC), for date inputs and file names. */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Query parameters of a range. */
export function rangeParams(range: Range): Record<string, string> {
  return {
    ...(range.from !== undefined && { from: String(range.from) }),
    ...(range.to !== undefined && { to: String(range.to) }),
  };
}
