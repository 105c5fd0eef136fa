/**
 * The contract's wire format, defined once with TypeBox (the JSON Schema and the static
 * type) and compiled once by Ajv (a compiled validator costs microseconds per batch). The
 * envelope is the route's body schema and fails the request (validation.ts); then each
 * event is checked on its own, so that one bad event costs only itself. Strict: no type
 * coercion, unknown fields are dropped rather than stored.
 *
 * The tracker checks the same limits before queuing (src/track/limits.ts);
 * test/limits.test.js runs both on the same events.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { bodyAjv, reason } from './validation.js';

/** Event types of contract v1. Others are stored with `known = 0` (see README). */
export const knownTypes = new Set(['view', 'share', 'review', 'convert', 'vitals']);

/** Clients queue events for at most the 30-day attribution window; clocks drift a little. */
export const maxAgeMs = 35 * 24 * 3600_000;
export const maxAheadMs = 24 * 3600_000;

/** The largest `value` (a conversion's amount, a vital's measure): sums of a million stay exact. */
export const maxValue = 1e9;

const idOf = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+$' });
const id = idOf(32);
/** A reader's id, as trackers send it with consent and erasure names it. */
export const visitorId = idOf(64);
const key = (pattern = '^[a-z0-9][a-z0-9_.-]*$') => Type.String({ minLength: 1, maxLength: 32, pattern });
/** Free text; PostgreSQL refuses NUL characters, so they are refused here already. */
export const text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength, pattern: '^[^\\u0000]*$' });

/** A site's name, as batches give it and reports and exports are asked for it. */
export const siteName = text(100);

/** A page's address, as events name it and reports, counts and exports are asked for it. */
export const pageUrl = Type.String({ maxLength: 2048, pattern: '^https?://[^\\s\\u0000]+$' });

/** The contract's wire format of one event, written once: Ajv validates with it, TypeScript types with it. */
const eventSchema = Type.Object(
  {
    id,
    type: key(),
    ts: Type.Integer(),
    url: pageUrl,
    ref: Type.Optional(id),
    share: Type.Optional(id),
    network: Type.Optional(key()),
    via: Type.Optional(key()),
    visitor: Type.Optional(visitorId),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    item: Type.Optional(text(200)),
    name: Type.Optional(text(100)),
    value: Type.Optional(Type.Number({ minimum: 0, maximum: maxValue })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    // web-vitals names its metrics in capitals: LCP, CLS, INP, FCP, TTFB.
    metric: Type.Optional(key('^[A-Za-z0-9][A-Za-z0-9_.-]*$')),
    // A view's arrival (PRODUCT.md, "What a view records about the arrival"): the referring
    // site's host alone (never its path or query), and the landing URL's campaign.
    referrer: Type.Optional(Type.String({ minLength: 1, maxLength: 253, pattern: '^[a-z0-9.:\\[\\]-]+$' })),
    utm_source: Type.Optional(text(200)),
    utm_medium: Type.Optional(text(200)),
    utm_campaign: Type.Optional(text(200)),
    utm_term: Type.Optional(text(200)),
    utm_content: Type.Optional(text(200)),
  },
  // A share without the id it minted cannot be linked to its visits.
  { if: { properties: { type: { const: 'share' } } }, then: { required: ['share'] } },
);

/** The body of `POST /e`: a batch of events of one site. */
export const envelopeSchema = Type.Object({
  // `const` alone (Type.Literal adds `type`): `"v": 2` is answered "must be equal to constant".
  v: Type.Unsafe<1>({ const: 1 }),
  site: siteName,
  // Events are checked one by one (validateEvents), so one bad event costs only itself.
  events: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }),
});

/** An event as the schema admits it (the contract's wire format). */
export type WireEvent = Static<typeof eventSchema>;

/** The event's fields in the schema's order: the columns ingest stores and the export lists. */
export const eventFields = Object.keys(eventSchema.properties) as (keyof WireEvent)[];
/** An event refused, by its index in the batch. */
export interface Rejection {
  index: number;
  error: string;
}

/** Compiled by the same Ajv as every request body, so that rejections read alike. */
const checkEvent = (bodyAjv.compile(eventSchema) as ValidateFunction<WireEvent>);

/**
 * Splits a batch's events into the valid ones and the rejected ones, each rejection
 * naming its problem, e.g. `{index: 3, error: "events/3/id must NOT have more than 32 characters"}`.
 *
 * @param now server time, ms
 */
export function validateEvents(events: unknown[], now: number): { valid: { index: number; event: WireEvent; }[]; rejected: Rejection[]; } {
  const valid: { index: number; event: WireEvent; }[] = [];
  const rejected: Rejection[] = [];
  events.forEach((event, index) => {
    const at = `events/${index}`;
    if (!checkEvent(event)) rejected.push({ index, error: reason(checkEvent.errors ?? [], at) });
    else if (event.ts < now - maxAgeMs || event.ts > now + maxAheadMs) {
      rejected.push({ index, error: `${at}/ts ${event.ts} is outside the accepted window (35 days back, 1 day ahead)` });
    } else valid.push({ index, event });
  });
  return { valid, rejected };
}
