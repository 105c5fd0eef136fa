/** Constructing an `Intl.RelativeTimeFormat` is expensive; a list of reviews formats many dates. */
const formatters = new Map<string, Intl.RelativeTimeFormat>();

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 864e5],
  ['month', 30 * 864e5],
  ['week', 7 * 864e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
  ['second', 1e3],
];

/** `ts` relative to `now` in the locale's words and digits: "3 days ago", "vor 3 Tagen", "۳ روز پیش". */
export function relativeTime(locale: string, ts: number, now = Date.now()): string {
  let format = formatters.get(locale);
  if (!format) formatters.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  const elapsed = Math.min(ts - now, 0);
  const [unit, size] = units.find(([, size]) => -elapsed >= size) ?? units[units.length - 1];
  return format.format(Math.round(elapsed / size), unit);
}
