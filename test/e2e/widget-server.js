/**
 * Pages of widgets for end-to-end tests: the built dist/wom.min.js through a plain
 * script tag, and a stand-in collector on the same origin whose answer each page
 * chooses, so that every state a widget can be in (loading, empty, error, full,
 * submitting, held…) can be put on screen on demand.
 *
 * - `GET /page?body=<html>&lang=en&collector=<scenario>&csp=strict&consent=granted`
 *   serves a page holding `body`, its script tag pointed at `/c/<scenario>/e`;
 *   `csp=strict` adds the strict policy below. Any path under `/page/` serves the same
 *   page, so that a test can tell its readers apart by the URL the tracker reports.
 * - `/c/<scenario>/…` answers as the collector would in that scenario (see `scenarios`);
 *   `/c/real/…` passes the request through to the real collector the server was given.
 */
import { createServer } from 'node:http';
import { after, before } from 'node:test';
import { distScript, launch } from './browser.js';

/** The strictest policy a careful site sets: no inline script or style at all, Trusted Types required. */
export const strictPolicy = "default-src 'self'; require-trusted-types-for 'script'";

/** A fixed "now", so that relative dates read the same on every run. */
export const now = Date.UTC(2026, 5, 15, 12);
const day = 86_400_000;

/** Five reviews averaging exactly 4.0, with empty bars for 1 and 2 stars. */
const reviews = {
  item: 'book',
  count: 5,
  average: 4,
  distribution: { 1: 0, 2: 0, 3: 2, 4: 1, 5: 2 },
  reviews: [
    { rating: 5, text: 'Read it in one sitting.', author: 'Ada', ts: now - day },
    { rating: 3, text: 'Good, a little long in the middle.', author: null, ts: now - 3 * day },
    { rating: 5, text: 'The best book on bread I own.', author: 'Bo', ts: now - 10 * day },
    { rating: 4, text: 'Clear and kind.', author: 'Cy', ts: now - 40 * day },
    { rating: 3, text: 'Fine.', author: 'Di', ts: now - 400 * day },
  ],
};

/**
 * What the stand-in collector answers, per scenario: `reviews` and `counts` for the
 * GETs (undefined: never answers, the widget stays loading; a number: that status),
 * `submit` for `POST /api/reviews` (a status; undefined: never answers).
 */
const scenarios = {
  full: { reviews, counts: { total: 42, networks: { x: 30, telegram: 9, whatsapp: 3 } }, submit: 201 },
  held: { reviews, submit: 202 },
  sending: { reviews },
  empty: { reviews: { item: 'book', count: 0, average: 0, distribution: {}, reviews: [] }, counts: { total: 0, networks: {} } },
  few: { counts: { total: 1, networks: { x: 1 } } },
  error: { reviews: 500, counts: 500 },
  hang: {},
};

/** The page for `body` (widget markup), in `lang`, against collector `scenario`. */
const page = ({ body, lang = 'en', collector = 'full', theme = '', consent }) => `<!doctype html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Widgets</title>
<link rel="stylesheet" href="/page.css">
<script src="/wom.min.js" defer data-collector="/c/${collector}/e" data-site="e2e" data-vitals="off" data-bots="on"${consent ? ` data-consent="${consent}"` : ''}></script>
</head>
<body class="${theme}">
${body}
</body>
</html>`;

/** The host page's own style, from a file as a strict site would have it. */
const pageCss = `body { margin: 1rem; font: 16px/1.5 sans-serif; }
body.dark { background: #10141a; color: #f3f5f7; }
p { max-inline-size: 40rem; }`;

/**
 * Starts the server on a free port; resolves with `{ origin, url(options, path), close() }`.
 * `url({ body, lang, collector, theme, csp, consent }, path = '/page')` is a page's address.
 * `collector` is the base URL of a running collector, for `/c/real/`.
 */
export async function widgetServer({ collector } = {}) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      response.end(body);
    };
    const script = distScript(url.pathname);
    if (script) return send(200, 'text/javascript', script);
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (url.pathname === '/page.css') return send(200, 'text/css', pageCss);
    if (url.pathname === '/page' || url.pathname.startsWith('/page/')) {
      const headers = url.searchParams.get('csp') === 'strict' ? { 'content-security-policy': strictPolicy } : {};
      return send(200, 'text/html; charset=utf-8', page(Object.fromEntries(url.searchParams)), headers);
    }
    const [, prefix, name, ...rest] = url.pathname.split('/');
    if (prefix === 'c' && name === 'real' && collector) return passThrough(request, response, new URL(`/${rest.join('/')}${url.search}`, collector));
    const scenario = prefix === 'c' && scenarios[name];
    if (!scenario) return send(404, 'text/plain', 'not found');
    const path = rest.join('/');
    if (path === 'e') return request.resume().on('end', () => send(200, 'application/json', '{"accepted":0}'));
    const answer = path === 'api/reviews' && request.method === 'POST' ? scenario.submit : scenario[path.slice(4)];
    if (answer === undefined) return; // never answers: the widget stays loading (or sending)
    if (typeof answer === 'number') return request.resume().on('end', () => send(answer, 'application/json', '{}'));
    send(200, 'application/json', JSON.stringify(answer));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (options, path = '/page') => `${origin}${path}?${new URLSearchParams(Object.entries(options).filter(([, value]) => value !== undefined))}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Forwards `request` to `target` (a real collector) and its answer back, as a reverse proxy would. */
async function passThrough(request, response, target) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const headers = Object.fromEntries(['content-type', 'authorization'].filter((name) => request.headers[name]).map((name) => [name, request.headers[name]]));
  try {
    const answer = await fetch(target, { method: request.method, headers, body });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    response.end(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(String(error));
  }
}

/** Hooks the current suite up to Chromium and a widget server: `env.browser` and `env.site` once it starts. */
export function browserAndSite() {
  const env = {};
  before(async () => {
    [env.browser, env.site] = await Promise.all([launch(), widgetServer()]);
  });
  after(async () => {
    await env.browser?.close();
    env.site?.close();
  });
  return env;
}
