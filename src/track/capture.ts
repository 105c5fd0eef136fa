import { nanoid } from 'nanoid';
import { config } from '../core/config.js';
import { campaignFields, shortText } from './limits.js';
import { denied, persisting } from './privacy.js';
import { forget, keep } from './send.js';
import { load, store } from './storage.js';

/** This visit: the share it arrived through (and when), and with consent the anonymous visitor id. */
export const visit: { _ref?: string; _at?: number; _visitor?: string } = {};

/** What consent keeps in localStorage: arrival share `r`, its time `t`, visitor id `v`. */
interface Kept {
  r?: string;
  t?: number;
  v?: string;
}


/**
 * Reads the referral parameter of this page load, then removes it from the
 * address bar (other parameters and the hash stay) so that a copied or
 * bookmarked URL does not repeat the arrival.
 */
export function capture(): void {
  const url = new URL(location.href);
  const ref = url.searchParams.get(config.param);
  if (ref !== null) {
    url.searchParams.delete(config.param);
    try {
      history.replaceState(history.state, '', url.href);
    } catch {
      // A frozen or sandboxed history: the parameter stays, tracking goes on.
    }
    // Share ids are nanoids: anything else in the parameter is not ours.
    if (/^[\w-]{1,32}$/.test(ref)) {
      visit._ref = ref;
      visit._at = Date.now();
    }
  }
  remember();
}

/**
 * This page load's arrival, sent with its view: the referring site's host (never its path
 * or query, and nothing when the reader came from this site) and the landing URL's
 * campaign (`utm_*`; a value the collector would refuse is left out, not the view).
 */
export function arrival(): Record<string, string> {
  const fields: Record<string, string> = {};
  const params = new URL(location.href).searchParams;
  for (const name of campaignFields) {
    const value = params.get(name);
    if (value && shortText.test(value)) fields[name] = value;
  }
  try {
    const from = new URL(document.referrer);
    if (from.protocol.startsWith('http') && from.host != location.host) fields.referrer = from.host;
  } catch {
    // No referrer (typed, bookmarked, or withheld by the Referrer-Policy).
  }
  return fields;
}

/**
 * Applies the consent state to the device: with consent, recalls an arrival
 * still inside the attribution window (when this load brought none), keeps a
 * visitor id, and stores both; when denied, erases what was stored. Anonymous
 * mode reads and writes nothing.
 */
export function remember(): void {
  if (persisting()) {
    const kept = load<Kept>('wom') ?? {};
    if (!visit._ref && kept.r && Date.now() - kept.t! < (config.attributionDays ?? 30) * 864e5 /* ms a day */) {
      visit._ref = kept.r;
      visit._at = kept.t;
    }
    visit._visitor ??= kept.v || nanoid();
    store('wom', { r: visit._ref, t: visit._at, v: visit._visitor } satisfies Kept);
    keep();
  } else {
    visit._visitor = undefined;
    if (denied()) {
      store('wom');
      forget();
    }
  }
}
