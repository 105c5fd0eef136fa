/**
 * `POST /e`: the beacon endpoint. Each event is judged on its own: the valid ones are
 * stored, the others answered as rejected. A request's events are committed before its 2xx.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { groupCommit, type EventRow } from '../commit.js';
import { clientKey } from '../client.js';
import { defaultRate, httpError } from '../hooks.js';
import { siteQuotas } from '../quota.js';
import { envelopeSchema, eventFields, knownTypes, validateEvents } from '../schema.js';
import type { Options } from '../types.js';
import { fixedWindow } from '../window.js';

/** Crawlers that run scripts and would otherwise count as readers. */
const crawler = /bot[/;]|crawler|spider|slurp|facebookexternalhit|lighthouse|pingdom|pagespeed/i;

/** Default quotas per site; collector/README.md ("Security model") says why these. */
const defaultQuotas = { events: 60_000, urls: 50_000 };

const ingest: FastifyPluginAsyncTypebox<Options> = async (app, options) => {
  const filterBots = options.bots !== false;
  const store = groupCommit(app.db, app.dialect, app.lineage, app.webhooks);
  const quotas = siteQuotas({ events: options.quotaEvents ?? defaultQuotas.events, urls: options.quotaUrls ?? defaultQuotas.urls });
  // Sites are the client's to name, so per-site quotas alone do not bound one address:
  // it may send ten events a request on average (a page's burst is a view and its vitals).
  const maxClientEvents = 10 * (options.rateLimit ?? defaultRate);
  const clientEvents = fixedWindow(60_000);

  // NUL characters are refused per field by the event schema, so that they cost one event only.
  const route = { onRequest: [app.cors, app.rateLimit], config: { nulPerField: true }, schema: { body: envelopeSchema } };
  app.post('/e', route, async (request, reply) => {
    // Checklist: origin and rate (onRequest), size and JSON (parser), envelope (schema), the
    // address's events a minute, the site's events a minute, each event's fields, the site's new urls a day, bots, store.
    const { site, events } = request.body;
    const now = Date.now();
    if (maxClientEvents && clientEvents.add(clientKey(request.ip), events.length, now) > maxClientEvents) {
      reply.header('retry-after', String(clientEvents.retryAfter(now)));
      throw httpError(429, `rate limit of ${maxClientEvents} events per 60 s exceeded`);
    }
    const over = quotas.countEvents(site, events.length, now);
    if (over) {
      reply.header('retry-after', String(over.retryAfter));
      throw httpError(429, over.reason);
    }
    const { valid, rejected } = validateEvents(events, now);
    let overUrls: string | undefined;
    const admitted = [];
    for (const { index, event } of valid) {
      const reason = quotas.admitUrl(site, event.url, now);
      if (reason) rejected.push({ index, error: `events/${index}/url: ${(overUrls = reason)}` });
      else admitted.push(event);
    }
    if (admitted.length === 0) {
      if (overUrls === undefined) throw httpError(400, `no valid event: ${rejected[0].error}`);
      reply.header('retry-after', String(quotas.urlsRetryAfter(now)));
      throw httpError(429, overUrls);
    }
    if (overUrls !== undefined) rejected.sort((a, b) => a.index - b.index);

    if (filterBots && crawler.test(request.headers['user-agent'] ?? '')) {
      const day = new Date(now).toISOString().slice(0, 10);
      await app.db
        .insertInto('bot_hits')
        .values({ site, day, hits: 1 })
        .onConflict((oc) => oc.columns(['site', 'day']).doUpdateSet({ hits: sql`bot_hits.hits + 1` }))
        .execute();
      return { accepted: 0, duplicates: 0, rejected, bot: true };
    }

    const rows = admitted.map((e) => {
      // Every field of the wire format, null where the event has none: one column list, one INSERT text.
      const row: EventRow = { site, known: knownTypes.has(e.type) ? 1 : 0 };
      for (const field of eventFields) row[field] = e[field] ?? null;
      return row;
    });
    const accepted = await store(rows);
    return { accepted, duplicates: rows.length - accepted, rejected };
  });
};
export default ingest;
