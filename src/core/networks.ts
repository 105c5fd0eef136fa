/**
 * What the widgets know about each network: its share intent, its name, and how it
 * counts a post. Platforms change their intents without notice (see
 * shared/reference/share-intents.md), so each is one line here with its own test: the
 * next change is a one-line fix. Each network's logo and colour are in `logos/`.
 */
export interface ShareTarget {
  /** The referral-tagged URL to share. */
  url: string;
  title: string;
  /** A description or quote; networks with one text field get it instead of the title. */
  text?: string;
  /** An image URL (Pinterest, VK). */
  image?: string;
  /** A validated Mastodon host; absent: Mastodon's official share page. */
  mastodonInstance?: string;
}

/** How a network counts a post. */
export interface PostLimit {
  /** The most a post may count, link included. */
  max: number;
  /** What a link counts: fixed where the network shortens links (X, Mastodon: 23), else its own length. */
  link?: number;
  /** What one grapheme counts; default 1. */
  weigh?: (grapheme: string) => number;
}

/** One network: what a control for it needs to share. */
export interface Network {
  /** The brand's name as written on its control (a locale may write it its own way); absent for the buttons. */
  name?: string;
  /** The network's share page for a target; absent for the buttons (`native`, `copy`). */
  intent?: (t: ShareTarget) => string;
  /** How a post to it counts, for networks that take a text with the link; absent: room for a long quote. */
  limit?: PostLimit;
}

/**
 * X counts a grapheme as 1 in the ranges below (Latin, Cyrillic, Arabic, Persian… and
 * some punctuation) and as 2 otherwise (CJK, emoji).
 * See: https://docs.x.com/resources/fundamentals/counting-characters
 */
export function xWeight(grapheme: string): number {
  const c = grapheme.codePointAt(0)!;
  const light = c <= 0x10ff || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x201f) || (c >= 0x2032 && c <= 0x2037);
  return light && !/\p{Extended_Pictographic}/u.test(grapheme) ? 1 : 2;
}

const q = encodeURIComponent;
/** The one text line for networks that take a single text field. */
const message = (t: ShareTarget): string => t.text || t.title;
/** Text and link together, for networks without a separate URL field. */
const withUrl = (t: ShareTarget): string => [message(t), t.url].filter(Boolean).join(' ');

/** Every network a `networks` attribute may name, keyed as the attribute names them. */
export const networks: Record<string, Network> = {
  native: {},
  copy: {},
  x: {
    name: 'X',
    intent: (t) => `https://x.com/intent/tweet?text=${q(message(t))}&url=${q(t.url)}`,
    limit: { max: 280, link: 23, weigh: xWeight },
  },
  facebook: {
    name: 'Facebook',
    intent: (t) => `https://www.facebook.com/sharer/sharer.php?u=${q(t.url)}`,
  },
  linkedin: {
    name: 'LinkedIn',
    intent: (t) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(t.url)}`,
  },
  whatsapp: {
    name: 'WhatsApp',
    intent: (t) => `https://wa.me/?text=${q(withUrl(t))}`,
  },
  telegram: {
    name: 'Telegram',
    intent: (t) => `https://t.me/share/url?url=${q(t.url)}&text=${q(message(t))}`,
  },
  reddit: {
    name: 'Reddit',
    intent: (t) => `https://www.reddit.com/submit?url=${q(t.url)}&title=${q(t.title)}&type=LINK`,
  },
  pinterest: {
    name: 'Pinterest',
    intent: (t) =>
      `https://www.pinterest.com/pin/create/button/?url=${q(t.url)}&description=${q(message(t))}` +
      (t.image ? `&media=${q(t.image)}` : ''),
    limit: { max: 500 },
  },
  mastodon: {
    name: 'Mastodon',
    intent: (t) =>
      t.mastodonInstance
        ? `https://${t.mastodonInstance}/share?text=${q(withUrl(t))}`
        : `https://share.joinmastodon.org/?text=${q(withUrl(t))}`,
    limit: { max: 500, link: 23 },
  },
  bluesky: {
    name: 'Bluesky',
    intent: (t) => `https://bsky.app/intent/compose?text=${q(withUrl(t))}`,
    limit: { max: 300 },
  },
  threads: {
    name: 'Threads',
    intent: (t) => `https://www.threads.com/intent/post?text=${q(message(t))}&url=${q(t.url)}`,
    limit: { max: 500 },
  },
  line: {
    name: 'LINE',
    intent: (t) => `https://social-plugins.line.me/lineit/share?url=${q(t.url)}&text=${q(message(t))}`,
  },
  vk: {
    name: 'VK',
    intent: (t) => `https://vk.com/share.php?url=${q(t.url)}&title=${q(t.title)}` + (t.image ? `&image=${q(t.image)}` : ''),
  },
  xing: {
    name: 'XING',
    intent: (t) => `https://www.xing.com/spi/shares/new?url=${q(t.url)}`,
  },
  wykop: {
    name: 'Wykop',
    intent: (t) => `https://wykop.pl/dodaj/link/?url=${q(t.url)}&title=${q(t.title)}`,
  },
  threema: {
    name: 'Threema',
    // The apps' own handler: Android RecipientListBaseActivity and iOS URLHandler read `text`
    // from threema://compose (github.com/threema-ch, Android 6.4.2, iOS 7.2.2).
    intent: (t) => `threema://compose?text=${q(withUrl(t))}`,
  },
  sms: {
    name: 'SMS',
    // RFC 5724 wants a recipient; with none, Android's Messaging app reads the body from
    // `?body=` or `?&body=` (AOSP LaunchConversationActivity), and iOS takes `?&body=`.
    intent: (t) => `sms:?&body=${q(withUrl(t))}`,
  },
  email: {
    intent: (t) => `mailto:?subject=${q(t.title)}&body=${q([t.text, t.url].filter(Boolean).join('\n\n'))}`,
  },
};

/** One field of every network that has it, by key: the public `intents` and `networkNames`. */
function field<K extends keyof Network>(name: K): Record<string, NonNullable<Network[K]>> {
  return Object.fromEntries(Object.entries(networks).flatMap(([key, network]) => (network[name] ? [[key, network[name]]] : [])));
}

/** Share-intent URL builders by network key. */
export const intents = /*#__PURE__*/ field('intent');

/** Brand names as written on the buttons (locales may override). */
export const networkNames = /*#__PURE__*/ field('name');

/** Every key a `networks` attribute may name. */
export const networkKeys = Object.keys(networks);

export const defaultNetworks = 'native x facebook linkedin whatsapp telegram email copy';

const warned = new Set<string>();

/**
 * Parses a space-separated `networks` attribute into known keys, in order and
 * without repeats. An unknown key gets one console warning per page and is skipped.
 */
export function parseNetworks(value: string | null | undefined): string[] {
  const keys = (value?.trim() || defaultNetworks).toLowerCase().split(/\s+/);
  return [...new Set(keys)].filter((key) => {
    if (networkKeys.includes(key)) return true;
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(`wom: unknown network "${key}" skipped; known networks: ${networkKeys.join(' ')}`);
    }
    return false;
  });
}

/** A bare host name (with optional port), as a Mastodon instance must be; else undefined. */
export function validHost(value: string | null | undefined): string | undefined {
  const host = value?.trim().toLowerCase();
  return host && /^(?=.{1,253}(:|$))([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$/.test(host)
    ? host
    : undefined;
}
