import { config } from './config.js';
import type { Messages } from '../locales/messages.js';
import { en } from '../locales/en.js';
import { de } from '../locales/de.js';
import { pl } from '../locales/pl.js';
import { id } from '../locales/id.js';
import { fa } from '../locales/fa.js';

const locales = new Map<string, Messages>([en, de, pl, id, fa].map((m) => [m.$code, m]));

/** Adds or replaces a locale (a site can ship its own translations). */
export function registerLocale(messages: Messages): void {
  locales.set(messages.$code.toLowerCase(), messages);
}

/** The nearest `lang` attribute above `el`, crossing shadow roots. */
function nearestLang(el: Element): string | undefined {
  for (let node: Element | null = el; node; ) {
    const found = node.closest('[lang]');
    if (found) return found.getAttribute('lang') || undefined;
    node = (node.getRootNode() as ShadowRoot).host ?? null;
  }
  return undefined;
}

/** Looks up `tag`, falling back from `de-AT` to `de`. */
function lookup(tag: string | undefined): Messages | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  return locales.get(lower) ?? locales.get(lower.split(/[-_]/)[0]);
}

/**
 * The messages for `el`: its `locale` attribute, else the script tag's
 * `data-locale`, else the nearest `lang`, else the document's, else English.
 * An unsupported candidate passes the choice on to the next one.
 */
export function resolveMessages(el: Element, attribute?: string | null): Messages {
  for (const tag of [attribute, config.locale, nearestLang(el), document.documentElement.lang]) {
    const messages = lookup(tag ?? undefined);
    if (messages) return messages;
  }
  return en;
}

export type { Messages };
