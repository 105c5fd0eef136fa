// @ts-check
/**
 * The collector as a Fastify app. `build(options)` opens the database, runs the
 * migrations and registers the routes; the caller listens (see bin/wom-collector.js).
 *
 * Extension points for further route modules (reviews…): add the plugin to `routes`,
 * its tables to `migrations`, guard its handlers with `app.cors`, `app.rateLimit` and
 * `app.requireToken`, and register an eraser in `app.erasers` if it stores visitor ids.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import { openDatabase } from './db.js';
import { cors, httpError, rateLimiter, requireToken } from './hooks.js';
import { migrate } from './migrations.js';
import { reportRunner } from './reports.js';
import { retentionCutoff } from './retention.js';
import admin from './routes/admin.js';
import counts from './routes/counts.js';
import dashboard from './routes/dashboard.js';
import ingest from './routes/ingest.js';
import report from './routes/report.js';
import reviews from './routes/reviews.js';

export { cors, httpError, rateLimiter, requireToken } from './hooks.js';
export { migrations } from './migrations.js';

/**
 * @typedef {object} Options
 * @property {string} [db] SQLite file path, or a `postgres://` URL. Default `wom.db`.
 * @property {string} [token] Bearer token for the report and erasure; generated when absent
 *   (read it back from `app.womToken`).
 * @property {string[] | string} [origins] page origins allowed to call (array or comma list);
 *   empty: any origin.
 * @property {number} [rateLimit] requests per minute per client address; 0 disables. Default 1200.
 * @property {string | number} [retention] how long events are kept: `13mo` (default), `30d`,
 *   `2y`, ms, or `off`.
 * @property {'auto' | 'all'} [moderation] reviews: `all` holds every review for moderation; `auto`
 *   (default) publishes clean ones and holds suspicious ones.
 * @property {string} [moderationToken] token for moderating reviews; defaults to `token`.
 * @property {boolean} [bots] drop (and count) events from well-known crawlers. Default true.
 * @property {boolean | object} [logger] Fastify logger options; request lines are never logged.
 * @property {boolean | string | string[]} [trustProxy] trust `X-Forwarded-For` (behind a proxy).
 * @property {number} [reportTimeout] ms a report may take before it is cancelled (503). Default 30 s.
 */

/** Route modules, each a Fastify plugin registered with the build options. */
export const routes = [ingest, counts, report, admin, reviews, dashboard];

const day = 24 * 3600_000;

/** @param {boolean | object | undefined} logger */
function loggerOptions(logger) {
  if (!logger) return false;
  // No client address in any log line: error logs carry the request too.
  const serializers = { req: (/** @type {any} */ req) => ({ method: req.method, url: req.url }) };
  return { ...(logger === true ? {} : logger), serializers };
}

/** @param {Options} [options] */
export async function build(options = {}) {
  const token = options.token || randomBytes(18).toString('base64url');
  const origins =
    typeof options.origins === 'string'
      ? options.origins.split(',').map((o) => o.trim()).filter(Boolean)
      : (options.origins ?? []);
  const retention = options.retention ?? '13mo';
  retentionCutoff(retention, Date.now()); // a bad period fails here, before anything opens
  const { db, dialect } = await openDatabase(options.db ?? 'wom.db');
  try {
    await migrate(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const app = Fastify({
    logger: loggerOptions(options.logger),
    // No line per request: at 1,000 requests/s logging would cost more than storing.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  app.decorate('db', db);
  app.decorate('dialect', dialect);
  app.decorate('womToken', token);
  app.decorate('cors', cors(origins));
  app.decorate('rateLimit', rateLimiter({ max: options.rateLimit ?? 1200 }));
  app.decorate('requireToken', requireToken(token));
  app.decorate('erasers', new Map([['events', eraseEvents]]));
  app.decorate('purgeExpired', purgeExpired);
  app.decorate('reports', reportRunner({ location: options.db ?? 'wom.db', timeout: options.reportTimeout ?? 30_000 }));

  // The widgets send JSON as text/plain (no CORS preflight): read every body as JSON.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(httpError(400, 'body is empty'), undefined);
    try {
      done(null, JSON.parse(/** @type {string} */ (body)));
    } catch (error) {
      done(httpError(400, `body is not valid JSON: ${/** @type {Error} */ (error).message}`), undefined);
    }
  });
  // Preflights of the widget-facing endpoints (the hook adds the CORS headers or 403s).
  app.options('*', { onRequest: app.cors }, (request, reply) => reply.code(204).send());

  for (const route of routes) await app.register(route, options);

  /** Deletes events older than the retention period; returns how many. */
  async function purgeExpired() {
    const cutoff = retentionCutoff(retention, Date.now());
    if (cutoff === undefined) return 0;
    const [result] = await db.deleteFrom('events').where('ts', '<', cutoff).execute();
    await db.deleteFrom('bot_hits').where('day', '<', new Date(cutoff).toISOString().slice(0, 10)).execute();
    return Number(result.numDeletedRows);
  }
  const purge = () => purgeExpired().catch((error) => app.log.error(error, 'retention purge failed'));
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  app.addHook('onReady', async () => {
    await purge();
    timer = setInterval(purge, day).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await app.reports.close();
    await db.destroy();
  });
  return app;
}

/** @type {import('./types.js').Eraser} */
async function eraseEvents(trx, visitor) {
  const [result] = await trx.deleteFrom('events').where('visitor', '=', visitor).execute();
  return Number(result.numDeletedRows);
}
