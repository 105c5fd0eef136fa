/**
 * The collector as a Fastify app. `build(options)` opens the database, runs the
 * migrations and registers the routes; the caller listens (see bin/wom-collector.ts).
 *
 * Extension points for further route modules (reviews…): add the plugin to `routes`,
 * its tables to `migrations`, guard its handlers with `app.cors`, `app.rateLimit` and
 * `app.requireRight(right)`, and register an eraser in `app.erasers` if it stores visitor ids.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import { trustedProxies } from './client.js';
import { openDatabase } from './db.js';
import { errorHandler, refuseAmbiguousUrls, nulField } from './edge.js';
import { accessControl } from './access.js';
import { cors, defaultRate, httpError, rateLimiter } from './hooks.js';
import { migrate } from './migrations.js';
import { reportRunner } from './reports.js';
import { dayMs, lineageKeeper } from './lineage.js';
import { prepareMonths } from './partitions.js';
import { expireEvents, retentionCutoff } from './retention.js';
import admin from './routes/admin.js';
import counts from './routes/counts.js';
import dashboard from './routes/dashboard.js';
import ingest from './routes/ingest.js';
import report from './routes/report.js';
import reviews from './routes/reviews.js';
import webhookRoutes from './routes/webhooks.js';
import type { Database, Options } from './types.js';
import { schemaErrorFormatter, validatorCompiler } from './validation.js';
import { webhooks, webhookTargets } from './webhooks/index.js';

export type { Options } from './types.js';

/** Route modules, each a Fastify plugin registered with the build options. */
const routes = [ingest, counts, report, admin, reviews, webhookRoutes, dashboard];


function loggerOptions(logger: boolean | object | undefined) {
  if (!logger) return false;
  const serializers = {
    // No client address, token or body in any log line: error logs carry the request too.
    req: (req: any) => ({ method: req.method, url: req.url }),
    // Not the driver's `detail` or parameters, which may quote stored values.
    err: (err: any) => ({ type: err.name, code: err.code, message: err.message, stack: err.stack }),
  };
  return { level: 'warn', ...(logger === true ? {} : logger), serializers };
}

/**
 * `https://Blog.Example:443/` as the browser sends it in `Origin`: `https://blog.example`.
 */
function normalisedOrigin(entry: string) {
  const origin = URL.canParse(entry) ? new URL(entry).origin : 'null';
  if (origin === 'null') throw new Error(`--origins entries are origins like https://blog.example, got "${entry}"`);
  return origin;
}

