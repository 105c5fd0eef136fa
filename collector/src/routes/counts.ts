/** `GET /api/counts?url=U`: public share totals per network, for `<wom-share counts>`. */
import type { FastifyInstance } from 'fastify';
import { httpError } from '../hooks.js';

export default async function counts(app: FastifyInstance) {
  app.get<{ Querystring: { url?: string } }>('/api/counts', { onRequest: [app.cors, app.rateLimit] }, async (request, reply) => {
    const { url } = request.query;
    if (!url || url.length > 2048) throw httpError(400, 'querystring url is required (at most 2048 characters)');
    const rows = await app.db
      .selectFrom('events')
      .select(['network', (eb) => eb.fn.countAll().as('n')])
      .where('url', '=', url)
      .where('type', '=', 'share')
      .groupBy('network')
      .execute();
    const networks: Record<string, number> = {};
    let total = 0;
    for (const { network, n } of rows) {
      total += Number(n);
      if (network) networks[network] = Number(n);
    }
    // Counts may lag a minute; every page view of a popular page then costs one query a minute.
    reply.header('cache-control', 'public, max-age=60');
    return { url, total, networks };
  });
}
