/**
 * The logos, by network key: one module each, so that each can become a chunk of its own,
 * and apart from the network table (`core/networks.ts`), so that a widget that draws no
 * logo (the review's share links) carries none. Brand paths come from Simple Icons 16.37
 * (CC0, https://simpleicons.org), rounded to one decimal with svgo; LinkedIn (no longer in
 * Simple Icons) and the generic share, link, envelope and speech-bubble glyphs are drawn for this project.
 * Inlined so that no logo is ever fetched from a third party.
 */
import copy from './copy.js';
import email from './email.js';
import facebook from './facebook.js';
import linkedin from './linkedin.js';
import native from './native.js';
import telegram from './telegram.js';
import whatsapp from './whatsapp.js';
import x from './x.js';
import type { Logo } from './logo.js';

/**
 * The logos loaded so far, keyed as `networks` is: those of the share bar's default
 * networks are always here (it draws them all, and a chunk each would cost a request each).
 */
export const logos: Record<string, Logo> = { native, copy, x, facebook, linkedin, whatsapp, telegram, email };

/** Every other network's logo: a module of its own, loaded when a control first draws it. */
const more: Record<string, () => Promise<{ default: Logo }>> = {
  reddit: () => import('./reddit.js'),
  pinterest: () => import('./pinterest.js'),
  mastodon: () => import('./mastodon.js'),
  bluesky: () => import('./bluesky.js'),
  threads: () => import('./threads.js'),
  line: () => import('./line.js'),
  vk: () => import('./vk.js'),
  xing: () => import('./xing.js'),
  wykop: () => import('./wykop.js'),
  threema: () => import('./threema.js'),
  sms: () => import('./sms.js'),
};
const loading = new Map<string, Promise<unknown>>();

/**
 * Loads the logos of `keys` that are not here yet; undefined when all are. A logo that
 * fails to load is left out (its control keeps its name).
 */
export function logosLoaded(keys: readonly string[]): Promise<unknown> | undefined {
  const missing = keys.filter((key) => !logos[key] && more[key]);
  if (!missing.length) return undefined;
  for (const key of missing) {
    if (!loading.has(key)) {
      const load = more[key]().then(
        (module) => void (logos[key] = module.default),
        (error) => console.warn('wom: could not load the logo of', key, error),
      );
      loading.set(key, load);
    }
  }
  return Promise.all(missing.map((key) => loading.get(key)));
}