export async function build(options: Options = {}) {
  const token = options.token || randomBytes(18).toString('base64url');
  const origins = (typeof options.origins === 'string' ? options.origins.split(',') : (options.origins ?? []))
    .map((o) => o.trim())
    .filter(Boolean)
    .map(normalisedOrigin);
  // A short or reused token fails here, before anything opens.
  const access = accessControl({ admin: token, report: options.reportToken, moderation: options.moderationToken });
  const trustProxy = trustedProxies(options.trustProxy);
  const timeouts = { headers: 10_000, request: 15_000, keepAlive: 5_000, ...options.timeouts };
  const retention = options.retention ?? '13mo';
  retentionCutoff(retention, Date.now()); // a bad period fails here, before anything opens
  webhookTargets(options.webhooks); // so does a target that is no URL
  const webhookSecret = options.webhookSecret || randomBytes(24).toString('base64url');
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
    trustProxy,
    // Slow clients may not hold a connection: headers, then the whole body, then idleness.
    requestTimeout: timeouts.request,
    keepAliveTimeout: timeouts.keepAlive,
    // Node checks the header and request timeouts every `connectionsCheckingInterval` (30 s by default).
    http: { headersTimeout: timeouts.headers, connectionsCheckingInterval: Math.min(1000, timeouts.headers) },
    // Unique across restarts and processes, so that a 5xx's id finds its log line.
    genReqId: () => randomUUID(),
    // Every route's schemas are compiled and their refusals worded as ingest's (validation.ts).
    schemaErrorFormatter,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.server.maxConnections = options.maxConnections ?? 2048;
  // Node times out headers only once they begin: a connection that sends nothing is closed
  // after the header timeout too. A request in progress is requestTimeout's (a long
  // report sends nothing for a while and must not be cut).
  app.server.on('connection', (socket) => socket.setTimeout(timeouts.headers));
  app.server.on('request', (request) => request.socket.setTimeout(0));
  app.decorate('db', db);
  app.decorate('dialect', dialect);
  app.decorate('lineage', lineageKeeper(db, dialect, { onError: (error) => app.log.error(error, 'rebuilding lineage failed') }));
  app.decorate('womToken', token);
  app.decorate('cors', cors(origins));
  app.decorate('rateLimit', rateLimiter({ max: options.rateLimit ?? defaultRate }));
  app.decorate('requireRight', access.requireRight);
  app.decorate('levelOf', access.levelOf);
  app.decorate('erasers', new Map([['events', eraseEvents]]));
  app.decorate('purgeExpired', purgeExpired);
  app.decorate('reports', reportRunner({ location: options.db ?? 'wom.db', timeout: options.reportTimeout ?? 30_000 }));
  app.decorate('webhookSecret', webhookSecret);
  app.decorate(
    'webhooks',
    webhooks(db, dialect, { targets: options.webhooks, secret: webhookSecret, previousSecret: options.webhookPreviousSecret, allowPrivate: options.webhookAllowPrivate, timeout: options.webhookTimeout, schedule: options.webhookSchedule }, app.log),
  );

  app.setErrorHandler(errorHandler);
  app.addHook('onRequest', refuseAmbiguousUrls);
  // The widgets send JSON as text/plain (no CORS preflight): read every body as JSON.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const text = (body as string);
    if (text === '') return done(httpError(400, 'body is empty'), undefined);
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return done(httpError(400, `body is not valid JSON: ${(error as Error).message}`), undefined);
    }
    // PostgreSQL refuses NUL in text: refuse it here, on every route and database alike
    // (ingest refuses it per event instead). Only a body with the escape is walked.
    const field = text.includes('\\u0000') && !request.routeOptions.config.nulPerField ? nulField(value) : undefined;
    if (field !== undefined) return done(httpError(400, `${field || 'body'} contains a NUL character`, field || undefined), undefined);
    done(null, value);
  });
  // Preflights of the widget-facing endpoints (the hook adds the CORS headers or 403s).
  app.options('*', { onRequest: app.cors }, (_request, reply) => reply.code(204).send());

  for (const route of routes) await app.register(route, options);

  /** Deletes events older than the retention period; returns how many. */
  async function purgeExpired() {
    const now = Date.now();
    const cutoff = retentionCutoff(retention, now);
    if (cutoff === undefined) return 0;
    // Whole UTC days, so that the overview's daily counts go with their events.
    const days = Math.floor(cutoff / dayMs);
    const deleted = await expireEvents(db, dialect, days * dayMs, now);
    await db.deleteFrom('page_days').where('day', '<', days).execute();
    for (const table of ['shares', 'unresolved']) await db.deleteFrom(table).where('ts', '<', days * dayMs).execute();
    await db.deleteFrom('bot_hits').where('day', '<', new Date(days * dayMs).toISOString().slice(0, 10)).execute();
    return deleted;
  }
  /** PostgreSQL: the months ingest may write into, made ahead (partitions.ts). */
  const prepare = async () => {
    if (dialect === 'postgres') await prepareMonths(db, Date.now());
  };
  const purge = () =>
    Promise.all([
      purgeExpired().catch((error) => app.log.error(error, 'retention purge failed')),
      app.webhooks.forget(Date.now()).catch((error) => app.log.error(error, 'purging the webhook log failed')),
    ]);
  const daily = () => prepare().catch((error) => app.log.error(error, 'making the coming months failed')).then(purge);
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    // Before the first event: a collector that cannot make its partitions does not start.
    await prepare();
    await purge();
    timer = setInterval(daily, dayMs).unref();
    app.webhooks.start();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await app.webhooks.close();
    await app.lineage.close();
    await app.reports.close();
    await db.destroy();
  });
  return app;
}

async function eraseEvents(trx: Database, visitor: string) {
  // The pages' lineage and counts are rebuilt without the visitor's events (admin.ts runs the rebuild).
  await trx
    .insertInto('stale_pages')
    .columns(['site', 'url'])
    .expression(trx.selectFrom('events').select(['site', 'url']).distinct().where('visitor', '=', visitor))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const [result] = await trx.deleteFrom('events').where('visitor', '=', visitor).execute();
  return Number(result.numDeletedRows);
}
