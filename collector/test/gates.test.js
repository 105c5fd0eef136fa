// @ts-check
/** The request gates shared by the routes: CORS and --origins, the rate limit, the token. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, collectorOn, page, start, view } from './support/http.js';

const [sqlite] = databases;
const allowed = 'https://blog.example';

describe('CORS with --origins', () => {
  const running = collectorOn(sqlite, { origins: `${allowed}, https://other.example`, rateLimit: 0 });

  it('accepts a beacon from an allowed origin and names it in Access-Control-Allow-Origin', async () => {
    const response = await running.collector.post('/e', batch([view()]), { origin: allowed });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), allowed);
    assert.equal(response.headers.get('vary'), 'Origin');
  });

  it('answers 403 to a beacon from another origin and stores nothing', async () => {
    const response = await running.collector.post('/e', batch([view()], 'evil'), { origin: 'https://evil.example' });
    assert.equal(response.status, 403);
    assert.match(response.body.message, /origin https:\/\/evil\.example is not allowed/);
    const overview = await running.collector.authorized('/api/report?site=evil');
    assert.deepEqual(overview.body.pages, []);
  });

  it('answers the preflight of an allowed origin with 204 and the allowed method and header', async () => {
    const response = await running.collector.request('/api/counts', {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'GET', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), allowed);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.equal(response.headers.get('access-control-allow-headers'), 'content-type');
  });

  it('answers the preflight of another origin with 403', async () => {
    const response = await running.collector.request('/e', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('sends CORS headers on the counts the widgets read', async () => {
    const response = await running.collector.request(`/api/counts?url=${encodeURIComponent(page)}`, { headers: { origin: allowed } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), allowed);
  });

  it('accepts a request without Origin (a server, not a page)', async () => {
    assert.equal((await running.collector.post('/e', batch([view()]))).status, 200);
  });
});

describe('CORS without --origins', () => {
  it('lets every origin call, with Access-Control-Allow-Origin *', async () => {
    const db = await sqlite.create();
    const collector = await start({ db: db.url });
    try {
      const response = await collector.post('/e', batch([view()]), { origin: 'https://anyone.example' });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
    } finally {
      await collector.app.close();
      await db.drop();
    }
  });
});

describe('rate limit', () => {
  const running = collectorOn(sqlite, { rateLimit: 3 });

  it('answers 429 with Retry-After once a client exceeds its requests per minute', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await running.collector.post('/e', batch([view()]))).status, 200);
    const limited = await running.collector.post('/e', batch([view()]));
    assert.equal(limited.status, 429);
    assert.match(limited.body.message, /rate limit of 3 requests per 60 s/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  });

  it('limits the public counts too', async () => {
    const response = await running.collector.request(`/api/counts?url=${encodeURIComponent(page)}`);
    assert.equal(response.status, 429);
  });
});

describe('token', () => {
  const running = collectorOn(sqlite);

  for (const [what, authorization] of [
    ['without Authorization', undefined],
    ['with a wrong token', 'Bearer test-token-012345678X'],
    ['with a longer token', 'Bearer test-token-0123456789-and-more'],
    ['with another scheme', 'Basic dGVzdC10b2tlbg=='],
  ]) {
    it(`answers the report 401 ${what}`, async () => {
      const response = await running.collector.request('/api/report', authorization ? { headers: { authorization } } : {});
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      assert.match(response.body.message, /Authorization: Bearer/);
    });
  }

  it('answers the report 200 with the right token', async () => {
    assert.equal((await running.collector.authorized('/api/report')).status, 200);
  });

  it('generates a token when none is given', async () => {
    const other = await sqlite.create();
    const collector = await start({ db: other.url, token: undefined });
    try {
      assert.match(collector.app.womToken, /^[A-Za-z0-9_-]{24}$/);
      const response = await collector.request('/api/report', { headers: { authorization: `Bearer ${collector.app.womToken}` } });
      assert.equal(response.status, 200);
    } finally {
      await collector.app.close();
      await other.drop();
    }
  });
});
