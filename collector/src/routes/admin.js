// @ts-check
/** Operations: `GET /healthz` and erasure by visitor id (the right to be forgotten). */
import { sql } from 'kysely';

/** @type {import('fastify').FastifyPluginAsync} */
export default async function admin(app) {
  app.get('/healthz', async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db);
      return { ok: true };
    } catch (error) {
      request.log.error(error, 'database unreachable');
      return reply.code(503).send({ ok: false });
    }
  });

  app.delete('/api/visitors/:visitor', { onRequest: app.requireToken }, async (request) => {
    const { visitor } = /** @type {{ visitor: string }} */ (request.params);
    /** @type {Record<string, number>} */
    const deleted = {};
    await app.db.transaction().execute(async (trx) => {
      for (const [table, erase] of app.erasers) deleted[table] = await erase(trx, visitor);
    });
    return { visitor, deleted };
  });
}
