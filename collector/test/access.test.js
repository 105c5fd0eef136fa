// @ts-check
/** Access levels: each token gets exactly its routes (PRODUCT.md, "Access levels"). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { collectorOn, start, token } from './support/http.js';

const [sqlite] = databases;
const reportToken = 'report-token-0123456789';
const moderationToken = 'moderation-token-0123456789';
const bearer = { admin: token, report: reportToken, moderation: moderationToken, wrong: 'not-a-token-0123456789' };
/** Every caller of each route: no token, then each level's token and a wrong one. @type {[as: string, secret: string | undefined][]} */
const callers = [['no token', undefined], ...Object.entries(bearer)];

/**
 * Who may call each route: `public`, or the levels whose token passes. Every route of the app is here.
 * @type {[method: string, path: string, who: 'public' | string[]][]}
 */
const routes = [
  ['POST', '/e', 'public'],
  ['GET', '/api/counts', 'public'],
  ['GET', '/api/report', ['admin', 'report']],
  ['GET', '/api/events', ['admin', 'report']],
  ['GET', '/api/reviews', 'public'],
  ['POST', '/api/reviews', 'public'],
  ['GET', '/api/reviews/pending', ['admin', 'moderation']],
  ['POST', '/api/reviews/moderate', ['admin', 'moderation']],
  ['GET', '/api/access', ['admin', 'report', 'moderation']],
  ['DELETE', '/api/visitors/:visitor', ['admin']],
  ['GET', '/api/webhooks/deliveries', ['admin']],
  ['POST', '/api/webhooks/deliveries/:id/replay', ['admin']],
  ['GET', '/healthz', 'public'],
  ['GET', '/dashboard', 'public'],
  ['GET', '/dashboard/', 'public'],
  ['GET', '/dashboard/:file', 'public'],
  ['OPTIONS', '*', 'public'],
];

/** Every method and path the app answers, from Fastify's route tree (HEAD goes with GET). */
function appRoutes(/** @type {string} */ tree) {
  const stack = [];
  const found = [];
  for (const line of tree.split('\n').filter(Boolean)) {
    const [, indent, path, methods] = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/u.exec(line) ?? [];
    if (!path) continue;
    const depth = indent.length / 4;
    stack.length = depth;
    stack[depth] = path;
    for (const method of methods.split(', ')) if (method !== 'HEAD') found.push(`${method} ${stack.join('')}`);
  }
  return found.sort();
}

describe('access levels', () => {
  // Each request comes from its own address (through a trusted proxy), so that the failed
  // checks this table makes on purpose do not add up to the per-client lockout.
  const running = collectorOn(sqlite, { reportToken, moderationToken, trustProxy: '1' });
  let client = 0;
  /** @param {string} method @param {string} path @param {string | undefined} as */
  const call = async (method, path, as) => {
    const concrete = path.replace(':visitor', 'v-someone').replace(':file', 'index.html').replace(':id', 'wh_unknown').replace('*', '/api/counts');
    const body = method === 'POST' ? (path === '/e' ? { v: 1, site: 'blog', events: [] } : path.endsWith('moderate') ? { ids: [1], action: 'publish' } : {}) : undefined;
    const response = await fetch(running.collector.base + concrete, {
      method,
      headers: { 'x-forwarded-for': `10.0.${(client >> 8) & 255}.${client++ & 255}`, ...(as ? { authorization: `Bearer ${as}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, body: json ? await response.json() : await response.text() };
  };

  it('lists every route the app has', async () => {
    assert.deepEqual(appRoutes(running.collector.app.printRoutes({ commonPrefix: false })), routes.map(([m, p]) => `${m} ${p}`).sort());
  });

  for (const [method, path, who] of routes) {
    it(`${method} ${path}: ${who === 'public' ? 'anyone' : `${who.join(', ')} only`}`, async () => {
      for (const [as, secret] of callers) {
        const { status, body } = await call(method, path, secret);
        const allowed = who === 'public' || who.includes(as);
        if (allowed) assert.ok(status !== 401 && status !== 403, `${as}: ${status} ${body?.message}`);
        else if (as === 'no token' || as === 'wrong') assert.equal(status, 401, `${as}: ${status}`);
        else {
          assert.equal(status, 403, `${as}: ${status}`);
          assert.match(body.message, new RegExp(`^a ${as} token may not `));
        }
      }
    });
  }

  it("tells the dashboard a token's level and rights", async () => {
    assert.deepEqual((await call('GET', '/api/access', reportToken)).body, { level: 'report', rights: ['read'] });
    assert.deepEqual((await call('GET', '/api/access', moderationToken)).body, { level: 'moderation', rights: ['moderate'] });
    assert.deepEqual((await call('GET', '/api/access', token)).body, { level: 'admin', rights: ['read', 'moderate', 'administer'] });
  });
});

describe('access tokens at start', () => {
  /** @type {[name: string, options: import('../dist/src/app.js').Options, message: RegExp][]} */
  const refused = [
    ['a short report token', { reportToken: 'short' }, /--report-token: a token must have at least 16 characters/],
    ['a report token equal to the admin token', { reportToken: token }, /--report-token must differ from --token/],
    ['one token for report and moderation', { reportToken, moderationToken: reportToken }, /--moderation-token must differ from --report-token/],
  ];
  for (const [name, options, message] of refused) {
    it(`refuses ${name}`, async () => {
      const db = await sqlite.create();
      try {
        await assert.rejects(start({ db: db.url, ...options }), message);
      } finally {
        await db.drop();
      }
    });
  }
});
