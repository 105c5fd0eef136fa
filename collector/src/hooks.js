// @ts-check
/**
 * Request gates shared by every route module (ingest, counts, report, reviews…).
 * Each factory returns a Fastify `onRequest` hook; app.js decorates the app with them
 * as `app.cors`, `app.rateLimit` and `app.requireToken`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** @typedef {import('fastify').onRequestHookHandler} Hook */

/**
 * An Error that Fastify answers with `status` and `{statusCode, error, message}`.
 * @param {number} status
 * @param {string} message
 */
export function httpError(status, message) {
  return Object.assign(new Error(message), { statusCode: status });
}

/**
 * CORS for the endpoints the widgets call from other origins. With an allow-list, a
 * request whose `Origin` is not on it gets 403; without one, every origin may call.
 * Requests without `Origin` (servers, curl) are not pages and pass: `Origin` is a
 * browser's statement, not authentication.
 *
 * @param {string[]} origins allowed origins, e.g. `https://blog.example`; empty: any
 * @returns {Hook}
 */
export function cors(origins) {
  const allowed = new Set(origins);
  return function corsHook(request, reply, done) {
    const origin = request.headers.origin;
    if (origin === undefined) return done();
    if (allowed.size > 0 && !allowed.has(origin)) {
      return done(httpError(403, `origin ${origin} is not allowed to call this collector`));
    }
    reply.header('access-control-allow-origin', allowed.size > 0 ? origin : '*');
    if (allowed.size > 0) reply.header('vary', 'Origin');
    if (request.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400');
    }
    done();
  };
}

/**
 * An in-memory fixed-window limit per client address. Nothing is persisted and the
 * table is dropped at every window, so addresses live at most one window in memory.
 *
 * @param {{ max: number, windowMs?: number }} options `max` requests per window per
 *   address (0 disables the limit); the window is a minute unless given.
 * @returns {Hook}
 */
export function rateLimiter({ max, windowMs = 60_000 }) {
  /** @type {Map<string, number>} */
  let hits = new Map();
  let windowEnd = 0;
  return function rateLimitHook(request, reply, done) {
    if (!max) return done();
    const now = Date.now();
    if (now >= windowEnd) {
      hits = new Map();
      windowEnd = now + windowMs;
    }
    const count = (hits.get(request.ip) ?? 0) + 1;
    hits.set(request.ip, count);
    if (count <= max) return done();
    reply.header('retry-after', String(Math.ceil((windowEnd - now) / 1000)));
    done(httpError(429, `rate limit of ${max} requests per ${windowMs / 1000} s exceeded`));
  };
}

/** @param {string} value */
const digest = (value) => createHash('sha256').update(value).digest();

/**
 * Requires `Authorization: Bearer <token>`, compared in constant time (both sides are
 * hashed first, so neither the token nor its length leaks through timing).
 *
 * @param {string} token
 * @returns {Hook}
 */
export function requireToken(token) {
  const expected = digest(token);
  return function requireTokenHook(request, reply, done) {
    const [scheme, given] = (request.headers.authorization ?? '').split(' ');
    if (scheme === 'Bearer' && given && timingSafeEqual(digest(given), expected)) return done();
    reply.header('www-authenticate', 'Bearer');
    done(httpError(401, 'a valid "Authorization: Bearer <token>" header is required'));
  };
}
