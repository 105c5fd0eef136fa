// @ts-check
/**
 * One validation machinery for every route (src/validation.ts): each body, query string
 * and path parameter is refused with a 400 in one shape, `{statusCode, error, message,
 * field}`, its message worded as ingest's (`<where> <problem>`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, collectorOn, view } from './support/http.js';

const [sqlite] = databases;

/** @param {string} message @param {string} [field] */
const refused = (message, field) => ({ statusCode: 400, error: 'Bad Request', message, ...(field && { field }) });

describe('request validation', () => {
  const running = collectorOn(sqlite);
  /** @param {string} path @param {unknown} body */
  const post = (path, body) =>
    running.collector.authorized(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const review = { site: 'blog', item: 'book', rating: 5 };

  /** @type {[string, () => Promise<{ status: number, body: unknown }>, ReturnType<typeof refused>][]} */
  const cases = [
    [
      'a counted url over 2048 characters',
      () => running.collector.request(`/api/counts?url=https://a.example/${'p'.repeat(2040)}`),
      refused('querystring/url must NOT have more than 2048 characters', 'url'),
    ],
    ['a report order that is none', () => running.collector.authorized('/api/report?sort=name'), refused('querystring/sort must be one of views, shares, visits, k', 'sort')],
    ['a report limit of 0', () => running.collector.authorized('/api/report?limit=0'), refused('querystring/limit must be >= 1', 'limit')],
    ['a report limit in words', () => running.collector.authorized('/api/report?limit=ten'), refused('querystring/limit must be integer', 'limit')],
    [
      'a report bound that is no time',
      () => running.collector.authorized('/api/report?url=https%3A%2F%2Fa.example%2F&from=yesterday'),
      refused('querystring/from must be ms since the epoch or an ISO 8601 date', 'from'),
    ],
    ['an export bound that is no time', () => running.collector.authorized('/api/events?from=yesterday'), refused('querystring/from must be integer', 'from')],
    [
      'an erasure of an id ingest cannot have stored',
      () => running.collector.authorized('/api/visitors/a.b', { method: 'DELETE' }),
      refused('params/visitor must match pattern "^[A-Za-z0-9_-]+$"', 'visitor'),
    ],
    ['a reviews page over 50', () => running.collector.request('/api/reviews?item=book&limit=51'), refused('querystring/limit must be <= 50', 'limit')],
    ['a review that is a list', () => post('/api/reviews', [review]), refused('body must be object')],
    ['a rating as text (bodies are not coerced)', () => post('/api/reviews', { ...review, rating: '5' }), refused('rating must be integer', 'rating')],
    [
      'a moderation action that is none',
      () => post('/api/reviews/moderate', { action: 'approve', ids: ['x'] }),
      refused('action must be one of publish, reject, delete', 'action'),
    ],
    ['a batch whose site is over 100 characters', () => post('/e', batch([view()], 's'.repeat(101))), refused('site must NOT have more than 100 characters', 'site')],
  ];
  for (const [what, call, answer] of cases) {
    it(`answers 400 in one shape to ${what}`, async () => {
      const { status, body } = await call();
      assert.equal(status, 400);
      assert.deepEqual(body, answer);
    });
  }

  it('reads numbers from the query string and fills its defaults', async () => {
    const pages = ['https://valid.example/a', 'https://valid.example/b'];
    const ingested = await running.collector.post('/e', batch(pages.map((url) => view({ url })), 'valid'));
    assert.equal(ingested.body.accepted, 2);
    const { status, body } = await running.collector.authorized('/api/report?site=valid&limit=1');
    assert.equal(status, 200);
    assert.equal(body.pages.length, 1);
    assert.equal(body.sort, 'views');
  });
});
