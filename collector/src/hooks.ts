/**
 * Request gates shared by every route module (ingest, counts, report, reviews…).
 * Each factory returns a Fastify `onRequest` hook; app.ts decorates the app with them
 * as `app.cors` and `app.rateLimit` (the token gates are in access.ts).
 */
import type { onRequestHookHandler } from 'fastify';
import { clientKey } from './client.js';
import { fixedWindow } from './window.js';

type Hook = onRequestHookHandler;

/**
 * An Error that Fastify answers with `status` and `{statusCode, error, message}`, plus
 * `field` when one field of the request is to blame.
 */
export function httpError(status: number, message: string, field?: string) {
  return Object.assign(new Error(message), { statusCode: status }, field === undefined ? {} : { field });
}

/**
 * CORS for the endpoints the widgets call from other origins. With an allow-list, a
 * request whose `Origin` is not on it gets 403; without one, every origin may call.
 * Requests without `Origin` (servers, curl) are not pages and pass: `Origin` is a
 * browser's statement, not authentication.
 *
 * @param origins allowed origins, e.g. `https://blog.example`; empty: any
 */
export function cors(origins: string[]): Hook {
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

/** Requests a minute per client address unless `--rate` says otherwise. */
export const defaultRate = 1200;

/**
 * An in-memory fixed-window limit per client (its address, an IPv6 one by its /64).
 * Nothing is persisted, and addresses live in memory for one window at most.
 *
 * @param options `max` requests per window per
 *   client (0 disables the limit); the window is a minute unless given.
 */
export function rateLimiter({ max, windowMs = 60_000 }: { max: number; windowMs?: number; }): Hook {
  const hits = fixedWindow(windowMs);
  return function rateLimitHook(request, reply, done) {
    if (!max) return done();
    const now = Date.now();
    if (hits.add(clientKey(request.ip), 1, now) <= max) return done();
    reply.header('retry-after', String(hits.retryAfter(now)));
    done(httpError(429, `rate limit of ${max} requests per ${windowMs / 1000} s exceeded`));
  };
}
