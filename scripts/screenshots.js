/**
 * Screenshots of each dashboard view for the README, from seeded demo data:
 * `node scripts/screenshots.js` (after `npm run build:dashboard`) writes
 * docs/screenshots/*.png. The data is random but seeded, so reruns draw the same site.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../collector/dist/src/app.js';
import { launch } from '../test/e2e/browser.js';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const token = 'demo-token-0123456789';
const day = 24 * 3600_000;

/** mulberry32: a small seeded generator, so the demo site is the same on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Four weeks of a blog: direct views every day, and cascades: each share brings a few
 * visits, some of whom share again (on the networks their readers use), some convert.
 */
function demoEvents(now) {
  const rand = random(42);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const pages = [
    ['https://blog.example/posts/launch', 30, 0.5],
    ['https://blog.example/posts/field-guide', 22, 0.35],
    ['https://blog.example/posts/sourdough', 16, 0.3],
    ['https://blog.example/posts/release-notes', 9, 0.15],
    ['https://blog.example/about', 6, 0.05],
    ['https://blog.example/posts/interview', 12, 0.25],
  ];
  const networks = ['telegram', 'whatsapp', 'x', 'facebook', 'linkedin', 'copy', 'email'];
  const events = [];
  let n = 0;
  /** Ten characters, like the tracker's share ids (and unique, so nothing is deduplicated). */
  const id = (prefix) => `${prefix}${(n++).toString(36).padStart(9, '0')}`;
  const add = (fields) => events.push({ id: id('e'), ...fields });

  /** A share at `ts` and everything it brings, `depth` generations deep at most. */
  function cascade(url, ts, ref, network, reshare, depth) {
    const share = id('S');
    add({ type: 'share', url, ts, share, ref, network, via: 'button' });
    const visits = depth > 0 ? Math.floor(rand() * (depth > 2 ? 5 : 3)) + 1 : 0;
    for (let i = 0; i < visits; i++) {
      const at = ts + Math.floor(rand() * 6 * 3600_000) + 60_000;
      if (at > now) continue;
      add({ type: 'view', url, ts: at, ref: share });
      if (rand() < 0.06) add({ type: 'convert', url, ts: at + 30_000, ref: share, name: 'subscribe', value: pick([9, 19, 49]), currency: 'EUR' });
      if (rand() < reshare) cascade(url, at + 60_000, share, rand() < 0.6 ? network : pick(networks), reshare * 0.8, depth - 1);
    }
  }

  for (let d = 27; d >= 0; d--) {
    const start = now - d * day - 12 * 3600_000;
    for (const [url, daily, reshare] of pages) {
      const views = Math.round(daily * (0.6 + rand() * 0.8));
      for (let i = 0; i < views; i++) {
        const ts = start + Math.floor(rand() * 10 * 3600_000);
        add({ type: 'view', url, ts });
        if (rand() < 0.08 * reshare * 2) cascade(url, ts + 60_000, undefined, pick(networks), reshare, 4);
      }
    }
  }
  // One launch-day cascade that went far: the tree the page view shows first.
  cascade(pages[0][0], now - 6 * day, undefined, 'telegram', 0.9, 6);
  return events.filter((e) => e.ts <= now).map((e) => (e.ref === undefined ? (({ ref, ...rest }) => rest)(e) : e));
}

const dir = await mkdtemp(join(tmpdir(), 'wom-screenshots-'));
const app = await build({ db: join(dir, 'demo.db'), token, logger: false, rateLimit: 0 });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.server.address().port}`;
const browser = await launch();
try {
  const events = demoEvents(Date.now());
  for (let i = 0; i < events.length; i += 200) {
    const response = await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify({ v: 1, site: 'blog', events: events.slice(i, i + 200) }) });
    if (!response.ok) throw new Error(`ingest: ${response.status} ${await response.text()}`);
  }
  const reviews = [
    ['book-42', 5, 'Read it in one sitting. The chapter on starters finally made it click for me.', 'Maja', 9000],
    ['book-42', 4, 'Great recipes; I wish the photos were bigger.', 'Tomasz', 9000],
    ['book-42', 5, 'Best price here: https://cheap-books.example/deal', 'promo', 9000],
    ['course-7', 3, 'Solid basics, a bit slow in the middle.', null, 500],
    ['course-7', 5, 'عالی بود، ممنون!', 'Sara', 500],
  ];
  for (const [item, rating, text, author, elapsed] of reviews) {
    await fetch(`${base}/api/reviews`, { method: 'POST', body: JSON.stringify({ site: 'blog', item, rating, text, author, elapsed }) });
  }

  await mkdir(out, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
  const page = await context.newPage();
  // The top of each view, as a reader first sees it (long pages are cut at 1,600 px).
  const shot = async (name) => {
    const height = Math.min(1600, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
  };

  await page.goto(`${base}/dashboard/`);
  await page.getByLabel('Collector token').waitFor();
  await shot('sign-in');
  await page.getByLabel('Collector token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Totals' }).waitFor();
  await shot('overview');
  await page.getByRole('link', { name: 'https://blog.example/posts/launch' }).click();
  await page.locator('wom-cascade-tree').first().waitFor();
  await shot('page');
  await page.getByRole('link', { name: 'Reviews' }).click();
  await page.getByRole('heading', { name: 'Waiting for moderation' }).waitFor();
  await page.locator('wom-reviews tbody tr').first().waitFor();
  await shot('reviews');
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByLabel('Language').selectOption('fa');
  await page.getByRole('heading', { name: 'جمع‌ها' }).waitFor();
  await shot('overview-fa');
  console.log(`${events.length} demo events; screenshots in ${out}`);
} finally {
  await browser.close();
  await app.close();
  await rm(dir, { recursive: true, force: true });
}
