/**
 * `GET /api/report`: the marketer report of a page, or the site overview without `url`,
 * computed off the event loop (reports.ts). One over its time limit answers 503.
 */
import type { FastifyInstance } from 'fastify';
import { httpError } from '../hooks.js';
import { overviewOrders } from '../report.js';
import { ReportTimeout } from '../reports.js';

/**
 * A time bound: ms since the epoch or an ISO 8601 date.
 */
function instant(value: string | undefined, name: string) {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(ms)) throw httpError(400, `querystring ${name} must be ms since the epoch or an ISO 8601 date`);
  return ms;
}

/** Seconds a client should wait before asking again for a report that ran out of time. */
const retryAfter = 60;

export default async function report(app: FastifyInstance) {
  app.get<{ Querystring: Record<string, string | undefined> }>('/api/report', { onRequest: app.requireRight('read') }, async (request, reply) => {
    const { query } = request;
    const range = { site: query.site, from: instant(query.from, 'from'), to: instant(query.to, 'to') };
    reply.header('cache-control', 'no-store');
    try {
      if (query.url !== undefined) return await app.reports.run('page', { ...range, url: query.url });
      const sort = query.sort ?? 'views';
      if (!overviewOrders.includes(sort)) throw httpError(400, `querystring sort must be one of ${overviewOrders.join(', ')}`);
      const limit = Number(query.limit ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw httpError(400, 'querystring limit must be an integer from 1 to 10000');
      return await app.reports.run('overview', range, { sort, limit });
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
}
