/**
 * `<wom-repost>` end to end: the built dist/wom.min.js (run `npm run build` first) in
 * real Chromium, on pages served with a recording collector (test/track/recorder.js).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRecorder } from '../track/recorder.js';
import { distScript, launch } from './browser.js';
import { layoutShift } from './layout-shift.js';

/** Quotes whose text fragments are hard to get right, far apart on one long page. */
const quotes = {
  long: '<blockquote><p>Salt, pepper &amp; oil - that is all you need; the rest – tomatoes, basil – is a bonus.</p></blockquote>',
  persian: '<p lang="fa">کتاب‌ها را می‌خوانم، هر روز صبح با چای.</p>',
  emoji: '<p>Loved it 👩🏽‍💻 &amp; so did my 🇩🇪 friends, 100%!</p>',
  blocks: '<blockquote><p>First paragraph of a longer review.</p><p>And the second one ends here.</p></blockquote>',
};

/** The page, its events going to the recorder's `bucket`. */
const page = (bucket) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Reposts</title>
<script src="/wom.min.js" defer data-collector="/__collect/${bucket}" data-bots="on" data-vitals="off"></script>
<style>.spacer { block-size: 150vh }</style>
</head>
<body>
${Object.entries(quotes)
  .map(([name, html]) => `<div class="spacer"></div><wom-repost data-name="${name}" networks="telegram copy">${html}</wom-repost>`)
  .join('\n')}
<div class="spacer"></div>
<wom-repost id="with-id" networks="telegram"><p>An anchored quote.</p></wom-repost>
<wom-repost data-name="selectable" selection networks="copy"><p>Pick any three words of this sentence to share them.</p></wom-repost>
<div class="spacer"></div>
</body>
</html>`;

const recorder = createRecorder();
const server = createServer((req, res) => {
  if (recorder.handle(req, res)) return;
  const { pathname } = new URL(req.url, 'http://localhost');
  const script = distScript(pathname);
  const [type, body] = script ? ['text/javascript', script] : ['text/html; charset=utf-8', page(pathname.slice(1))];
  res.writeHead(200, { 'content-type': type, 'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'" });
  res.end(body);
});

let browser, origin;
before(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server.close();
});

describe('<wom-repost> links, opened in a second page', () => {
  let context;
  /** The URL each quote's menu gives to Telegram. */
  const urls = {};

  before(async () => {
    context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${origin}/reposts#top`);
    for (const selector of [...Object.keys(quotes).map((name) => `[data-name="${name}"]`), '#with-id']) {
      const repost = first.locator(selector);
      await repost.locator('[part~="control"]').click();
      const href = await repost.locator('a[part~="telegram"]').getAttribute('href');
      urls[selector] = new URL(href).searchParams.get('url');
      await first.keyboard.press('Escape');
    }
    await first.close();
  });
  after(() => context?.close());

  for (const name of Object.keys(quotes)) {
    it(`scrolls to and marks the ${name} quote`, async () => {
      const selector = `[data-name="${name}"]`;
      assert.match(urls[selector], /^http:\/\/127\.0\.0\.1:\d+\/reposts\?wom=[\w-]{10}#top:~:text=/, 'keeps the page’s hash');
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

  it('causes no layout shift while it loads, renders and opens its menu', async () => {
    const tab = await context.newPage();
    await tab.goto(`${origin}/layout`);
    const repost = tab.locator('[data-name="long"]');
    await repost.locator('[part~="control"]').click();
    await repost.locator('a[part~="telegram"]').waitFor();
    const shift = await layoutShift(tab);
    assert.equal(shift, 0);
    await tab.close();
  });

  it('marks nothing on a plain visit', async () => {
    const tab = await context.newPage();
    await tab.goto(`${origin}/reposts`);
    await tab.waitForFunction(() => document.querySelector('wom-repost')?.shadowRoot?.querySelector('button'));
    assert.equal(await tab.locator('wom-repost[arrived]').count(), 0);
    assert.equal(await tab.evaluate(() => scrollY), 0);
    await tab.close();
  });
});

describe('<wom-repost> beacons', () => {
  /** The events the bucket received, once there are at least `count` (or the recorder's wait timed out). */
  async function received(bucket, count) {
    for (let requests = 1; ; requests++) {
      const records = await recorder.wait(bucket, requests);
      const events = records.flatMap((record) => JSON.parse(record.body).events);
      if (events.length >= count || records.length < requests) return events;
    }
  }

  /** The detail of the next `wom-share` on `tab`. */
  const nextShare = (tab) =>
    tab.evaluate(() => new Promise((resolve) => addEventListener('wom-share', (e) => resolve(e.detail), { once: true })));

  it('sends shares with via repost and via selection, and the visit through one with its ref', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${origin}/beacons`);

    const repost = tab.locator('[data-name="long"]');
    await repost.locator('[part~="control"]').click();
    let share = nextShare(tab);
    await repost.locator('[part~="copy"]').click();
    const quoted = await share;
    await tab.keyboard.press('Escape');

    const selectable = tab.locator('[data-name="selectable"]');
    await selectable.evaluate((el) => {
      const text = el.querySelector('p').firstChild;
      getSelection().setBaseAndExtent(text, 0, text, 20);
    });
    share = nextShare(tab);
    await tab.keyboard.press('Alt+Shift+KeyS');
    await tab.keyboard.press('Enter');
    const selected = await share;
    assert.equal(selected.text, 'Pick any three words');

    const shares = (await received('beacons', 3)).filter((event) => event.type === 'share');
    assert.deepEqual(
      shares.map(({ share, network, via }) => ({ share, network, via })),
      [
        { share: quoted.share, network: 'copy', via: 'repost' },
        { share: selected.share, network: 'copy', via: 'selection' },
      ],
    );

    const arrival = await context.newPage();
    await arrival.goto(quoted.url.replace('/beacons', '/arrivals'));
    await arrival.locator('[data-name="long"][arrived]').waitFor();
    const [view] = await received('arrivals', 1);
    assert.equal(view.type, 'view');
    assert.equal(view.ref, quoted.share);
    assert.equal(new URL(arrival.url()).searchParams.has('wom'), false, 'the tracker took the referral out of the address bar');
    await context.close();
  });
});
