// @ts-check
/**
 * Reviews for `<wom-review>`: `GET /api/reviews` (published reviews, paged, with the
 * aggregate), `POST /api/reviews` (submit: 201 published, 202 held for moderation), and
 * moderation behind the token. Review text is stored and returned exactly as written:
 * it is untrusted, and every consumer renders it as text.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { rateLimiter, requireToken } from '../hooks.js';

/** The limits the widget mirrors in its form. */
export const limits = { item: 200, site: 200, text: 5000, author: 80 };

/** People take longer than this to rate and write; scripts post at once. */
const minFillMs = 3000;

/** A link in a review is the mark of spam: hold it for a person to look at. */
const link = /https?:\/\/|\bwww\.|\b[a-z0-9-]+\.[a-z]{2,}\/\S/i;

/** @typedef {'published' | 'held' | 'rejected'} ReviewStatus */

let last = 0;
/**
 * Now in ms, never twice the same in this process: the widget pages with
 * `before=<ts of the oldest review shown>`, so two reviews of one millisecond
 * would straddle a page boundary and one would never be shown.
 */
const uniqueNow = () => (last = Math.max(Date.now(), last + 1));

/**
 * Answers 400 naming the field, in Fastify's error shape plus `field`.
 * @param {import('fastify').FastifyReply} reply @param {string} field @param {string} message
 */
const refuse = (reply, field, message) =>
  reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `${field} ${message}`, field });

/** @param {unknown} value @param {number} max */
const isText = (value, max) => typeof value === 'string' && value.length <= max;

/**
 * The first field of a submission the collector refuses, with why; undefined when it is valid.
 * @param {Record<string, unknown>} body
 * @returns {[string, string] | undefined}
 */
function invalidField(body) {
  const { site, item, rating, text, author } = body;
  if (!isText(site, limits.site) || !site) return ['site', `must be a text of 1 to ${limits.site} characters`];
  if (!isText(item, limits.item) || !item) return ['item', `must be a text of 1 to ${limits.item} characters`];
  if (!Number.isInteger(rating) || /** @type {number} */ (rating) < 1 || /** @type {number} */ (rating) > 5) {
    return ['rating', 'must be an integer from 1 to 5'];
  }
  if (text != null && !isText(text, limits.text)) return ['text', `must be a text of at most ${limits.text} characters`];
  if (author != null && !isText(author, limits.author)) {
    return ['author', `must be a text of at most ${limits.author} characters`];
  }
  return undefined;
}

/** Same text, whatever its case and spacing: the key for duplicate detection. @param {string} text */
const fingerprint = (text) => createHash('sha256').update(text.toLowerCase().replace(/\s+/g, ' ').trim()).digest('base64url');

/**
 * Adds `delta` (1 or -1) reviews of `rating` to an item's stored aggregate, so that
 * reading it stays one row whatever the number of reviews.
 * @param {import('kysely').Kysely<any>} trx @param {string} item @param {number} rating @param {1 | -1} delta
 */
async function count(trx, item, rating, delta) {
  const star = `r${rating}`;
  await trx
    .insertInto('review_stats')
    .values({ item, total: 0, points: 0, r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 })
    .onConflict((oc) => oc.column('item').doNothing())
    .execute();
  await trx
    .updateTable('review_stats')
    .set({
      total: sql`total + ${delta}`,
      points: sql`points + ${delta * rating}`,
      [star]: sql`${sql.ref(star)} + ${delta}`,
    })
    .where('item', '=', item)
    .execute();
}

/**
 * @typedef {object} ReviewOptions
 * @property {'auto' | 'all'} [moderation] `all` holds every review; `auto` (default) publishes
 *   clean ones and holds suspicious ones.
 * @property {string} [moderationToken] token for the moderation endpoints; default the app's.
 * @property {number} [reviewRate] reviews per 10 minutes per client address (default 5; 0: no limit).
 * @property {number} [minFillMs] shortest time a person takes to fill the form (default 3000).
 */

