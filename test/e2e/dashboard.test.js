/**
 * The dashboard as a marketer uses it: the built assets served by a real collector
 * (SQLite in a temporary file) seeded with a hand-built cascade, driven in Chromium.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../collector/dist/src/app.js';
import { launch } from './browser.js';

const token = 'e2e-dashboard-token';
const reportToken = 'e2e-dashboard-report-token';
const moderationToken = 'e2e-dashboard-moderation-token';
const built = fileURLToPath(new URL('../../collector/public/dashboard/index.html', import.meta.url));
const axe = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

const pageA = 'https://blog.example/spreads';
const pageB = 'https://blog.example/quiet';

/**
 * Page A's cascade: a sharer (S1, telegram) brings v1, v2, v3; v1 shares (S2, x) and
 * brings v4, v5; v4 shares (S3, whatsapp) and brings v6, who converts for 25 and
 * reviews item post-1.
 * Tree: root → v1, v2, v3; v1 → v4, v5; v4 → v6: 7 nodes, depth 3.
 * Generations: 0: 1 visit, 1 share; 1: 3 visits, 1 share; 2: 2 visits, 1 share; 3: 1 visit.
 * Page B: 3 direct views and one share that brought nobody.
 */
function seed(now) {
  let n = 0;
  const at = (fields) => ({ id: `d${(n++).toString(36)}`, ts: now - 3600_000 + n * 1000, ...fields });
  return [
    at({ type: 'view', url: pageA }),
    at({ type: 'share', url: pageA, share: 'S1aaaaaaaa', network: 'telegram', via: 'button' }),
    ...['v1', 'v2', 'v3'].map(() => at({ type: 'view', url: pageA, ref: 'S1aaaaaaaa' })),
    at({ type: 'share', url: pageA, share: 'S2aaaaaaaa', ref: 'S1aaaaaaaa', network: 'x', via: 'button' }),
    ...['v4', 'v5'].map(() => at({ type: 'view', url: pageA, ref: 'S2aaaaaaaa' })),
    at({ type: 'share', url: pageA, share: 'S3aaaaaaaa', ref: 'S2aaaaaaaa', network: 'whatsapp', via: 'button' }),
    at({ type: 'view', url: pageA, ref: 'S3aaaaaaaa' }),
    at({ type: 'convert', url: pageA, ref: 'S3aaaaaaaa', name: 'signup', value: 25, currency: 'EUR' }),
    at({ type: 'review', url: pageA, ref: 'S3aaaaaaaa', item: 'post-1', rating: 4 }),
    ...[1, 2, 3].map(() => at({ type: 'view', url: pageB })),
    at({ type: 'share', url: pageB, share: 'S9aaaaaaaa', network: 'x', via: 'button' }),
  ];
}

