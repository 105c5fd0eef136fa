import { builtinLocales } from '../locales/builtin.js';
import type { Messages } from '../locales/messages.js';
import { config } from './config.js';

const locales = new Map<string, Messages>(builtinLocales.map((m) => [m.$code, m]));
const [en] = builtinLocales;

/**
 * Adds or replaces a locale (a site can ship its own translations): the shared strings,
 * and optionally `repost` and `review` groups. A widget whose group is missing shows the
 * built-in strings of the locale's language, else English.
 */
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

/** What `get` has for `tag`, falling back from `de-AT` to `de`. */
function lookup<T>(get: (code: string) => T | undefined, tag: string | undefined): T | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  return get(lower) ?? get(lower.split(/[-_]/)[0]);
}

/**
 * The messages for `el`: its `locale` attribute, else the script tag's
 * `data-locale`, else the nearest `lang`, else the document's, else English.
 * An unsupported candidate passes the choice on to the next one.
 */
export function resolveMessages(el: Element, attribute?: string | null): Messages {
  for (const tag of [attribute, config.locale, nearestLang(el), document.documentElement.lang]) {
    const messages = lookup((code) => locales.get(code), tag ?? undefined);
    if (messages) return messages;
  }
  return en;
}

/** One widget's strings for `messages`: its own group, else the built-in one of its language, else English's. */
export function widgetStrings<K extends 'repost' | 'review'>(
  messages: Messages,
  widget: K,
  builtin: Record<string, NonNullable<Messages[K]>>,
): NonNullable<Messages[K]> {
  return messages[widget] ?? lookup((code) => builtin[code], messages.$code) ?? builtin.en;
}

export type { Messages };
