/**
 * The collector's limits on an event's fields (collector/src/schema.ts), checked before
 * the event is queued: an event the collector would reject is dropped here, with a console
 * warning, and nothing is ever clamped to fit. collector/test/limits.test.js runs this and
 * the collector's schema on the same events, so the two cannot drift apart.
 */

/** How long the collector accepts an event after its `ts` (35 days): older unsent events are pruned. */
export const maxAge = 3024e6;

/** The landing URL's campaign parameters a view carries. */
export const campaignFields = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

/** Free text of up to 200 characters without NUL (an item id, a campaign value). */
export const shortText = /^[^\0]{1,200}$/u;

const key = /^[a-z0-9][a-z0-9_.-]{0,31}$/;
const id = /^[\w-]{1,32}$/;

/** Field checks: a pattern (the value must be a string matching it) or a predicate. */
const checks: Record<string, RegExp | ((value: any) => boolean)> = {
  id,
  type: key,
  ts: Number.isInteger,
  // At most 2048 characters (code points, as the collector counts), http(s), no space or NUL.
  url: (value) => /^https?:\/\/[^\s\0]+$/u.test(value) && [...value].length <= 2048,
  ref: id,
  share: id,
  network: key,
  via: key,
  visitor: /^[\w-]{1,64}$/,
  rating: (value) => Number.isInteger(value) && value >= 1 && value <= 5,
  item: shortText,
  name: /^[^\0]{1,100}$/u,
  value: (value) => typeof value == 'number' && value >= 0 && value <= 1e9,
  currency: /^[A-Z]{3}$/,
  metric: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/,
  referrer: /^[a-z0-9.:[\]-]{1,253}$/,
  ...Object.fromEntries(campaignFields.map((field) => [field, shortText])),
};

/** The first field of `event` the collector would refuse (`share` when a share lacks it), or undefined. */
export function invalidField(event: Record<string, unknown>): string | undefined {
  if (event.type == 'share' && event.share === undefined) return 'share';
  return Object.keys(checks).find((field) => {
    const value = event[field];
    const check = checks[field];
    return value !== undefined && !(check instanceof RegExp ? typeof value == 'string' && check.test(value) : check(value));
  });
}
