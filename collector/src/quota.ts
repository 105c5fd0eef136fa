/**
 * Per-site ingest quotas, in memory and per process: events per minute, and new
 * distinct URLs per day (windows that start with the first event after the last one). Sites are whatever a client writes, so the bookkeeping
 * itself is bounded: at most `maxSites` sites a minute and `maxUrls` URL fingerprints
 * a day across all sites (4-byte hashes: about 40 MB at the default million).
 */
import { fixedWindow } from './window.js';

const day = 24 * 3600_000;

/**
 * 32-bit FNV-1a of a string: a URL's fingerprint. A collision makes one new URL count as
 * seen (the quota lets one more through), which is harmless.
 */
function fingerprint(text: string) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 *
 *   `events` per site a minute and `urls` new ones per site a day; 0 turns either off.
 */
export function siteQuotas({ events, urls, maxSites = 10_000, maxUrls = 1_000_000 }: { events: number; urls: number; maxSites?: number; maxUrls?: number; }) {
  const perMinute = fixedWindow(60_000);
  let seen: Map<string, Set<number>> = new Map();
  let seenTotal = 0;
  let dayEnd = 0;

  return {
    /**
     * Counts `count` events (of any type, valid or not) against the site's minute.
     * Returns why the request is refused, with seconds until it may retry, or undefined.
 */
    countEvents(site: string, count: number, now: number): { reason: string; retryAfter: number; } | undefined {
      if (!events) return undefined;
      const used = perMinute.get(site, now);
      const retryAfter = perMinute.retryAfter(now);
      if (!perMinute.has(site) && perMinute.size >= maxSites) {
        return { reason: `this collector takes events for at most ${maxSites} sites a minute`, retryAfter };
      }
      if (used >= events) return { reason: `site ${site} is over its quota of ${events} events a minute`, retryAfter };
      perMinute.add(site, count, now);
      return undefined;
    },

    /**
     * Whether an event on `url` may be stored: a URL the site already had today may, a
     * new one while the site is under its quota of new URLs a day. Returns why not, or undefined.
 */
    admitUrl(site: string, url: string, now: number) {
      if (!urls) return undefined;
      if (now >= dayEnd) {
        seen = new Map();
        seenTotal = 0;
        dayEnd = now + day;
      }
      let fingerprints = seen.get(site);
      const hash = fingerprint(url);
      if (fingerprints?.has(hash)) return undefined;
      if ((fingerprints?.size ?? 0) >= urls) return `site ${site} is over its quota of ${urls} new urls a day`;
      if (seenTotal >= maxUrls) return `this collector takes at most ${maxUrls} new urls a day`;
      if (!fingerprints) seen.set(site, (fingerprints = new Set()));
      fingerprints.add(hash);
      seenTotal++;
      return undefined;
    },

    /** Seconds until the URL quotas start over. */
    urlsRetryAfter: (now: number) => Math.max(1, Math.ceil((dayEnd - now) / 1000)),
  };
}
