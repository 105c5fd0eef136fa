/**
 * `GET /api/report`: the marketer report of a page, or the site overview without `url`,
 * computed off the event loop (reports.ts). One over its time limit answers 503.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { httpError } from '../hooks.js';
import { overviewOrders } from '../report.js';
import { ReportTimeout } from '../reports.js';
import { pageUrl, siteName } from '../schema.js';
import { oneOf } from '../validation.js';

/** A time bound as given: ms since the epoch or an ISO 8601 date. */
const bound = Type.String({ minLength: 1, maxLength: 64 });

/** Without `url`, the site overview, whose pages `sort` orders and `limit` cuts. */
const reportQuery = Type.Object({
  url: Type.Optional(pageUrl),
  site: Type.Optional(siteName),
  from: Type.Optional(bound),
  to: Type.Optional(bound),
  sort: oneOf(overviewOrders, { default: 'views' }),
  limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
});

/** A time bound in ms since the epoch. */
function instant(value: string | undefined, name: string) {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(ms)) throw httpError(400, `querystring/${name} must be ms since the epoch or an ISO 8601 date`, name);
  return ms;
}

/** Seconds a client should wait before asking again for a report that ran out of time. */
const retryAfter = 60;

const report: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/report', { onRequest: app.requireRight('read'), schema: { querystring: reportQuery } }, async (request, reply) => {
    const { query } = request;
    const range = { site: query.site, from: instant(query.from, 'from'), to: instant(query.to, 'to') };
    reply.header('cache-control', 'no-store');
    try {
      if (query.url !== undefined) return await app.reports.run('page', { ...range, url: query.url });
      return await app.reports.run('overview', range, { sort: query.sort, limit: query.limit });
    } catch (error) {
      if (!(error instanceof ReportTimeout)) throw error;
      const seconds = app.reports.timeout / 1000;
      // Neither the token nor the client's address: only what was asked for.
      request.log.warn({ report: query.url === undefined ? 'overview' : 'page', site: query.site }, `report cancelled at its time limit of ${seconds} s`);
      return reply
        .code(503)
        .header('retry-after', String(retryAfter))
        .send({ statusCode: 503, error: 'Service Unavailable', message: `the report took longer than its time limit of ${seconds} s and was cancelled: narrow the range, or retry later` });
    }
  });
};
export default report;
