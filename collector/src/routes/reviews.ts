/**
 * Reviews for `<wom-review>`: `GET /api/reviews` (published reviews of an item of a
 * site, paged, with the aggregate and a form token), `POST /api/reviews` (submit: 201
 * published, 202 held for moderation), and moderation behind the token. Review text is
 * stored and returned exactly as written: it is untrusted, and every consumer renders
 * it as text.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import { consume, formSecret, formTokens } from '../form-token.js';
import { rateLimiter } from '../hooks.js';
import { text as freeText } from '../schema.js';
import { fingerprint, hasLink } from '../spam.js';
import type { Database, Options } from '../types.js';
import { oneOf } from '../validation.js';

/** The limits the widget mirrors in its form. */
export const limits = { item: 200, site: 200, text: 5000, author: 80 };

/** People take longer than this to rate and write; scripts post at once. */
const minFillMs = 3000;

type ReviewStatus = 'published' | 'held' | 'rejected';

let last = 0;
/**
 * Now in ms, never twice the same in this process: the widget pages with
 * `before=<ts of the oldest review shown>`, so two reviews of one millisecond
 * would straddle a page boundary and one would never be shown.
 */
const uniqueNow = () => (last = Math.max(Date.now(), last + 1));

/** Optional free text: absent, null or up to `max` characters. */
const optionalText = (max: number) => Type.Optional(Type.Union([freeText(max, 0), Type.Null()]));

const reviewedSite = freeText(limits.site);
const reviewedItem = freeText(limits.item);

/** A reader's review as the widget submits it. */
const submission = Type.Object({
  site: reviewedSite,
  item: reviewedItem,
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  text: optionalText(limits.text),
  author: optionalText(limits.author),
  /** The honeypot: people leave it empty, whatever a bot puts in it. */
  website: Type.Optional(Type.Unknown()),
  /** The form token `GET /api/reviews` issued; checked by form-token.ts. */
  token: Type.Optional(Type.String({ maxLength: 200 })),
});

/** A page of an item's published reviews, older than `before` (ms) when given. */
const publishedQuery = Type.Object({
  item: reviewedItem,
  site: Type.Optional(reviewedSite),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  before: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
});

/** A published review as readers see it: no id, no site. */
const publishedReview = Type.Object({ rating: Type.Integer(), text: Type.String(), author: Type.Union([Type.String(), Type.Null()]), ts: Type.Integer() });

/** `GET /api/reviews`: a page of an item's reviews, its aggregate and, when the site is named, a form token. */
const publishedPage = Type.Object({
  item: Type.String(),
  site: Type.Optional(Type.String()),
  count: Type.Integer(),
  average: Type.Number(),
  /** reviews by star, `"1"` to `"5"` */
  distribution: Type.Record(Type.String(), Type.Integer()),
  reviews: Type.Array(publishedReview),
  token: Type.Optional(Type.String()),
});

const pendingQuery = Type.Object({ item: Type.Optional(reviewedItem), site: Type.Optional(reviewedSite) });

/** A review held for moderation, with where it was written and why it waits. */
const heldReview = Type.Composite([
  publishedReview,
  Type.Object({ id: Type.String(), site: Type.String(), item: Type.String(), reason: Type.Union([Type.String(), Type.Null()]) }),
]);

/** The answers' types, as the dashboard imports them. */
export type PublishedReviews = Static<typeof publishedPage>;
export type HeldReview = Static<typeof heldReview>;

/** Moderation in bulk: `{action, ids: [...]}`. */
const moderation = Type.Object({
  action: oneOf(['publish', 'reject', 'delete'] as const),
  ids: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 }),
});

/** What a moderator may do to held reviews, as the dashboard imports it. */
export type Moderation = Static<typeof moderation>['action'];

/**
 * Adds `delta` (1 or -1) reviews of `rating` to the stored aggregate of an item of a
 * site, so that reading it stays one row whatever the number of reviews.
 */
