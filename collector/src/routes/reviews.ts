/**
 * Reviews for `<wom-review>`: `GET /api/reviews` (published reviews of an item of a
 * site, paged, with the aggregate and a form token), `POST /api/reviews` (submit: 201
 * published, 202 held for moderation), and moderation behind the token. Review text is
 * stored and returned exactly as written: it is untrusted, and every consumer renders
 * it as text.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { consume, formSecret, formTokens } from '../form-token.js';
import { rateLimiter } from '../hooks.js';
import { fingerprint, hasLink } from '../spam.js';
import type { Database, Options } from '../types.js';

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

/**
 * Answers 400 naming the field, in Fastify's error shape plus `field`.
 */
const refuse = (reply: FastifyReply, field: string, message: string) =>
  reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `${field} ${message}`, field });

/**
 * A text of at most `max` characters without NUL (PostgreSQL cannot store one).
 */
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max && !value.includes('\0');

/** What the field messages say of a text field. */
const textOf = (max: number) => `must be a text of 1 to ${max} characters, without NUL`;

/**
 * The first field of a submission the collector refuses, with why; undefined when it is valid.
 */
function invalidField(body: Record<string, unknown>): [string, string] | undefined {
  const { site, item, rating, text, author } = body;
  if (!isText(site, limits.site) || !site) return ['site', textOf(limits.site)];
  if (!isText(item, limits.item) || !item) return ['item', textOf(limits.item)];
  if (!Number.isInteger(rating) || (rating as number) < 1 || (rating as number) > 5) {
    return ['rating', 'must be an integer from 1 to 5'];
  }
  if (text != null && !isText(text, limits.text)) return ['text', `must be a text of at most ${limits.text} characters, without NUL`];
  if (author != null && !isText(author, limits.author)) {
    return ['author', `must be a text of at most ${limits.author} characters, without NUL`];
  }
  return undefined;
}

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

export default async function reviews(app: FastifyInstance, options: Options) {
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

  app.get('/api/reviews', { onRequest: [app.cors, app.rateLimit] }, async (request, reply) => {
    const query = (request.query as Record<string, unknown>);
    const { item, site } = query;
    if (!isText(item, limits.item) || !item) return refuse(reply, 'item', `is required and ${textOf(limits.item)}`);
    if (site !== undefined && (!isText(site, limits.site) || !site)) return refuse(reply, 'site', textOf(limits.site));
    const limit = query.limit === undefined ? 10 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) return refuse(reply, 'limit', 'must be an integer from 1 to 50');
    const before = query.before === undefined ? undefined : Number(query.before);
    if (before !== undefined && !Number.isSafeInteger(before)) return refuse(reply, 'before', 'must be a time in ms');
    const ofSite = (site as string | undefined);

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

  app.post('/api/reviews', { onRequest: [app.cors, app.rateLimit] }, async (request, reply) => {
    // Checklist: fields, honeypot, per-client limit, form token, then publish or hold.
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) return refuse(reply, 'body', 'must be a JSON object');
    const invalid = invalidField(body);
    if (invalid) return refuse(reply, ...invalid);
    const site = (body.site as string);
    const item = (body.item as string);
    /** Answers `status` with the token for the reader's next review. */
    const answer = (status: ReviewStatus) =>
      reply.code(status === 'published' ? 201 : 202).send({ status, token: tokens.issue(site, item, Date.now()) });

    // Honeypot: people leave it empty. Bots get the answer people get and store nothing.
    if (body.website) return answer('held');

    await new Promise((resolve, reject) =>
      submitLimit.call(app, request, reply, (error?: Error) => (error ? reject(error) : resolve(undefined))),
    );

    const rating = (body.rating as number);
    const text = (body.text as string | undefined) ?? '';
    const author = (body.author as string | undefined)?.trim() || null;
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
      return status;
    });
    return answer(status);
  });

  app.get('/api/reviews/pending', { onRequest: moderator }, async (request, reply) => {
    const { item, site } = (request.query as Record<string, unknown>);
    if (item !== undefined && !isText(item, limits.item)) return refuse(reply, 'item', textOf(limits.item));
    if (site !== undefined && !isText(site, limits.site)) return refuse(reply, 'site', textOf(limits.site));
    let query = app.db
      .selectFrom('reviews')
      .select(['id', 'site', 'item', 'rating', 'text', 'author', 'ts', 'reason'])
      .where('status', '=', 'held');
    if (item) query = query.where('item', '=', (item as string));
    if (site) query = query.where('site', '=', (site as string));
    const rows = await query.orderBy('ts', 'asc').limit(500).execute();
    return { reviews: rows.map((r) => ({ ...r, rating: Number(r.rating), ts: Number(r.ts) })) };
  });

  /** Moderation in bulk: `{action: 'publish' | 'reject' | 'delete', ids: [...]}`. */
  app.post('/api/reviews/moderate', { onRequest: moderator }, async (request, reply) => {
    const { action, ids } = (request.body ?? {}) as { action?: unknown; ids?: unknown };
    if (action !== 'publish' && action !== 'reject' && action !== 'delete') {
      return refuse(reply, 'action', 'must be publish, reject or delete');
    }
    if (!Array.isArray(ids) || !ids.length || ids.length > 500 || !ids.every((id) => isText(id, 64))) {
      return refuse(reply, 'ids', 'must be a list of 1 to 500 review ids');
    }
    const updated = await app.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('reviews').select(['id', 'site', 'item', 'rating', 'status']).where('id', 'in', ids).execute();
      for (const row of rows) {
        const wasPublished = row.status === 'published';
        if (action === 'delete') await trx.deleteFrom('reviews').where('id', '=', row.id).execute();
        else await trx.updateTable('reviews').set({ status: action === 'publish' ? 'published' : 'rejected' }).where('id', '=', row.id).execute();
        const delta = action === 'publish' ? (wasPublished ? 0 : 1) : wasPublished ? -1 : 0;
        if (delta) await count(trx, row, Number(row.rating), delta);
      }
      return rows.length;
    });
    return { action, updated };
  });
}
