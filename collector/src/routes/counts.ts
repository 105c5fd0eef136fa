/** `GET /api/counts?url=U`: public share totals per network, for `<wom-share counts>`. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { pageUrl } from '../schema.js';

const query = Type.Object({ url: pageUrl });

const counts: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/counts', { onRequest: [app.cors, app.rateLimit], schema: { querystring: query } }, async (request, reply) => {
    const { url } = request.query;
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
};
export default counts;