/** @type {import('fastify').FastifyPluginAsync<import('../app.js').Options & ReviewOptions>} */
export default async function reviews(app, options) {
  const holdAll = options.moderation === 'all';
  const fillMs = options.minFillMs ?? minFillMs;
  const submitLimit = rateLimiter({ max: options.reviewRate ?? 5, windowMs: 10 * 60_000 });
  const moderator = options.moderationToken ? requireToken(options.moderationToken) : app.requireToken;

  app.get('/api/reviews', { onRequest: [app.cors, app.rateLimit] }, async (request, reply) => {
    const query = /** @type {Record<string, string | undefined>} */ (request.query);
    const { item } = query;
    if (!item || item.length > limits.item) return refuse(reply, 'item', `is required (at most ${limits.item} characters)`);
    const limit = query.limit === undefined ? 10 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) return refuse(reply, 'limit', 'must be an integer from 1 to 50');
    const before = query.before === undefined ? undefined : Number(query.before);
    if (before !== undefined && !Number.isSafeInteger(before)) return refuse(reply, 'before', 'must be a time in ms');

    let page = app.db
      .selectFrom('reviews')
      .select(['rating', 'text', 'author', 'ts'])
      .where('item', '=', item)
      .where('status', '=', 'published');
    if (before !== undefined) page = page.where('ts', '<', before);
    const [rows, stats] = await Promise.all([
      page.orderBy('ts', 'desc').orderBy('id', 'desc').limit(limit).execute(),
      app.db.selectFrom('review_stats').selectAll().where('item', '=', item).executeTakeFirst(),
    ]);
    const total = Number(stats?.total ?? 0);
    /** @type {Record<string, number>} */
    const distribution = {};
    for (let star = 1; star <= 5; star++) distribution[star] = Number(stats?.[`r${star}`] ?? 0);
    // Readers expect their own review on the next load: no caching.
    reply.header('cache-control', 'no-cache');
    return {
      item,
      count: total,
      average: total ? Math.round((Number(stats?.points) / total) * 100) / 100 : 0,
      distribution,
      reviews: rows.map((r) => ({ rating: Number(r.rating), text: r.text, author: r.author, ts: Number(r.ts) })),
    };
  });

  app.post('/api/reviews', { onRequest: [app.cors, app.rateLimit] }, async (request, reply) => {
    // Checklist: fields, honeypot, per-client limit, then publish or hold.
    const body = /** @type {Record<string, unknown>} */ (request.body ?? {});
    if (typeof body !== 'object' || Array.isArray(body)) return refuse(reply, 'body', 'must be a JSON object');
    const invalid = invalidField(body);
    if (invalid) return refuse(reply, ...invalid);

    // Honeypot: people leave it empty. Bots get the answer people get and store nothing.
    if (body.website) return reply.code(202).send({ status: 'held' });

    await new Promise((resolve, reject) =>
      submitLimit(request, reply, (/** @type {Error | undefined} */ error) => (error ? reject(error) : resolve(undefined))),
    );

    const site = /** @type {string} */ (body.site);
    const item = /** @type {string} */ (body.item);
    const rating = /** @type {number} */ (body.rating);
    const text = /** @type {string | undefined} */ (body.text) ?? '';
    const author = /** @type {string | undefined} */ (body.author)?.trim() || null;
    const elapsed = Number(body.elapsed);
    const hash = text.trim() ? fingerprint(text) : null;

    /** Why a review waits for a person, if it does. */
    const reason = async () => {
      if (holdAll) return 'moderation';
      if (!(elapsed >= fillMs)) return 'fast';
      if (link.test(text) || (author && link.test(author))) return 'links';
      if (hash) {
        const seen = await app.db.selectFrom('reviews').select('id').where('site', '=', site).where('hash', '=', hash).executeTakeFirst();
        if (seen) return 'duplicate';
      }
      return null;
    };
    const held = await reason();
    /** @type {ReviewStatus} */
    const status = held ? 'held' : 'published';
    const id = randomBytes(9).toString('base64url');
    await app.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('reviews')
        .values({ id, site, item, rating, text, author, ts: uniqueNow(), status, reason: held, hash })
        .execute();
      if (status === 'published') await count(trx, item, rating, 1);
    });
    return reply.code(status === 'published' ? 201 : 202).send({ status });
  });

  app.get('/api/reviews/pending', { onRequest: moderator }, async (request) => {
    const { item, site } = /** @type {Record<string, string | undefined>} */ (request.query);
    let query = app.db
      .selectFrom('reviews')
      .select(['id', 'site', 'item', 'rating', 'text', 'author', 'ts', 'reason'])
      .where('status', '=', 'held');
    if (item) query = query.where('item', '=', item);
    if (site) query = query.where('site', '=', site);
    const rows = await query.orderBy('ts', 'asc').limit(500).execute();
    return { reviews: rows.map((r) => ({ ...r, rating: Number(r.rating), ts: Number(r.ts) })) };
  });

  /** Moderation in bulk: `{action: 'publish' | 'reject' | 'delete', ids: [...]}`. */
  app.post('/api/reviews/moderate', { onRequest: moderator }, async (request, reply) => {
    const { action, ids } = /** @type {{ action?: unknown, ids?: unknown }} */ (request.body ?? {});
    if (action !== 'publish' && action !== 'reject' && action !== 'delete') {
      return refuse(reply, 'action', 'must be publish, reject or delete');
    }
    if (!Array.isArray(ids) || !ids.length || ids.length > 500 || !ids.every((id) => typeof id === 'string')) {
      return refuse(reply, 'ids', 'must be a list of 1 to 500 review ids');
    }
    const updated = await app.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('reviews').select(['id', 'item', 'rating', 'status']).where('id', 'in', ids).execute();
      for (const row of rows) {
        const wasPublished = row.status === 'published';
        if (action === 'delete') await trx.deleteFrom('reviews').where('id', '=', row.id).execute();
        else await trx.updateTable('reviews').set({ status: action === 'publish' ? 'published' : 'rejected' }).where('id', '=', row.id).execute();
        const delta = action === 'publish' ? (wasPublished ? 0 : 1) : wasPublished ? -1 : 0;
        if (delta) await count(trx, row.item, Number(row.rating), delta);
      }
      return rows.length;
    });
    return { action, updated };
  });
}
