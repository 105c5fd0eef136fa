import type { DashboardMessages } from './messages.js';
import { en } from './en.js';
import { de } from './de.js';
import { pl } from './pl.js';
import { id } from './id.js';
import { fa } from './fa.js';

export type { DashboardMessages };

/** The dashboard's locales, in the order the language menu lists them. */
export const locales: readonly DashboardMessages[] = [en, de, pl, id, fa];

/** The first supported language of `candidates` (`de-AT` falls back to `de`), else English. */
export function pickLocale(candidates: readonly (string | null | undefined)[]): DashboardMessages {
  for (const tag of candidates) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    const found = locales.find((m) => m.$code === base);
    if (found) return found;
  }
  return en;
}
