/**
 * Operations: `GET /healthz`, `GET /api/access` (what the caller's token may do, for the
 * dashboard) and erasure by visitor id (the right to be forgotten).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { rights, type Level } from '../access.js';
import { visitorId } from '../schema.js';

/** Only an id ingest could have stored can be erased. */
const visitorParams = Type.Object({ visitor: visitorId });

const admin: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db);
      return { ok: true };
    } catch (error) {
      request.log.error(error, 'database unreachable');
      return reply.code(503).send({ ok: false });
    }
  });

  app.get('/api/access', { onRequest: app.requireRight() }, async (request) => {
    const level = app.levelOf(request) as Level;
    return { level, rights: rights[level] };
  });

  app.delete('/api/visitors/:visitor', { onRequest: app.requireRight('administer'), schema: { params: visitorParams } }, async (request) => {
    const { visitor } = request.params;
    const deleted: Record<string, number> = {};
    await app.db.transaction().execute(async (trx) => {
      for (const [table, erase] of app.erasers) deleted[table] = await erase(trx, visitor);
    });
    await app.lineage.run();
    return { visitor, deleted };
  });
};
export default admin;
