import type { Plural } from '../locales/messages.js';

/**
 * Cached `Intl` formatters: constructing one is expensive, and a page with many
 * widgets formats the same numbers in the same locale over and over.
 */
const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached(`n${locale}${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

/** A compact count in the locale's digits: 1.2K, 1,2 Tsd., ۱٫۲ هزار. */
export const formatCount = (locale: string, count: number): string =>
  numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(count);

/** Picks the plural form for `count` with `Intl.PluralRules` (so Polish gets one, few and many). */
export function plural(locale: string, forms: Plural, count: number, formatted = formatCount(locale, count)): string {
  const rule = cached(`p${locale}`, () => new Intl.PluralRules(locale)).select(count);
  return (forms[rule] ?? forms.other).replace('#', formatted);
}
