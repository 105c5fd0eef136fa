/**
 * Delivery under a slow machine, shared by the track-stress-*.test.js suites: readers
 * whose CPU runs six times slower (Chromium's throttling through CDP) load a page with
 * `<wom-share>` under the strict CSP, share with a real mouse click and leave at once,
 * before the tracker's 500 ms burst timer can fire. Each leaves in one of three ways:
 * navigating away, closing the tab, or closing the tab while the share's popup (the
 * network's page, answered locally) stays open. Every `view` and `share` must reach a
 * real collector (the bin on SQLite, through the widget server's `/c/real/`), once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import { spawnCollector } from '../../collector/test/support/process.js';
import { launch } from './browser.js';
import { widgetServer } from './widget-server.js';

const token = 'stress-token-0123456789';
// The networks' pages do not resolve, so nothing leaves the machine; intercepting them with
// `route()` instead would pass every request (the beacons too) through this process, where a
// beacon of a page already gone can be lost.
const noNetworks = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
const leaves = ['navigate', 'close', 'popup'];
const body = '<h1>A post worth sharing</h1><p>Read it, then tell a friend.</p><wom-share networks="telegram x copy"></wom-share>';

/**
 * Declares the suite for the readers in `consent` mode (undefined: anonymous) who leave as
 * `leave`: a third of `readers` (reader n of the mode leaves as `leaves[n % 3]`), `parallel`
 * at a time in one browser, each in its own context (its own storage). One file per mode and
 * leave keeps each under the test runner's per-file time cap.
 */
export function stressDelivery({ consent, leave, readers = 50, parallel = 4 }) {
  const env = {};
  const dir = mkdtempSync(join(tmpdir(), 'wom-stress-'));
  before(async () => {
    env.collector = await spawnCollector(['--db', join(dir, 'stress.db'), '--token', token, '--rate', '0']);
    [env.browser, env.site] = await Promise.all([launch([noNetworks]), widgetServer({ collector: env.collector.base })]);
    env.targets = await targetsOnScreen(env);
  });
  after(async () => {
    await env.browser?.close();
    env.site?.close();
    await env.collector?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every page a reader of this suite opened, by path. */
  const opened = new Set();
  {
    const group = Array.from({ length: readers }, (_, n) => n).filter((n) => leaves[n % leaves.length] === leave);
    it(`${leave}: delivers the view and the share of ${group.length} ${consent ?? 'anonymous'} readers who share and leave at once, each once`, async (t) => {
      const contexts = [];
      const problems = [];
      /** How long after the load event, and after the click, each reader began to leave, in ms. */
      const stays = { load: [], click: [] };

      /** Reader `n`: loads its own page, shares with a real click, and leaves. */
      async function read(n, path) {
        const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
        contexts.push(context); // kept open to the end: a browser that closes takes its beacons in flight with it
        const tab = await context.newPage();
        tab.on('pageerror', (error) => problems.push(`${n}: ${error.message}`));
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
        opened.add(path);
        await tab.goto(env.site.url({ body, csp: 'strict', collector: 'real', consent }, path));
        const loaded = Date.now();
        const popup = leave === 'popup' && context.waitForEvent('page');
        // A real mouse click where the control is (the layout is the same for every reader),
        // without Playwright's actionability checks: each is a round trip through the slowed page.
        const target = leave === 'popup' ? 'telegram' : 'copy';
        // A reader clicks what is drawn: the share bar's chunk may arrive after the load event.
        await tab.locator(`wom-share .${target}`).waitFor();
        const { x, y } = env.targets[target];
        await tab.mouse.click(x, y);
        const clicked = Date.now();
        await popup;
        // Each reader lingers its own moment, up to 200 ms: the burst timer (500 ms) never fires first.
        await sleep((n * 37) % 200);
        stays.load.push(Date.now() - loaded);
        stays.click.push(Date.now() - clicked);
        if (leave === 'navigate') await tab.goto('about:blank');
        else await tab.close();
      }

      const paths = group.map((n) => `/page/${consent ?? 'anonymous'}-${n}`);
      let next = 0;
      const worker = async (w) => {
        await sleep(w * 150); // staggered, so that loads and leaves overlap at different moments
        while (next < group.length) {
          const i = next++;
          await read(group[i], paths[i]);
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: parallel }, (_, w) => worker(w)));

      let counts = await tallyEvents(env.collector.base);
      // Beacons still in flight arrive within moments; a lost one never does.
      for (const deadline = Date.now() + 5000; Date.now() < deadline && !paths.every((path) => counts.get(path)?.view && counts.get(path)?.share); ) {
        await sleep(100);
        counts = await tallyEvents(env.collector.base);
      }
      await Promise.all(contexts.map((context) => context.close()));

      const spread = (values) => ((sorted) => `median ${sorted[sorted.length >> 1]} ms, max ${sorted.at(-1)} ms`)([...values].sort((a, b) => a - b));
      t.diagnostic(`${group.length} readers in ${((Date.now() - started) / 1000).toFixed(1)} s; load to leave ${spread(stays.load)}; click to leave ${spread(stays.click)}`);
      const wrong = paths
        .map((path) => ({ path, view: counts.get(path)?.view ?? 0, share: counts.get(path)?.share ?? 0 }))
        .filter(({ view, share }) => view !== 1 || share !== 1);
      assert.deepEqual(wrong, [], 'each reader: exactly one view and one share stored');
      assert.deepEqual([...counts.keys()].filter((path) => !opened.has(path)), [], 'no event from a page no reader opened');
      assert.deepEqual(problems, [], 'no page error');
    });
  }
}

/** Where the Telegram link and the copy button are on a reader's page, measured once on an unthrottled page. */
async function targetsOnScreen(env) {
  const context = await env.browser.newContext();
  const tab = await context.newPage();
  await tab.goto(env.site.url({ body, csp: 'strict', collector: 'full' }));
  const centre = async (selector) => {
    const box = await tab.locator(selector).boundingBox();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const targets = { telegram: await centre('wom-share a.telegram'), copy: await centre('wom-share button.copy') };
  await context.close();
  return targets;
}

/** Per page path, how many events of each type the collector stored (read through its export API). */
async function tallyEvents(base) {
  const response = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  const counts = new Map();
  for (const { url, type } of (await response.json()).events) {
    const { pathname } = new URL(url);
    const page = counts.get(pathname) ?? counts.set(pathname, {}).get(pathname);
    page[type] = (page[type] ?? 0) + 1;
  }
  return counts;
}