describe('the dashboard served by the collector', () => {
  let app, base, browser, context, page, dir;
  const problems = [];
  const api = async (path, init = {}) => {
    const response = await fetch(base + path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
    return response.json();
  };

  before(async () => {
    assert.ok(existsSync(built), 'the dashboard is not built: run `npm run build:dashboard` first');
    dir = await mkdtemp(join(tmpdir(), 'wom-dashboard-'));
    app = await build({ db: join(dir, 'wom.db'), token, reportToken, moderationToken, logger: false, rateLimit: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${app.server.address().port}`;
    const ingest = await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify({ v: 1, site: 'blog', events: seed(Date.now()) }) });
    assert.equal(ingest.status, 200);
    // A review with a link is held for moderation; its text is hostile markup.
    const review = await fetch(`${base}/api/reviews`, {
      method: 'POST',
      body: JSON.stringify({ site: 'blog', item: 'post-1', rating: 4, text: '<img src=x onerror="window.pwned=1"> see https://spam.example/', author: 'Ana', elapsed: 9000 }),
    });
    assert.equal(review.status, 202);

    browser = await launch();
    context = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
    // Injected by the browser itself, so the page's strict CSP need not allow it.
    await context.addInitScript({ path: axe });
    page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** axe-core's violations on the current view (it reads open shadow roots). */
  async function assertAccessible(view) {
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, [], `axe on ${view}`);
  }

  /** Clicks a download button and returns the file's text. */
  async function downloaded(button) {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  it('serves the page under a strict CSP and asks for the token', async () => {
    const response = await page.goto(`${base}/dashboard`);
    assert.equal(new URL(page.url()).pathname, '/dashboard/');
    assert.match(response.headers()['content-security-policy'], /script-src 'self'; style-src 'self'/);
    await page.getByLabel('Collector token').waitFor();
    await assertAccessible('sign-in');
  });

  it('refuses a wrong token with a clear message', async () => {
    await page.getByLabel('Collector token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'did not accept this token' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('wom-dashboard-token')), null);
  });

  it('signs in and shows the same totals as the report API', async () => {
    await page.getByLabel('Collector token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Totals' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('wom-dashboard-token')), token);

    const { totals } = await api('/api/report');
    assert.deepEqual(totals, { views: 10, shares: 4, visits: 6, k: 6 / 9, depth: 3, conversions: 1, value: 25, reviews: 1 });
    const shown = Object.fromEntries(
      await page.locator('wom-overview dl > div').evaluateAll((cards) => cards.map((c) => [c.querySelector('dt').textContent, c.querySelector('dd').textContent])),
    );
    assert.deepEqual(shown, {
      Views: '10',
      Shares: '4',
      'Visits from shares': '6',
      'k (viral coefficient)': '0.67',
      'Deepest cascade': '3',
      Conversions: '1',
      'Conversion value': '25',
      Reviews: '1',
    });
    await assertAccessible('overview');
  });

  it('sorts and filters the pages table', async () => {
    const urls = () => page.locator('wom-overview table tbody th a').allTextContents();
    assert.deepEqual(await urls(), [pageA, pageB]); // by views, most first
    const sharesHeader = page.locator('wom-overview th').filter({ has: page.getByRole('button', { name: 'Shares', exact: true }) });
    await sharesHeader.getByRole('button').click();
    assert.equal(await sharesHeader.getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await urls(), [pageA, pageB]);
    await sharesHeader.getByRole('button').click();
    assert.equal(await sharesHeader.getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await urls(), [pageB, pageA]);

    await page.getByLabel('Filter pages').fill('QUIET');
    assert.deepEqual(await urls(), [pageB]);
    await page.getByLabel('Filter pages').fill('');
  });

  it('exports the pages table as CSV a spreadsheet opens correctly', async () => {
    const { name, text } = await downloaded(page.locator('wom-overview').getByRole('button', { name: /^Download CSV\W+Pages$/ }));
    assert.match(name, /^wom-pages-.*\.csv$/);
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte order mark');
    const lines = text.slice(1).trimEnd().split('\r\n');
    assert.equal(lines[0], 'Page,Views,Shares,Visits from shares,k (viral coefficient),Deepest cascade');
    assert.deepEqual(lines.slice(1).sort(), [`${pageA},7,3,6,1,3`, `${pageB},3,1,0,0,0`].sort());
  });

  it('opens a page: generations equal the API, and the cascade tree has every node', async () => {
    await page.getByRole('link', { name: pageA }).click();
    await page.getByRole('heading', { name: 'Generations' }).waitFor();
    const report = await api(`/api/report?url=${encodeURIComponent(pageA)}`);
    assert.deepEqual(report.generations.map((g) => [g.generation, g.visits, g.shares]), [[0, 1, 1], [1, 3, 1], [2, 2, 1], [3, 1, 0]]);

    const generations = page.locator('wom-chart', { has: page.getByRole('heading', { name: 'Generations' }) });
    const rows = await generations.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => Number(c.textContent))));
    assert.deepEqual(rows, report.generations.map((g) => [g.generation, g.visits, g.shares]));

    assert.equal(report.trees.length, 1);
    const tree = page.locator('wom-cascade-tree');
    assert.equal(await tree.locator('svg [aria-label="dot"] circle').count(), 7);
    assert.equal(await tree.locator('details li').count(), 7);
    assert.deepEqual(await tree.locator('details li').evaluateAll((lis) => lis.map((li) => [...li.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim())), [
      'telegram', 'telegram', 'x', 'whatsapp', 'x', 'telegram', 'telegram',
    ]);
    assert.deepEqual(report.reviewItems, [{ item: 'post-1', reviews: 1 }]);
    assert.equal(await page.getByRole('link', { name: 'post-1' }).getAttribute('href'), '#reviews=post-1');
    await assertAccessible('page detail');
  });

  it("downloads a page's generations as CSV with the API's numbers", async () => {
    const { text } = await downloaded(page.getByRole('button', { name: /^Download CSV\W+Generations$/ }));
    assert.equal(text, '\uFEFFGeneration,Visits,Shares\r\n0,1,1\r\n1,3,1\r\n2,2,1\r\n3,1,0\r\n');
  });

  it('moderates a held review; published, it appears in the widget API', async () => {
    await page.getByRole('link', { name: 'Reviews' }).click();
    const row = page.locator('wom-reviews tbody tr', { hasText: 'Ana' });
    await row.waitFor();
    // Untrusted text is shown as text: the markup is visible and no element was made from it.
    assert.match(await row.locator('td.text').textContent(), /^<img src=x onerror="window.pwned=1">/);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    // Two sites may share an item id: the moderator sees which site a review came from.
    const headers = await page.locator('wom-reviews section', { hasText: 'Waiting' }).locator('thead th').allTextContents();
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[headers.indexOf('Site')], 'blog');
    await assertAccessible('reviews');

    await page.getByRole('checkbox', { name: 'Select the review by Ana' }).check();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: '1 reviews updated.' }).waitFor();
    await page.getByText('No reviews are waiting.').waitFor();
    const published = await (await fetch(`${base}/api/reviews?item=post-1`)).json();
    assert.equal(published.count, 1);
    assert.equal(published.reviews[0].author, 'Ana');
    // The page's link to its reviewed item opens the item's published reviews.
    await page.goto(`${base}/dashboard/#reviews=post-1`);
    await page.locator('wom-reviews section', { hasText: 'Published reviews' }).locator('tbody tr', { hasText: 'Ana' }).waitFor();
  });

  it('a custom range without data explains what to do, with the script tag', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByLabel('Time range').selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-01-31');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('No data in this range yet.').waitFor();
    assert.match(await page.locator('wom-overview pre').textContent(), new RegExp(`data-collector="${base}/e"`));
    await assertAccessible('empty overview');
    await page.getByLabel('Time range').selectOption('30d');
    await page.getByRole('heading', { name: 'Totals' }).waitFor();
  });

  it('switches to Persian, right to left, with Persian digits', async () => {
    await page.getByLabel('Language').selectOption('fa');
    await page.getByRole('heading', { name: 'جمع‌ها' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('wom-overview dl dd').first().textContent(), '۱۰');
    await assertAccessible('overview in Persian');
  });

  it('fits a 390 px phone in Persian: no page-wide scroll, URLs left to right broken after a slash, whole-number ticks', async () => {
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      /** Nothing wider than the screen (tables scroll in their own box). */
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
      /** Each part of a URL between its break points on one line, never letter by letter. */
      const urlParts = (locator) =>
        locator.evaluate((bdi) => ({
          dir: bdi.dir,
          text: bdi.textContent,
          lines: [...bdi.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()).map((n) => {
            const range = document.createRange();
            range.selectNodeContents(n);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          }),
        }));
      assert.ok(await fits(), 'the overview fits the screen');
      const link = page.locator('wom-overview table a bdi').first();
      const overviewUrl = await urlParts(link);
      assert.equal(overviewUrl.dir, 'ltr');
      assert.match(overviewUrl.text, /^https:\/\/blog\.example\//);
      assert.ok(overviewUrl.lines.every((n) => n === 1), `URL parts on one line each: ${overviewUrl.lines}`);
      await assertAccessible('overview in Persian at 390 px');

      await page.locator('wom-overview table a').filter({ hasText: pageA }).click();
      await page.locator('wom-page-detail h2 bdi').waitFor();
      assert.ok(await fits(), 'the page view fits the screen');
      assert.equal((await urlParts(page.locator('wom-page-detail h2 bdi'))).text, pageA);
      const persianDigits = (text) => text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[٬,]/g, '');
      for (const chart of ['نسل‌ها', 'شبکه‌ها']) {
        const ticks = await page
          .locator('wom-chart')
          .filter({ has: page.getByRole('heading', { name: chart }) })
          .locator('[aria-label$="-axis tick label"] text')
          .allTextContents();
        const counts = ticks.map(persianDigits).filter((t) => /^[\d.٫]+$/.test(t));
        assert.ok(counts.length > 1, `${chart}: count ticks ${ticks}`);
        assert.ok(counts.every((t) => /^\d+$/.test(t)), `${chart}: whole numbers only: ${counts}`);
      }
      await assertAccessible('page view in Persian at 390 px');

      await page.getByRole('link', { name: 'نقدها' }).click();
      // The review moderated above is published now: the item's published list shows it.
      await page.locator('wom-reviews input[name="item"]').fill('post-1');
      await page.locator('wom-reviews form button').click();
      const text = page.locator('wom-reviews td.text').first();
      await text.waitFor();
      assert.ok(await fits(), 'the reviews view fits the screen');
      // A review's words stay whole: its column is wider than any word of it.
      assert.ok((await text.evaluate((td) => td.getBoundingClientRect().width)) >= 200, 'review text has room to be read');
      await assertAccessible('reviews in Persian at 390 px');
      await page.getByRole('link', { name: 'نمای کلی' }).click();
    } finally {
      await page.setViewportSize(viewport ?? { width: 1280, height: 720 });
    }
  });

  it('shows each access level what it may see, instead of signing out', async () => {
    const other = await browser.newContext({ locale: 'en-US' });
    await other.addInitScript({ path: axe });
    const tab = await other.newPage();
    try {
      const signIn = async (secret) => {
        await tab.goto(`${base}/dashboard/`);
        await tab.getByLabel('Collector token').fill(secret);
        await tab.getByRole('button', { name: 'Sign in' }).click();
      };
      const navLinks = () => tab.getByRole('navigation').getByRole('link').allTextContents();

      await signIn(moderationToken);
      await tab.getByRole('heading', { name: 'Waiting for moderation' }).waitFor();
      assert.deepEqual(await navLinks(), ['Reviews']);
      await tab.goto(`${base}/dashboard/#overview`);
      await tab.getByRole('heading', { name: 'Waiting for moderation' }).waitFor();
      assert.equal(await tab.getByRole('heading', { name: 'Totals' }).count(), 0);

      await tab.getByRole('button', { name: 'Sign out' }).click();
      await signIn(reportToken);
      await tab.getByRole('heading', { name: 'Totals' }).waitFor();
      assert.deepEqual(await navLinks(), ['Overview']);
      await tab.goto(`${base}/dashboard/#reviews`);
      await tab.getByRole('heading', { name: 'Totals' }).waitFor();
      assert.equal(await tab.getByRole('heading', { name: 'Waiting for moderation' }).count(), 0);
      const violations = await tab.evaluate(async () => (await window.axe.run(document)).violations.map((v) => v.id));
      assert.deepEqual(violations, []);
    } finally {
      await other.close();
    }
  });

  it('signs out and forgets the token; no console error or CSP violation on the way', async () => {
    await page.getByRole('button', { name: 'خروج' }).click();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('wom-dashboard-token')), null);
    // The wrong-token attempt logs its 401 as a failed resource; nothing else may appear.
    assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), []);
  });
});
