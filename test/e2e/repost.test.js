import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve } from './browser.js';

/** Quotes whose text fragments are hard to get right, far apart on one long page. */
const quotes = {
  long: '<blockquote><p>Salt, pepper &amp; oil - that is all you need; the rest – tomatoes, basil – is a bonus.</p></blockquote>',
  persian: '<p lang="fa">کتاب‌ها را می‌خوانم، هر روز صبح با چای.</p>',
  emoji: '<p>Loved it 👩🏽‍💻 &amp; so did my 🇩🇪 friends, 100%!</p>',
  blocks: '<blockquote><p>First paragraph of a longer review.</p><p>And the second one ends here.</p></blockquote>',
};

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Reposts</title>
<script src="/dist/wom.min.js" defer></script>
<style>.spacer { block-size: 150vh }</style>
</head>
<body>
${Object.entries(quotes)
  .map(([name, html]) => `<div class="spacer"></div><wom-repost data-name="${name}" networks="telegram copy">${html}</wom-repost>`)
  .join('\n')}
<div class="spacer"></div>
<wom-repost id="with-id" networks="telegram"><p>An anchored quote.</p></wom-repost>
<div class="spacer"></div>
</body>
</html>`;

describe('<wom-repost> links, opened in a second page (dist/wom.min.js)', () => {
  let browser, server, origin, context;
  /** The URL each quote's menu gives to Telegram. */
  const urls = {};

  before(async () => {
    ({ server, origin } = await serve());
    browser = await launch();
    context = await browser.newContext();
    await context.route(`${origin}/reposts.html*`, (route) => route.fulfill({ contentType: 'text/html', body: page }));
    const first = await context.newPage();
    await first.goto(`${origin}/reposts.html#top`);
    for (const selector of [...Object.keys(quotes).map((name) => `[data-name="${name}"]`), '#with-id']) {
      const repost = first.locator(selector);
      await repost.locator('[part~="control"]').click();
      const href = await repost.locator('a[part~="telegram"]').getAttribute('href');
      urls[selector] = new URL(href).searchParams.get('url');
      await first.keyboard.press('Escape');
    }
    await first.close();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  for (const name of Object.keys(quotes)) {
    it(`scrolls to and marks the ${name} quote`, async () => {
      const selector = `[data-name="${name}"]`;
      assert.match(urls[selector], /^http:\/\/127\.0\.0\.1:\d+\/reposts\.html\?wom=[\w-]{10}#top:~:text=/, 'keeps the page’s hash');
      const tab = await context.newPage();
      await tab.goto(urls[selector]);
      const arrived = tab.locator('wom-repost[arrived]');
      await arrived.waitFor();
      assert.equal(await arrived.getAttribute('data-name'), name, 'only that quote is marked');
      assert.equal(await tab.locator('wom-repost[arrived]').count(), 1);
      assert.equal(await arrived.evaluate((el) => el.matches(':state(arrived)')), true);
      await tab.waitForFunction((selector) => {
        const { top, bottom } = document.querySelector(selector).getBoundingClientRect();
        return scrollY > 0 && top >= 0 && bottom <= innerHeight;
      }, selector);
      await tab.close();
    });
  }

  it('anchors the link on the element id (replacing the page’s hash), for browsers without text fragments', async () => {
    assert.match(urls['#with-id'], /#with-id:~:text=An%20anchored%20quote\.$/);
    const tab = await context.newPage();
    await tab.goto(urls['#with-id']);
    await tab.locator('#with-id[arrived]').waitFor();
    await tab.close();
  });

  it('marks nothing on a plain visit', async () => {
    const tab = await context.newPage();
    await tab.goto(`${origin}/reposts.html`);
    await tab.waitForFunction(() => document.querySelector('wom-repost')?.shadowRoot?.querySelector('button'));
    assert.equal(await tab.locator('wom-repost[arrived]').count(), 0);
    assert.equal(await tab.evaluate(() => scrollY), 0);
    await tab.close();
  });
});
