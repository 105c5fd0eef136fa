// @ts-check
/** Starts the collector on a loopback port and talks to it over real HTTP. */
import { after, before } from 'node:test';
import { build } from '../../dist/src/app.js';

export const token = 'test-token-0123456789';

/**
 * @param {import('../../dist/src/app.js').Options} options
 */
export async function start(options) {
  const app = await build({ token, logger: false, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  const base = `http://127.0.0.1:${port}`;

  /** @param {string} path @param {RequestInit} [init] */
  const request = async (path, init) => {
    const response = await fetch(base + path, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    app,
    base,
    request,
    /** POSTs a body (an object is sent as JSON in text/plain, as the tracker does). */
    post: (/** @type {string} */ path, /** @type {unknown} */ body, /** @type {Record<string, string>} */ headers = {}) =>
      request(path, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
      }),
    /** GETs with the Bearer token. */
    authorized: (/** @type {string} */ path, /** @type {RequestInit} */ init = {}) =>
      request(path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }),
  };
}

/** @typedef {Awaited<ReturnType<typeof start>>} Collector */

let counter = 0;
/** A fresh event id. */
export const id = () => `e${(counter++).toString(36)}${Date.now().toString(36)}`;

export const page = 'https://blog.example/post';

/**
 * Wire events with defaults: now, the test page, a fresh id.
 * @param {Record<string, unknown>} fields
 */
export const event = (fields) => ({ id: id(), ts: Date.now(), url: page, ...fields });
export const view = (/** @type {Record<string, unknown>} */ fields = {}) => event({ type: 'view', ...fields });
export const share = (/** @type {string} */ shareId, /** @type {Record<string, unknown>} */ fields = {}) =>
  event({ type: 'share', share: shareId, network: 'x', via: 'button', ...fields });

/** @param {unknown[]} events @param {string} [site] */
export const batch = (events, site = 'blog') => ({ v: 1, site, events });

/**
 * Starts a collector on a fresh database before the suite and stops it after; the
 * returned object holds both while the suite runs (tests may restart the collector).
 * @param {{ create: () => Promise<import('./databases.js').TestDatabase> }} database
 * @param {import('../../dist/src/app.js').Options} [options]
 */
export function collectorOn(database, options = {}) {
  const running = /** @type {{ db: import('./databases.js').TestDatabase, collector: Collector }} */ ({});
  before(async () => {
    running.db = await database.create();
    running.collector = await start({ db: running.db.url, rateLimit: 0, ...options });
  });
  after(async () => {
    await running.collector?.app.close();
    await running.db?.drop();
  });
  return running;
}
