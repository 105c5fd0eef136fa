/**
 * Share-intent URL builders, one pure function per network. Platforms change
 * these without notice (see shared/reference/share-intents.md), so each is one
 * line here and has its own test: the next change is a one-line fix.
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

const q = encodeURIComponent;
/** The one text line for networks that take a single text field. */
const message = (t: ShareTarget): string => t.text || t.title;
/** Text and link together, for networks without a separate URL field. */
const withUrl = (t: ShareTarget): string => [message(t), t.url].filter(Boolean).join(' ');

export const intents: Record<string, (t: ShareTarget) => string> = {
  x: (t) => `https://x.com/intent/tweet?text=${q(message(t))}&url=${q(t.url)}`,
  facebook: (t) => `https://www.facebook.com/sharer/sharer.php?u=${q(t.url)}`,
  linkedin: (t) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(t.url)}`,
  whatsapp: (t) => `https://wa.me/?text=${q(withUrl(t))}`,
  telegram: (t) => `https://t.me/share/url?url=${q(t.url)}&text=${q(message(t))}`,
  reddit: (t) => `https://www.reddit.com/submit?url=${q(t.url)}&title=${q(t.title)}&type=LINK`,
  pinterest: (t) =>
    `https://www.pinterest.com/pin/create/button/?url=${q(t.url)}&description=${q(message(t))}` +
    (t.image ? `&media=${q(t.image)}` : ''),
  mastodon: (t) =>
    t.mastodonInstance
      ? `https://${t.mastodonInstance}/share?text=${q(withUrl(t))}`
      : `https://share.joinmastodon.org/?text=${q(withUrl(t))}`,
  bluesky: (t) => `https://bsky.app/intent/compose?text=${q(withUrl(t))}`,
  threads: (t) => `https://www.threads.com/intent/post?text=${q(message(t))}&url=${q(t.url)}`,
  line: (t) => `https://social-plugins.line.me/lineit/share?url=${q(t.url)}&text=${q(message(t))}`,
  vk: (t) => `https://vk.com/share.php?url=${q(t.url)}&title=${q(t.title)}` + (t.image ? `&image=${q(t.image)}` : ''),
  xing: (t) => `https://www.xing.com/spi/shares/new?url=${q(t.url)}`,
  wykop: (t) => `https://wykop.pl/dodaj/link/?url=${q(t.url)}&title=${q(t.title)}`,
  email: (t) => `mailto:?subject=${q(t.title)}&body=${q([t.text, t.url].filter(Boolean).join('\n\n'))}`,
};

/** Brand names as written on the buttons (locales may override). */
export const networkNames: Record<string, string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  reddit: 'Reddit',
  pinterest: 'Pinterest',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  line: 'LINE',
  vk: 'VK',
  xing: 'XING',
  wykop: 'Wykop',
};

/** Every key a `networks` attribute may name, in no particular order. */
export const networkKeys = ['native', 'copy', ...Object.keys(intents)];

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