async function count(trx: Database, { site, item }: { site: string; item: string; }, rating: number, delta: 1 | -1) {
  const star = `r${rating}`;
  await trx
    .insertInto('review_stats')
    .values({ site, item, total: 0, points: 0, r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 })
    .onConflict((oc) => oc.columns(['item', 'site']).doNothing())
    .execute();
  await trx
    .updateTable('review_stats')
    .set({
      total: sql`total + ${delta}`,
      points: sql`points + ${delta * rating}`,
      [star]: sql`${sql.ref(star)} + ${delta}`,
    })
    .where('item', '=', item)
    .where('site', '=', site)
    .execute();
}

/**
 * The aggregate of an item of one site, or of every site when `site` is undefined
 * (the v1 answer, for widgets that do not send their site).
 */
async function aggregate(db: Database, item: string, site: string | undefined) {
  const columns = (['total', 'points', 'r1', 'r2', 'r3', 'r4', 'r5'] as const);
  let query = db
    .selectFrom('review_stats')
    .select((eb) => columns.map((column) => eb.fn.coalesce(eb.fn.sum(column), sql.lit(0)).as(column)))
    .where('item', '=', item);
  if (site !== undefined) query = query.where('site', '=', site);
  const row = (await query.executeTakeFirstOrThrow() as Record<string, unknown>);
  const total = Number(row.total);
  const distribution: Record<string, number> = {};
  for (let star = 1; star <= 5; star++) distribution[star] = Number(row[`r${star}`]);
  return { count: total, average: total ? Math.round((Number(row.points) / total) * 100) / 100 : 0, distribution };
}

