/**
 * The script tag loads what the page uses: dist/wom.min.js from a sub-path (as from a
 * CDN), under the demo's strict CSP, fetches an element's chunk when its tag first
 * appears (also later, also inside an open shadow root), web-vitals only after `load`,
 * and nothing else.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { launch } from './browser.js';
import { strictPolicy } from './widget-server.js';

const dist = new URL('../../dist/', import.meta.url);

/** A page whose script tag loads wom from /cdn/v1/, with `body`; `collector` sets data-collector. */
const page = (body, collector) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>On demand</title>
<script src="/cdn/v1/wom.min.js" defer data-bots="on"${collector ? ' data-collector="/e"' : ' '}></script>
</head><body><h1>On demand</h1>${body}</body></html>`;

describe('dist/wom.min.js loads each chunk when the page needs it', () => {
  let browser, server, origin;
  /** Events the page's collector (`/e`) received. */
  const received = [];
  /** Chunks this server answers 404 for (a CDN that lost them). */
  let missing = false;
  before(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url, 'http://x');
      const headers = { 'content-security-policy': strictPolicy, 'cache-control': 'no-store' };
      const file = /^\/cdn\/v1\/([\w.-]+\.js)$/.exec(url.pathname)?.[1];
      if (file && !(missing && file !== 'wom.min.js')) {
        response.writeHead(200, { ...headers, 'content-type': 'text/javascript' });
        return response.end(readFileSync(new URL(file, dist)));
      }
      if (url.pathname === '/page') {
        response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        return response.end(page(url.searchParams.get('body') ?? '', url.searchParams.has('collector')));
      }
      const body = [];
      request.on('data', (chunk) => body.push(chunk));
      request.on('end', () => {
        if (url.pathname === '/e') received.push(...JSON.parse(Buffer.concat(body)).events);
        response.writeHead(file ? 404 : 204).end();
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens a page with `body`; records the chunks it fetches (and when), what it logs, and what it breaks. */
  async function open(body, { collector = false } = {}) {
    const tab = await browser.newPage();
    const chunks = [];
    const problems = [];
    const warnings = [];
    tab.on('request', (request) => {
      const name = /\/cdn\/v1\/(wom[\w.-]*)\.js$/.exec(request.url())?.[1];
      if (name) chunks.push(name.replace(/-[\w-]{8}$/, ''));
    });
    tab.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
      if (message.type() === 'error') problems.push(message.text());
    });
    tab.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await tab.exposeFunction('reportViolation', (text) => problems.push(`violation: ${text}`));
    await tab.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => window.reportViolation(`${event.effectiveDirective} ${event.blockedURI}`));
      // When `load` fired, in the order of requests: web-vitals must come after it.
      addEventListener('load', () => (window.loadedAt = performance.now()));
    });
    await tab.goto(`${origin}/page?body=${encodeURIComponent(body)}${collector ? '&collector' : ''}`, { waitUntil: 'networkidle' });
    return { tab, chunks, problems, warnings };
  }

  /** Resolves once `selector` (looked up in the document and in open shadow roots) is defined and has rendered (a review without a collector renders nothing, in a shadow root). */
  const rendered = (tab, selector) =>
    tab.waitForFunction((selector) => {
      const find = (root) => root.querySelector(selector) ?? [...root.querySelectorAll('*')].map((el) => el.shadowRoot && find(el.shadowRoot)).find(Boolean);
      const el = find(document);
      return el?.matches(':defined') && el.shadowRoot?.childNodes.length > 0;
    }, selector);

  it('fetches the share chunk for a page with only <wom-share>, from the sub-path, under the strict CSP: no repost or review code', async () => {
    const { tab, chunks, problems } = await open('<wom-share networks="x telegram copy"></wom-share>');
    await rendered(tab, 'wom-share');
    assert.equal(await tab.locator('wom-share a.telegram').getAttribute('aria-label'), 'Share on Telegram (opens in a new window)');
    assert.deepEqual(chunks.sort(), ['wom-share', 'wom-ui', 'wom.min'].sort());
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('fetches only the tracker for a page with no wom tags; with a collector its sending half, which sends the view, and web-vitals after load', async () => {
    const bare = await open('<p>Nothing to share.</p>');
    assert.deepEqual(bare.chunks, ['wom.min']);
    await bare.tab.close();

    const tracked = await open('<p>Nothing to share.</p>', { collector: true });
    await tracked.tab.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /wom-vitals-/.test(entry.name)));
    assert.deepEqual(tracked.chunks.sort(), ['wom-send', 'wom-vitals', 'wom.min'].sort());
    // The sending half, fetched because a collector is set, sends the page's view.
    await tracked.tab.evaluate(() => dispatchEvent(new Event('pagehide')));
    for (let wait = 0; !received.some((event) => event.type === 'view') && wait < 50; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(received.some((event) => event.type === 'view'), 'the view reached the collector');
    const [vitals, loadedAt] = await tracked.tab.evaluate(() => [
      performance.getEntriesByType('resource').find((entry) => /wom-vitals-/.test(entry.name)).startTime,
      window.loadedAt,
    ]);
    assert.ok(vitals >= loadedAt, `web-vitals requested at ${vitals} ms, load at ${loadedAt} ms`);
    assert.deepEqual(tracked.problems, []);
    await tracked.tab.close();
  });

  it('upgrades a tag added after load, in the document and inside an open shadow root', async () => {
    const { tab, chunks, problems } = await open('<p>Later.</p>');
    assert.deepEqual(chunks, ['wom.min']);
    // The host page's own script adds the widgets, as a single-page app would (with DOM calls:
    // the page requires Trusted Types for innerHTML).
    await tab.evaluate(() => {
      const quote = document.createElement('wom-repost');
      quote.append(Object.assign(document.createElement('p'), { textContent: 'A quote added later.' }));
      document.body.append(quote);
    });
    await rendered(tab, 'wom-repost');
    await tab.evaluate(() => {
      const host = document.createElement('div');
      const share = document.createElement('wom-share');
      share.setAttribute('networks', 'x copy');
      host.attachShadow({ mode: 'open' }).append(share);
      document.body.append(host);
    });
    await rendered(tab, 'wom-share');
    // A shadow root already in the page that gets a wom tag later.
    await tab.evaluate(() => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' });
      document.body.append(host);
      const review = document.createElement('wom-review');
      review.setAttribute('item', 'later');
      review.setAttribute('readonly', '');
      requestAnimationFrame(() => host.shadowRoot.append(review));
    });
    await rendered(tab, 'wom-review');
    assert.ok(chunks.includes('wom-repost') && chunks.includes('wom-share') && chunks.includes('wom-review'), chunks.join(' '));
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('breaks nothing when a chunk cannot be fetched: one warning, no error, window.wom works', async () => {
    missing = true;
    try {
      const { tab, problems, warnings } = await open('<wom-share></wom-share><wom-repost><p>Quote</p></wom-repost>');
      await tab.waitForFunction(() => typeof window.wom?.shareUrl() === 'string');
      assert.equal(warnings.filter((text) => text.startsWith('wom: could not load')).length, 1, warnings.join('\n'));
      // The browser itself logs each failed fetch; the page logs no error of its own.
      assert.deepEqual(problems.filter((text) => !text.startsWith('Failed to load resource')), []);
      await tab.close();
    } finally {
      missing = false;
    }
  });
});
