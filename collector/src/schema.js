// @ts-check
/**
 * Ingest validation for the contract's wire format, compiled once by Ajv (a compiled
 * validator costs microseconds per batch). Strict: no type coercion, unknown fields are
 * dropped rather than stored.
 */
import { Ajv } from 'ajv';
import { httpError } from './hooks.js';

/** Event types of contract v1. Others are stored with `known = 0` (see README). */
export const knownTypes = new Set(['view', 'share', 'review', 'convert', 'vitals']);

/** Clients queue events for at most the 30-day attribution window; clocks drift a little. */
const maxAgeMs = 35 * 24 * 3600_000;
const maxAheadMs = 24 * 3600_000;

const id = { type: 'string', minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' };
const key = { type: 'string', minLength: 1, maxLength: 32, pattern: '^[a-z0-9][a-z0-9_.-]*$' };
/** Free text; PostgreSQL refuses NUL characters, so they are refused here already. */
const text = (/** @type {number} */ maxLength) => ({ type: 'string', minLength: 1, maxLength, pattern: '^[^\\u0000]+$' });

const event = {
  type: 'object',
  required: ['id', 'type', 'ts', 'url'],
  properties: {
    id,
    type: key,
    ts: { type: 'integer' },
    url: { type: 'string', maxLength: 2048, pattern: '^https?://[^\\s\\u0000]+$' },
    ref: id,
    share: id,
    network: key,
    via: key,
    visitor: { ...id, maxLength: 64 },
    rating: { type: 'integer', minimum: 1, maximum: 5 },
    item: text(200),
    name: text(100),
    value: { type: 'number' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    // web-vitals names its metrics in capitals: LCP, CLS, INP, FCP, TTFB.
    metric: { ...key, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
  },
  // A share without the id it minted cannot be linked to its visits.
  if: { properties: { type: { const: 'share' } } },
  then: { required: ['share'] },
};

export const batchSchema = {
  type: 'object',
  required: ['v', 'site', 'events'],
  properties: {
    v: { const: 1 },
    site: text(100),
    events: { type: 'array', minItems: 1, maxItems: 1000, items: event },
  },
};

/**
 * @typedef {{ id: string, type: string, ts: number, url: string, ref?: string,
 *   share?: string, network?: string, via?: string, visitor?: string, rating?: number,
 *   item?: string, name?: string, value?: number, currency?: string, metric?: string }} WireEvent
 * @typedef {{ v: 1, site: string, events: WireEvent[] }} Batch
 */

const ajv = new Ajv({ removeAdditional: true, allErrors: false, coerceTypes: false });
const check = /** @type {import('ajv').ValidateFunction<Batch>} */ (ajv.compile(batchSchema));

/**
 * Returns the batch if it is valid, else throws a 400 naming the first problem,
 * e.g. `events/3/id must NOT have more than 32 characters`.
 *
 * @param {unknown} body
 * @param {number} now server time, ms
 * @returns {Batch}
 */
export function validateBatch(body, now) {
  if (!check(body)) {
    const [error] = /** @type {import('ajv').ErrorObject[]} */ (check.errors);
    const where = error.instancePath.slice(1) || 'body';
    throw httpError(400, `${where} ${error.message}`);
  }
  body.events.forEach((e, i) => {
    if (e.ts < now - maxAgeMs || e.ts > now + maxAheadMs) {
      throw httpError(400, `events/${i}/ts ${e.ts} is outside the accepted window (35 days back, 1 day ahead)`);
    }
  });
  return body;
}