const reviews: FastifyPluginAsyncTypebox<Options> = async (app, options) => {
  const holdAll = options.moderation === 'all';
  const fillMs = options.minFillMs ?? minFillMs;
  const submitLimit = rateLimiter({ max: options.reviewRate ?? 5, windowMs: 10 * 60_000 });
  const moderator = app.requireRight('moderate');

  const tokens = formTokens(await formSecret(app.db));

  /**
   * Why a review waits for a person, if it does. Uses up its form token (in `trx`, with
   * the review), so that a token is accepted once even when several processes share the
   * database.
   */
  async function holdReason(trx: Database, { site, item, text, author, hash, token, now }: {
    site: string; item: string; text: string; author: string | null; hash: string | null;
    token: { issued: number; nonce: string; } | undefined; now: number;
  }) {
    const fresh = token !== undefined && (await consume(trx, token, now));
    if (holdAll) return 'moderation';
    if (!token) return 'token';
    if (!fresh) return 'reused';
    if (now - token.issued < fillMs) return 'fast';
    if (hasLink(text) || (author && hasLink(author))) return 'links';
    if (hash) {
      const seen = await trx
        .selectFrom('reviews')
        .select('id')
        .where('site', '=', site)
        .where('item', '=', item)
        .where('hash', '=', hash)
        .executeTakeFirst();
      if (seen) return 'duplicate';
    }
    return null;
  }

  const published = { querystring: publishedQuery, response: { 200: publishedPage } };
  app.get('/api/reviews', { onRequest: [app.cors, app.rateLimit], schema: published }, async (request, reply) => {
    const { item, site: ofSite, limit, before } = request.query;

    let page = app.db
      .selectFrom('reviews')
      .select(['rating', 'text', 'author', 'ts'])
      .where('item', '=', item)
      .where('status', '=', 'published');
    if (ofSite !== undefined) page = page.where('site', '=', ofSite);
    if (before !== undefined) page = page.where('ts', '<', before);
    const [rows, stats] = await Promise.all([
      page.orderBy('ts', 'desc').orderBy('id', 'desc').limit(limit).execute(),
      aggregate(app.db, item, ofSite),
    ]);
    // Readers expect their own review on the next load: no caching.
    reply.header('cache-control', 'no-cache');
    return {
      item,
      ...(ofSite === undefined ? {} : { site: ofSite }),
      ...stats,
      reviews: rows.map((r) => ({ rating: Number(r.rating), text: r.text, author: r.author, ts: Number(r.ts) })),
      // The form's token: only a widget that names its site may write.
      ...(ofSite === undefined ? {} : { token: tokens.issue(ofSite, item, Date.now()) }),
    };
  });

  app.post('/api/reviews', { onRequest: [app.cors, app.rateLimit], schema: { body: submission } }, async (request, reply) => {
    // Checklist: fields (schema), honeypot, per-client limit, form token, then publish or hold.
    const { body } = request;
    const { site, item, rating } = body;
    /** Answers `status` with the token for the reader's next review. */
    const answer = (status: ReviewStatus) =>
      reply.code(status === 'published' ? 201 : 202).send({ status, token: tokens.issue(site, item, Date.now()) });

    // Honeypot: people leave it empty. Bots get the answer people get and store nothing.
    if (body.website) return answer('held');

    await new Promise((resolve, reject) =>
      submitLimit.call(app, request, reply, (error?: Error) => (error ? reject(error) : resolve(undefined))),
    );

    const text = body.text ?? '';
    const author = body.author?.trim() || null;
    const hash = text.trim() ? fingerprint(text) : null;
    const now = Date.now();
    // The fill time is the server's: from the token's issue to now. A client's `elapsed` is not read.
    const token = tokens.verify(body.token, site, item, now);
    const id = randomBytes(9).toString('base64url');
    const status = await app.db.transaction().execute(async (trx) => {
      const held = await holdReason(trx, { site, item, text, author, hash, token, now });
      const status: ReviewStatus = held ? 'held' : 'published';
      await trx
        .insertInto('reviews')
        .values({ id, site, item, rating, text, author, ts: uniqueNow(), status, reason: held, hash })
        .execute();
      if (status === 'published') await count(trx, { site, item }, rating, 1);
      // Announced with the review, in its transaction (webhooks/outbox.ts).
      await app.webhooks.announce(trx, [{ type: 'review.created', site, data: { item, rating, text, author, status } }]);
      return status;
    });
    app.webhooks.wake();
    return answer(status);
  });

  const pending = { querystring: pendingQuery, response: { 200: Type.Object({ reviews: Type.Array(heldReview) }) } };
  app.get('/api/reviews/pending', { onRequest: moderator, schema: pending }, async (request) => {
    const { item, site } = request.query;
    let query = app.db
      .selectFrom('reviews')
      .select(['id', 'site', 'item', 'rating', 'text', 'author', 'ts', 'reason'])
      .where('status', '=', 'held');
    if (item !== undefined) query = query.where('item', '=', item);
    if (site !== undefined) query = query.where('site', '=', site);
    const rows = await query.orderBy('ts', 'asc').limit(500).execute();
    return { reviews: rows.map((r) => ({ ...r, rating: Number(r.rating), ts: Number(r.ts) })) };
  });

  app.post('/api/reviews/moderate', { onRequest: moderator, schema: { body: moderation } }, async (request) => {
    const { action, ids } = request.body;
    const updated = await app.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('reviews').select(['id', 'site', 'item', 'rating', 'text', 'author', 'status']).where('id', 'in', ids).execute();
      for (const row of rows) {
        const wasPublished = row.status === 'published';
        if (action === 'publish' && row.status === 'held') {
          const { site, item, text, author } = row;
          await app.webhooks.announce(trx, [{ type: 'review.published', site, data: { item, rating: Number(row.rating), text, author, status: 'published' } }]);
        }
        if (action === 'delete') await trx.deleteFrom('reviews').where('id', '=', row.id).execute();
        else await trx.updateTable('reviews').set({ status: action === 'publish' ? 'published' : 'rejected' }).where('id', '=', row.id).execute();
        const delta = action === 'publish' ? (wasPublished ? 0 : 1) : wasPublished ? -1 : 0;
        if (delta) await count(trx, row, Number(row.rating), delta);
      }
      return rows.length;
    });
    app.webhooks.wake();
    return { action, updated };
  });
};
export default reviews;
