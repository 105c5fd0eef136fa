/**
 * `npm start` as a newcomer sees it: the demo article against a live collector.
 * A share from one reader and the visit it brings to another show up in the
 * marketer's report: the whole chain, from the built bundle to the database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../../scripts/demo.js';
import { launch } from './browser.js';

describe('the demo with its live collector', () => {
  let browser, demo, dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wom-demo-'));
    demo = await startDemo({ port: 0, collectorPort: 0, db: join(dir, 'demo.db') });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const report = async () => {
    const url = `${demo.collector}/api/report?url=${encodeURIComponent(demo.site + '/')}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${demo.token}` } });
    assert.equal(response.status, 200);
    return response.json();
  };

  /** Polls `check` until it holds (the tracker sends in bursts), failing after 10 s. */
  async function until(check) {
    for (const start = Date.now(); !(await check()); ) {
      assert.ok(Date.now() - start < 10_000, 'the collector never got the events');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('shows a reader\'s share and the visit it brought in the report', async () => {
    // Reader A shares the article on Telegram (answered here: no third party is reached).
    const a = await browser.newContext();
    await a.route('https://t.me/**', (route) => route.fulfill({ body: 'telegram' }));
    const pageA = await a.newPage();
    await pageA.goto(demo.site + '/');
    const [popup] = await Promise.all([
      a.waitForEvent('page'),
      pageA.locator('wom-share').first().locator('a.telegram').click(),
    ]);
    const shared = new URL(popup.url()).searchParams.get('url');
    // A's view and share leave in the next burst.
    await until(async () => (await report()).shares === 1);
    await a.close();

    // Reader B opens the shared link: a visit of generation 1 through A's share.
    const b = await browser.newContext();
    const pageB = await b.newPage();
    await pageB.goto(shared);
    await pageB.waitForFunction(() => window.wom?.shareUrl);
    assert.equal(new URL(pageB.url()).searchParams.has('wom'), false, 'referral parameter removed');
    await b.close();

    await until(async () => (await report()).views === 2);
    const data = await report();
    assert.equal(data.views, 2);
    assert.equal(data.shares, 1);
    assert.deepEqual(data.networks.telegram, { shares: 1, visits: 1 });
    assert.deepEqual(
      data.generations.map(({ generation, visits, shares }) => ({ generation, visits, shares })),
      [
        { generation: 0, visits: 1, shares: 1 },
        { generation: 1, visits: 1, shares: 0 },
      ],
    );
    assert.equal(data.k, 1);
    assert.equal(data.depth, 1);
  });

  it('loads with nothing in the console: no failed request, not even the favicon', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages = [];
    page.on('console', (message) => ['error', 'warning'].includes(message.type()) && messages.push(message.text()));
    const icon = page.waitForResponse((response) => response.url().endsWith('/demo/favicon.svg'));
    await page.goto(demo.site + '/');
    assert.equal((await icon).status(), 200);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(messages, []);
    await context.close();
  });

  it('passes axe with every widget rendered, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({ colorScheme });
      await context.addInitScript({ path: fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)) });
      const page = await context.newPage();
      await page.goto(demo.site + '/');
      await page.locator('wom-review').getByText(/No reviews yet/).waitFor();
      // axe reads open shadow roots, so the widgets' insides are audited too.
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      );
      assert.deepEqual(violations, [], colorScheme);
      await context.close();
    }
  });
});
