// @ts-check
/** `POST /e`: the beacon endpoint. A request's events are committed before its 2xx. */
import { sql } from 'kysely';
import { groupCommit } from '../commit.js';
import { knownTypes, validateBatch } from '../schema.js';

/** Crawlers that run scripts and would otherwise count as readers. */
const crawler = /bot[/;]|crawler|spider|slurp|facebookexternalhit|lighthouse|pingdom|pagespeed/i;

/** @type {import('fastify').FastifyPluginAsync<import('../app.js').Options>} */
export default async function ingest(app, options) {
  const filterBots = options.bots !== false;
  const store = groupCommit(app.db);

  app.post('/e', { onRequest: [app.cors, app.rateLimit] }, async (request) => {
    // Checklist: origin and rate (onRequest), size and JSON (parser), fields, bots, store.
    const { site, events } = validateBatch(request.body, Date.now());

    if (filterBots && crawler.test(request.headers['user-agent'] ?? '')) {
      const day = new Date().toISOString().slice(0, 10);
      await app.db
        .insertInto('bot_hits')
        .values({ site, day, hits: 1 })
        .onConflict((oc) => oc.columns(['site', 'day']).doUpdateSet({ hits: sql`bot_hits.hits + 1` }))
        .execute();
      return { stored: 0, duplicates: 0, bot: true };
    }

    const rows = events.map((e) => ({
      site,
      id: e.id,
      type: e.type,
      known: knownTypes.has(e.type) ? 1 : 0,
      ts: e.ts,
      url: e.url,
      ref: e.ref ?? null,
      share: e.share ?? null,
      network: e.network ?? null,
      via: e.via ?? null,
      visitor: e.visitor ?? null,
      rating: e.rating ?? null,
      item: e.item ?? null,
      name: e.name ?? null,
      value: e.value ?? null,
      currency: e.currency ?? null,
      metric: e.metric ?? null,
    }));
    const stored = await store(rows);
    return { stored, duplicates: rows.length - stored };
  });
}
