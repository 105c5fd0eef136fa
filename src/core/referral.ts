import { nanoid } from 'nanoid';
import { config } from './config.js';

/** A new share id: 10 URL-safe characters (about 60 bits, no collisions in practice). */
export const mintShareId = (): string => nanoid(10);

/** Returns `url` with the referral parameter removed (every other parameter and the hash kept). */
export function stripReferral(url: string, param = config.param): string {
  const parsed = new URL(url);
  parsed.searchParams.delete(param);
  return parsed.href;
}

/**
 * Returns `url` carrying `?<param>=<shareId>`, replacing any referral already
 * there and keeping every other parameter and the hash. With `utm` set (the
 * `data-utm="on"` option), the link also carries `utm_source=<network>&utm_medium=social`.
 */
export function withReferral(url: string, shareId: string, network?: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(config.param, shareId);
  if (config.utm && network) {
    parsed.searchParams.set('utm_source', network);
    parsed.searchParams.set('utm_medium', 'social');
  }
  return parsed.href;
}

/** The page's own URL for sharing: `<link rel="canonical">`, else `location.href`, referral removed. */
export function pageUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return stripReferral(safeHttpUrl(canonical) ?? location.href);
}

/**
 * `url` as events record it (PRODUCT.md, "What a view records about the arrival"): without
 * its fragment and its query, but for the parameters the site keeps (`keepParams`) as
 * `from` has them, so that a token in an address (`?token=…`, `#access_token=…`) is never
 * sent, and one page is one URL in the reports whatever campaign links pointed at it.
 */
export function trackedUrl(url: string, from = url): string {
  const parsed = new URL(url);
  const params = new URL(from).searchParams;
  parsed.hash = parsed.search = '';
  for (const name of config.keepParams ?? []) if (params.has(name)) parsed.searchParams.set(name, params.get(name)!);
  return parsed.href;
}

/**
 * This page's URL as events record it: its same-origin `<link rel="canonical">` (one on
 * another site names that site's page, not this one), else its address; the kept
 * parameters are the address's.
 */
export function trackedPageUrl(): string {
  const canonical = safeHttpUrl(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href);
  return trackedUrl(canonical?.startsWith(`${location.origin}/`) ? canonical : location.href, location.href);
}

/** The content of `<meta property|name="…">` in the document, if any. */
export const metaContent = (name: string): string | undefined =>
  document.querySelector<HTMLMetaElement>(`meta[property="${name}"],meta[name="${name}"]`)?.content || undefined;

/** The page's title for sharing: `og:title`, else the document's title. */
export const pageTitle = (): string => metaContent('og:title') ?? document.title;

/** `value` resolved against the page as an http(s) URL, or undefined (refuses `javascript:` and friends). */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const parsed = new URL(value, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
