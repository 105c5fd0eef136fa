import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from '../../scripts/demo.js';
import { launch, serve } from './browser.js';
import { layoutShift, phonePage } from './layout-shift.js';

describe('dist/wom.min.js in a page, through a plain script tag', () => {
  let browser, server, origin;
  before(async () => {
    ({ server, origin } = await serve({
      headers: { 'content-security-policy': "default-src 'self'; img-src 'self' data:" },
    }));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens the test page, recording every request and console message. */
  async function open(path = '/test/e2e/pages/share.html?utm_campaign=spring#comments') {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    const messages = [];
    const errors = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(origin + path);
    await page.waitForFunction(() => document.querySelector('wom-share')?.shadowRoot?.querySelector('a'));
    return { context, page, requests, messages, errors };
  }

  it('defines the element and window.wom, localized from the nearest lang, under a strict CSP', async () => {
    const { context, page, messages, errors } = await open();
    const label = await page.locator('wom-share').first().locator('a.telegram').getAttribute('aria-label');
    assert.equal(label, 'Auf Telegram teilen (öffnet in neuem Fenster)');
    assert.equal(await page.evaluate(() => typeof window.wom?.configure), 'function');
    const dir = await page.locator('#fa [part="base"]').getAttribute('dir');
    assert.equal(dir, 'rtl');
    assert.deepEqual(errors, []);
    assert.ok(!messages.some((m) => m.includes('Content Security Policy')), messages.join('\n'));
    assert.equal(messages.filter((m) => m.includes('"bogus"')).length, 1, 'one warning naming the unknown key');
    await context.close();
  });

  it('makes no request to any third party before a click', async () => {
    const { context, requests } = await open();
    assert.ok(requests.length > 0);
    assert.deepEqual(requests.filter((url) => !url.startsWith(origin)), []);
    await context.close();
  });

  it('opens the network in a new tab with a referral-tagged link that keeps the page parameters and hash', async () => {
    const { context, page } = await open();
    // The network itself is out of reach here: answer for it, so the popup's URL can be read.
    await context.route('https://t.me/**', (route) => route.fulfill({ body: 'telegram' }));
    const shares = page.evaluate(
      () => new Promise((resolve) => document.addEventListener('wom-share', (e) => resolve(e.detail), { once: true })),
    );
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('wom-share').first().locator('a.telegram').click(),
    ]);
    await popup.waitForLoadState();
    const detail = await shares;
    const shared = new URL(new URL(popup.url()).searchParams.get('url'));
    assert.equal(shared.searchParams.get('wom'), detail.share);
    assert.match(detail.share, /^[\w-]{10}$/);
    assert.equal(shared.searchParams.get('utm_campaign'), 'spring');
    assert.equal(shared.searchParams.get('utm_source'), 'telegram');
    assert.equal(shared.hash, '#comments');
    assert.equal(await popup.evaluate(() => window.opener), null, 'no opener');
    await context.close();
  });

  for (const device of ['desktop', 'phone']) {
    it(`causes no layout shift while the widgets load and render (the demo article, live collector, ${device})`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wom-demo-'));
      const demo = await startDemo({ port: 0, collectorPort: 0, db: join(dir, 'demo.db') });
      const tab = device === 'phone' ? await phonePage(browser) : await (await browser.newContext()).newPage();
      try {
        await tab.goto(demo.site + '/');
        await tab.waitForFunction(() =>
          [...document.querySelectorAll('wom-share, wom-repost, wom-review')].every((el) => el.shadowRoot?.childElementCount),
        );
        await tab.locator('wom-review').getByText(/No reviews yet/).waitFor();
        const shift = await layoutShift(tab);
        assert.equal(shift, 0);
      } finally {
        await tab.context().close();
        await demo.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
