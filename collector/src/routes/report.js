// @ts-check
/** `GET /api/report`: the marketer report of a page, or the site overview without `url`. */
import { httpError } from '../hooks.js';
import { overviewOrders, pageReport, siteOverview } from '../report.js';

/**
 * A time bound: ms since the epoch or an ISO 8601 date.
 * @param {string | undefined} value
 * @param {string} name
 */
function instant(value, name) {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(ms)) throw httpError(400, `querystring ${name} must be ms since the epoch or an ISO 8601 date`);
  return ms;
}

/** @type {import('fastify').FastifyPluginAsync} */
export default async function report(app) {
  app.get('/api/report', { onRequest: app.requireToken }, async (request, reply) => {
    const query = /** @type {Record<string, string | undefined>} */ (request.query);
    const range = { site: query.site, from: instant(query.from, 'from'), to: instant(query.to, 'to') };
    reply.header('cache-control', 'no-store');
    if (query.url !== undefined) return pageReport(app.db, { ...range, url: query.url });

    const sort = query.sort ?? 'views';
    if (!overviewOrders.includes(sort)) throw httpError(400, `querystring sort must be one of ${overviewOrders.join(', ')}`);
    const limit = Number(query.limit ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw httpError(400, 'querystring limit must be an integer from 1 to 10000');
    return siteOverview(app.db, range, { sort, limit });
  });
}
