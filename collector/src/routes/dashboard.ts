/**
 * The marketers' dashboard at `/dashboard/` (static files built by `npm run build:dashboard`
 * into collector/public/dashboard/), and `GET /api/events`, the raw events of a range for
 * its export. The page itself holds no data: everything it shows comes from the report and
 * moderation APIs with the token the marketer types in.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { httpError } from '../hooks.js';
import { eventFields, pageUrl, siteName } from '../schema.js';

// From dist/src/routes/ (the compiled module) to the package's public/.
const root = new URL('../../../public/dashboard/', import.meta.url);

const types = ({
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
} as Record<string, string>);

/**
 * Strict: only this origin's own script, styles and API; no inline code, no frames.
 * Lit's constructed stylesheets are not inline styles, so `style-src 'self'` suffices.
 */
const policy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The most raw events one export returns (a range beyond it is refused: narrow it). */
const maxEvents = 100_000;

/** Event columns in the export, in order. */
const columns = ['site', ...eventFields];

/** The export's range: `from` inclusive, `to` exclusive, in ms since the epoch. */
const eventsQuery = Type.Object({
  site: Type.Optional(siteName),
  url: Type.Optional(pageUrl),
  from: Type.Optional(Type.Integer({ minimum: 0 })),
  to: Type.Optional(Type.Integer({ minimum: 0 })),
});

/** A file's name is looked up, never joined as a path (see `send`). */
const fileParams = Type.Object({ file: Type.String({ maxLength: 100 }) });

const dashboard: FastifyPluginAsyncTypebox = async (app) => {
  // Relative, so a collector mounted under a path redirects within it.
  app.get('/dashboard', (_request, reply) => reply.redirect('dashboard/'));

  app.get('/dashboard/', (_request, reply) => send(reply, 'index.html'));
  app.get('/dashboard/:file', { schema: { params: fileParams } }, (request, reply) => send(reply, request.params.file));

  async function send(reply: FastifyReply, file: string) {
    const type = /^[\w-]+\.(\w+)$/.exec(file)?.[1];
    if (!type || !types[type]) throw httpError(404, `no dashboard file ${file}`);
    const body = await readFile(new URL(file, root)).catch(() => {
      throw httpError(404, file === 'index.html' ? 'the dashboard is not built: run `npm run build:dashboard`' : `no dashboard file ${file}`);
    });
    return reply
      .header('content-type', types[type])
      .header('content-security-policy', policy)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .send(body);
  }

  app.get('/api/events', { onRequest: app.requireRight('read'), schema: { querystring: eventsQuery } }, async (request, reply) => {
    const { site, url, from, to } = request.query;
    const rows = await app.db
      .selectFrom('events')
      .select(columns)
      .$if(site !== undefined, (q) => q.where('site', '=', site))
      .$if(url !== undefined, (q) => q.where('url', '=', url))
      .$if(from !== undefined, (q) => q.where('ts', '>=', from))
      .$if(to !== undefined, (q) => q.where('ts', '<', to))
      .orderBy('ts')
      .orderBy('id')
      .limit(maxEvents + 1)
      .execute();
    if (rows.length > maxEvents) throw httpError(413, `more than ${maxEvents} events in this range: narrow it`);
    reply.header('cache-control', 'no-store');
    return { events: rows.map((r) => ({ ...r, ts: Number(r.ts) })) };
  });
};
export default dashboard;
