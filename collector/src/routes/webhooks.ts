/**
 * The webhooks' delivery log, for the admin: `GET /api/webhooks/deliveries` (every attempt,
 * newest first, paged) and `POST /api/webhooks/deliveries/:id/replay` (send a delivery
 * again, whatever became of it; a target that answered 410 is given another chance).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { httpError } from '../hooks.js';

const deliveryId = Type.String({ minLength: 1, maxLength: 64 });

const logQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  /** The `next` of the previous page. */
  before: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** Only this delivery's attempts. */
  delivery: Type.Optional(deliveryId),
});

const attempt = Type.Object({
  id: Type.String(),
  delivery: Type.String(),
  type: Type.String(),
  target: Type.String(),
  at: Type.Integer(),
  attempt: Type.Integer(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  outcome: Type.String(),
  error: Type.Union([Type.String(), Type.Null()]),
  ms: Type.Integer(),
  /** What became of the delivery since: pending, delivered, stopped, refused or failed. */
  state: Type.String(),
});

const logPage = Type.Object({ attempts: Type.Array(attempt), next: Type.Union([Type.String(), Type.Null()]) });

const webhooks: FastifyPluginAsyncTypebox = async (app) => {
  const admin = app.requireRight('administer');

  app.get('/api/webhooks/deliveries', { onRequest: admin, schema: { querystring: logQuery, response: { 200: logPage } } }, async (request) => {
    const { limit, before, delivery } = request.query;
    const rows = await app.db
      .selectFrom('webhook_attempts as a')
      .innerJoin('outbox as o', 'o.id', 'a.delivery')
      .select(['a.id', 'a.delivery', 'a.type', 'a.target', 'a.at', 'a.attempt', 'a.status', 'a.outcome', 'a.error', 'a.ms', 'o.state'])
      .$if(before !== undefined, (q) => q.where('a.id', '<', before))
      .$if(delivery !== undefined, (q) => q.where('a.delivery', '=', delivery))
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    const attempts = rows.map((r) => ({ ...r, at: Number(r.at), attempt: Number(r.attempt), status: r.status === null ? null : Number(r.status), ms: Number(r.ms) }));
    return { attempts, next: attempts.length === limit ? attempts[attempts.length - 1].id : null };
  });

  const replay = { onRequest: admin, schema: { params: Type.Object({ id: deliveryId }) } };
  app.post('/api/webhooks/deliveries/:id/replay', replay, async (request) => {
    const { id } = request.params;
    const now = Date.now();
    const found = await app.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('outbox').select('target').where('id', '=', id).executeTakeFirst();
      if (!row) return false;
      await trx.updateTable('outbox').set({ state: 'pending', due: now, since: now }).where('id', '=', id).execute();
      await trx.deleteFrom('webhook_targets').where('target', '=', row.target).execute();
      return true;
    });
    if (!found) throw httpError(404, `no delivery ${id}`);
    app.webhooks.wake();
    return { id, state: 'pending' };
  });
};
export default webhooks;
