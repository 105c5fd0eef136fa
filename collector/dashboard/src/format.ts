import type { Plural } from './locales/messages.js';

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
  /** A UTC day without its year, for a chart's axis: Nov 8. */
  shortDay: (isoDay: string) => string;
  /** A moment, date and time. */
  time: (ms: number) => string;
  /** A counted phrase in the plural form the number takes: 1 page, 2 pages; 2 strony, 5 stron. */
  plural: (forms: Plural, n: number) => string;
}

/** `Intl` formats are costly to build and the dashboard formats thousands of cells: one per locale and options. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let format = formats.get(key) as F | undefined;
  if (!format) formats.set(key, (format = build()));
  return format;
}
const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached(`n${locale}${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d${locale}${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export function formatFor(locale: string): Format {
  const rules = new Intl.PluralRules(locale);
  return {
    count: (n) => numberFormat(locale).format(n),
    ratio: (n) => numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n),
    amount: (n) => numberFormat(locale, { maximumFractionDigits: 2 }).format(n),
    day: (iso) => dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`)),
    shortDay: (iso) => dateFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`)),
    time: (ms) => dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms),
    plural: (forms, n) => (forms[rules.select(n)] ?? forms.other).replace('#', numberFormat(locale).format(n)),
  };
}
