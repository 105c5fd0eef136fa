/**
 * The tracker: referral capture, events and their delivery to the collector.
 * Side-effect free: nothing is read, stored or sent until you call `start()`,
 * `track()` or another function below. No UI, and never Lit.
 *
 * ```js
 * import { configure, start, convert } from 'wom-widgets/track';
 * configure({ collector: 'https://collect.example.com/e' });
 * start();
 * convert('signup', { value: 49, currency: 'EUR' });
 * ```
 */
import { nanoid } from 'nanoid';
import { config, type ConsentState } from '../core/config.js';
import { guard } from '../core/emit.js';
import { mintShareId, pageUrl, trackedPageUrl, trackedUrl, withReferral } from '../core/referral.js';
import { arrival, capture, remember, visit } from './capture.js';
import { enqueue } from './send.js';
import { loadVitals } from './vitals.js';

export { configure, type ConsentState, type WomOptions } from '../core/config.js';
export type { WomEvent } from './send.js';

/** How a share was made. */
export type ShareVia = 'button' | 'repost' | 'selection' | 'api';

/**
 * Sends an event of `type` with type-specific `fields`. It also carries its own
 * id, the time, the page URL (unless `fields.url` names another), the arrival
 * share as `ref`, and with consent the visitor id. Nothing is sent without a
 * collector, with consent denied, or under Global Privacy Control / Do Not Track
 * (unless the site overrides them).
 */
export const track = guard((type: string, fields?: Record<string, unknown>): void => {
  const url = typeof fields?.url === 'string' ? trackedUrl(fields.url) : trackedPageUrl();
  enqueue({ ...fields, url, id: nanoid(), type, ts: Date.now(), ref: visit._ref, visitor: visit._visitor });
});

/**
 * Records a share action: the minted share id, the network key, how it was
 * shared, and the URL shared (default: this page), so that counts and reports
 * for that URL see it.
 */
export function recordShare(share: string, network: string, via: ShareVia, url?: string): void {
  track('share', { share, network, via, url });
}

/** Records a conversion (signup, purchase…), attributed to the share this visitor arrived through. */
export function convert(name: string, amount: { value?: number; currency?: string } = {}): void {
  track('convert', { ...amount, name });
}

/**
 * Returns a fresh referral-tagged URL of this page. With a `network`, the call
 * is a share: it records a `share` event (via `api`) whose id the URL carries.
 * Without one, it only mints the URL and records nothing, so that rendering a
 * link is not counted as sharing it; visits through such a link name a share
 * the collector never received (the report takes it as a seed).
 */
export function shareUrl(network?: string): string {
  const share = mintShareId();
  if (network) recordShare(share, network, 'api');
  return withReferral(pageUrl(), share, network);
}

/**
 * Sets the reader's consent at runtime. `granted` stores the arrival share and
 * an anonymous visitor id in localStorage for the attribution window and keeps
 * unsent events for the next page; `denied` sends nothing more and erases what
 * was stored; anything else (undefined) returns to the anonymous default.
 */
export function consent(state?: ConsentState): void {
  config.consent = state;
  remember();
}

let started = false;

/**
 * Starts tracking this page (once): records the arrival share from the
 * referral parameter, removes the parameter from the address bar, sends a
 * `view`, and reports web vitals unless `vitals` is off.
 */
export const start = guard((): void => {
  if (started) return;
  started = true;
  capture();
  // Each final value once (no `reportAllChanges`), from web-vitals loaded after `load`, so that
  // it costs the page nothing before then. The metrics it reads are buffered by the browser.
  if (config.collector && config.vitals) {
    const report = () =>
      void loadVitals().then(({ onCLS, onFCP, onINP, onLCP, onTTFB }) => {
        for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) on(({ name, value }) => track('vitals', { metric: name, value }));
      });
    if (document.readyState === 'complete') report();
    else addEventListener('load', report, { once: true });
  }
  track('view', arrival());
});
