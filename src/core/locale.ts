import { builtinLocales } from '../locales/builtin.js';
import { en } from '../locales/en.js';
import type { Messages } from '../locales/messages.js';
import { config } from './config.js';

/** Locales a site registered, by lower-case code. */
const registered = new Map<string, Messages>();
/** Built-in locales loaded so far, by code; English is always there. */
const loaded = new Map<string, Messages>([['en', en]]);
/** Built-in locales on their way. */
const loading = new Map<string, Promise<unknown>>();

/**
 * Adds or replaces a locale (a site can ship its own translations): the shared strings,
 * and optionally `repost` and `review` groups. A widget whose group is missing shows the
 * built-in strings of the locale's language, else English.
 */
export function registerLocale(messages: Messages): void {
  registered.set(messages.$code.toLowerCase(), messages);
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

/** The built-in locale for `code` (`de` for `de-AT`), loaded or not. */
const builtinCode = (code: string): string | undefined =>
  lookup((c) => (c === 'en' || c in builtinLocales ? c : undefined), code);

/**
 * The locale `el` shows: its `locale` attribute, else the script tag's `data-locale`,
 * else the nearest `lang`, else the document's, else English. An unsupported candidate
 * passes the choice on to the next one.
 */
function chosen(el: Element, attribute?: string | null): string {
  for (const tag of [attribute, config.locale, nearestLang(el), document.documentElement.lang]) {
    const code = lookup((c) => (registered.has(c) ? c : builtinCode(c)), tag ?? undefined);
    if (code) return code;
  }
  return 'en';
}

/** The messages for `el` (see `chosen`), as far as they are loaded: English until then. */
export function resolveMessages(el: Element, attribute?: string | null): Messages {
  const code = chosen(el, attribute);
  return registered.get(code) ?? loaded.get(code) ?? en;
}

/**
 * Loads the built-in strings `el` needs, also those a registered locale falls back to;
 * undefined when they are there. A locale that fails to load leaves English in its place.
 */
export function localeLoaded(el: Element, attribute?: string | null): Promise<unknown> | undefined {
  const code = builtinCode(chosen(el, attribute));
  if (!code || loaded.has(code)) return undefined;
  if (!loading.has(code)) {
    const load = builtinLocales[code]().then(
      (module) => void loaded.set(code, module.default),
      (error) => console.warn('wom: could not load locale', code, error),
    );
    loading.set(code, load);
  }
  return loading.get(code);
}

/** One widget's strings for `messages`: its own group, else the built-in one of its language, else `english`. */
export function widgetStrings<K extends 'repost' | 'review'>(messages: Messages, widget: K, english: NonNullable<Messages[K]>): NonNullable<Messages[K]> {
  return messages[widget] ?? lookup((code) => loaded.get(code)?.[widget], messages.$code) ?? english;
}

export type { Messages };
