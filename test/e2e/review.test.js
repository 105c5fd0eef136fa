import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { spawnCollector } from '../../collector/test/support/process.js';
import { launch, serve } from './browser.js';

const token = 'e2e-review-token-0123';

/** Starts the real collector binary with its own database; resolves when it listens. */
async function collector(pageOrigin, ...flags) {
  const dir = mkdtempSync(join(tmpdir(), 'wom-review-e2e-'));
  const { child, base: origin } = await spawnCollector(['--db', join(dir, 'wom.db'), '--token', token, '--origins', pageOrigin, ...flags]);
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  /** Waits (a few seconds at most) for the tracker's review event to be stored. */
  const reviewEvent = async () => {
    const db = new Database(join(dir, 'wom.db'), { readonly: true });
    try {
      for (let attempt = 0; attempt < 50; attempt++) {
        const row = db.prepare("select * from events where type = 'review'").get();
        if (row) return row;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      db.close();
    }
  };
  const api = (path, init = {}) =>
    fetch(origin + path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }).then((r) => r.json());
  return { origin, stop, api, reviewEvent };
}

describe('<wom-review> from dist/wom.min.js against the real collector', () => {
  let browser, server, origin, published, moderated;
  before(async () => {
    // Each test's page is wired to the collector it opens the page with (see open()).
    ({ server, origin } = await serve({
      html: (text) => text.replaceAll('COLLECTOR', collectorFor ?? ''),
    }));
    [published, moderated] = await Promise.all([collector(origin), collector(origin, '--moderation', 'all')]);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    published?.stop();
    moderated?.stop();
  });

  let collectorFor;
  /** Opens the review page wired to `target`, with a clock the test can move (the form's fill time). */
  async function open(target, query = '') {
    collectorFor = target.origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.clock.install();
    await page.goto(`${origin}/test/e2e/pages/review.html${query}`);
    await page.locator('wom-review [part="base"][aria-busy="false"]').waitFor();
    return { context, page, errors };
  }

  /**
   * Rates, writes and submits as a reader who took a while over it: the collector times
   * the fill from the form token it sent with the reviews, on its own clock, and holds
   * anything faster than 3 seconds. The pause is the reader's, not a wait for a result.
   */
  async function write(page, rating, text, author) {
    await page.locator(`wom-review label[for="star-${rating}"]`).click();
    await page.locator('wom-review #text').fill(text);
    await page.locator('wom-review #author').fill(author);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await page.locator('wom-review button.submit').click();
  }

  const status = (page) => page.locator('wom-review [part="status"]');
  const reviewTexts = (page) => page.locator('wom-review .review .text').allTextContents();

  it('submits a review that is published at once and is there for the next reader', async () => {
    // The reader arrived through a share: the tracker's review event names it.
    const { context, page, errors } = await open(published, '?wom=Arrival001');
    assert.equal(await page.locator('wom-review .count').textContent(), 'No reviews yet. Be the first!');
    await write(page, 4, 'Loved it.\nA second line.', 'Ada');
    await status(page).filter({ hasText: 'Your review is published.' }).waitFor();
    assert.deepEqual(await reviewTexts(page), ['Loved it.\nA second line.']);
    assert.equal(await page.locator('wom-review .count').textContent(), '1 review');
    assert.equal(await page.locator('wom-review #text').inputValue(), '');

    const next = await context.newPage();
    await next.goto(`${origin}/test/e2e/pages/review.html`);
    await next.locator('wom-review .review').first().waitFor();
    assert.deepEqual(await reviewTexts(next), ['Loved it.\nA second line.']);
    assert.equal(await next.locator('wom-review .author').textContent(), 'Ada');
    const jsonLd = JSON.parse(await next.locator('script[type="application/ld+json"]').textContent());
    assert.deepEqual(jsonLd.aggregateRating, { '@type': 'AggregateRating', ratingValue: 4, bestRating: 5, worstRating: 1, reviewCount: 1 });
    assert.deepEqual(errors, []);
    await context.close(); // pagehide: the tracker flushes its batch
    const event = await published.reviewEvent();
    assert.deepEqual([event?.item, event?.rating, event?.ref, event?.site], ['e2e-book', 4, 'Arrival001', 'e2e']);
  });

  it('with --moderation all, holds the review until it is published through the moderation endpoint', async () => {
    const { context, page, errors } = await open(moderated);
    await write(page, 5, 'Worth the wait.', 'Bo');
    await status(page).filter({ hasText: 'will appear once it has been checked' }).waitFor();
    assert.deepEqual(await reviewTexts(page), []);

    const { reviews } = await moderated.api('/api/reviews/pending');
    assert.deepEqual(reviews.map((r) => [r.text, r.author, r.rating, r.site]), [['Worth the wait.', 'Bo', 5, 'e2e']]);
    const answer = await moderated.api('/api/reviews/moderate', {
      method: 'POST',
      body: JSON.stringify({ action: 'publish', ids: [reviews[0].id] }),
    });
    assert.equal(answer.updated, 1);

    await page.reload();
    await page.locator('wom-review .review').first().waitFor();
    assert.deepEqual(await reviewTexts(page), ['Worth the wait.']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows hostile text that came through the API as inert text, in the page and in the JSON-LD', async () => {
    const markup = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script> \u202Eevil ';
    const hostile = markup + 'w'.repeat(5000 - markup.length);
    const response = await fetch(`${published.origin}/api/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'e2e', item: 'e2e-book', rating: 1, text: hostile, author: '<b>x</b>', elapsed: 9000 }),
    });
    // A script's claimed fill time counts for nothing: without a form token it waits for a moderator.
    assert.equal(response.status, 202);
    const { reviews } = await published.api('/api/reviews/pending?site=e2e');
    assert.deepEqual(reviews.map((r) => [r.author, r.reason]), [['<b>x</b>', 'token']]);
    await published.api('/api/reviews/moderate', { method: 'POST', body: JSON.stringify({ action: 'publish', ids: [reviews[0].id] }) });
    const { context, page, errors } = await open(published);
    await page.locator('wom-review .review').first().waitFor();
    assert.equal((await reviewTexts(page))[0], hostile);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.locator('wom-review img, wom-review .review script, wom-review b').count(), 0);
    const script = await page.locator('script[type="application/ld+json"]').evaluate((s) => s.outerHTML);
    assert.ok(!script.slice(0, -'</script>'.length).includes('</script>'));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
