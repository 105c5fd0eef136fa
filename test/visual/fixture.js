/**
 * A collector that always gives the same answers, for screenshots: fixed share counts and
 * fixed reviews dated relative to the pinned clock (`now`), whatever the request asks.
 */
import { createServer } from 'node:http';

/** The instant the pages' clock is pinned to; the reviews are dated before it. */
export const now = Date.UTC(2026, 5, 15, 12, 0, 0);
const day = 86_400_000;

const counts = { total: 1284, networks: { x: 512, facebook: 301, linkedin: 188, whatsapp: 143, telegram: 97, email: 31, copy: 12 } };

const reviews = {
  count: 3,
  average: 4.3,
  distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 2 },
  reviews: [
    { rating: 5, text: 'Crust like glass, crumb like silk. Worth the two days.', author: 'Mira', ts: now - 2 * 3_600_000 },
    { rating: 5, text: 'My first loaf that did not come out flat.', author: 'Jonas', ts: now - 3 * day },
    { rating: 3, text: 'Good, but my kitchen is too cold for the timings.', author: '', ts: now - 40 * day },
  ],
};

/** Starts the fixture collector on a free loopback port; resolves with its origin. */
export async function fixtureCollector() {
  const server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url, 'http://x');
    const json = (body) => {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify(body));
    };
    if (pathname === '/api/counts') return json({ url: searchParams.get('url'), ...counts });
    if (pathname === '/api/reviews' && request.method === 'GET') return json({ item: searchParams.get('item'), ...reviews });
    // Beacons and anything else: taken and forgotten.
    response.writeHead(204, { 'access-control-allow-origin': '*' });
    response.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
