import { numberFormat } from '../../src/core/intl.js';

/** Number and date formatting in the dashboard's locale (`Intl`, cached). */
export interface Format {
  /** A whole count: 12,345. */
  count: (n: number) => string;
  /** A ratio such as k: 0.84. */
  ratio: (n: number) => string;
  /** A money-like amount, two decimals at most. */
  amount: (n: number) => string;
  /** A UTC day `YYYY-MM-DD` as the locale writes it. */
  day: (isoDay: string) => string;
  /** A moment, date and time. */
  time: (ms: number) => string;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) => {
  const key = `${locale}${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
};

export function formatFor(locale: string): Format {
  return {
    count: (n) => numberFormat(locale).format(n),
    ratio: (n) => numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n),
    amount: (n) => numberFormat(locale, { maximumFractionDigits: 2 }).format(n),
    day: (iso) => dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`)),
    time: (ms) => dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms),
  };
}
