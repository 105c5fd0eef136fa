/**
 * The tracker end to end: the built dist/wom-track.min.js in real Chromium, on
 * pages served under a strict Content-Security-Policy by a local HTTP server
 * that also records every request the browser sends to it (test/track/recorder.js).
 * Run `npm run build` first.
 */
import { after, afterEach, before, describe, it as test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { createRecorder } from '../track/recorder.js';

/** Each test gets a bound, so that a browser that never answers fails the test instead of hanging it. */
const it = (name, fn) => test(name, { timeout: 15_000 }, fn);

const bundle = readFileSync(new URL('../../dist/wom-track.min.js', import.meta.url));
const recorder = createRecorder();
const pages = new Map();
const server = createServer((req, res) => {
  if (recorder.handle(req, res)) return;
  const { pathname } = new URL(req.url, 'http://localhost');
  if (pathname === '/wom-track.min.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    return res.end(bundle);
  }
  const html = pages.get(pathname);
  res.writeHead(html ? 200 : 404, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'self'; script-src 'self'; connect-src 'self' http://127.0.0.1:*",
  });
  res.end(html ?? 'not found');
});

let origin;
let browser;
let page = 0;
/** Every browser context of a test, closed after it; errors and CSP violations they saw. */
let contexts = [];
let problems = [];

before(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  server.closeAllConnections();
  server.close();
});

afterEach(
  async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    assert.deepEqual(problems, [], 'no page error, CSP violation or unload listener');
    problems = [];
  },
  // A page stuck in the browser must fail its test, not hang the suite.
  { timeout: 20_000 },
);

/**
 * Serves a page loading the tracker with `data-*` attributes `data` (data-bots="on"
 * and data-vitals="off" unless given) and returns its URL. Its collector is the
 * recording bucket `bucket`.
 */
function servePage(bucket, data = {}, body = '<p>A post worth sharing.</p>') {
  const path = `/p${++page}/post`;
  const attributes = Object.entries({ collector: `/__collect/${bucket}`, bots: 'on', vitals: 'off', ...data })
    .filter(([, value]) => value !== null)
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('');
  pages.set(path, `<!doctype html><html lang="en"><head><title>Post ${page}</title>
<script src="/wom-track.min.js" defer${attributes}></script></head><body>${body}</body></html>`);
  return `${origin}${path}`;
}

/** A new browser context (a separate reader: own storage) whose pages report problems. */
async function reader(init) {
  const context = await browser.newContext();
  contexts.push(context);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective}`));
    // The tracker must never listen for unload (it breaks the back/forward cache).
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (type === 'unload' || type === 'beforeunload') console.error(`unload listener: ${type}`);
      return add.call(this, type, ...rest);
    };
  });
  if (init) await context.addInitScript(init);
  context.on('page', watch);
  return context;
}

function watch(tab) {
  tab.on('pageerror', (error) => problems.push(error.message));
  // Failed requests are logged by the browser itself; the tests that cause them expect them.
  tab.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
}

/** Opens `url` in a new tab of `context`, once the tracker has run. */
async function open(context, url) {
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => window.wom?.shareUrl);
  return tab;
}

/**
 * The events the bucket received, once there are at least `count` (or the recorder's
 * wait timed out). Repeated ids count once, as the collector counts them: two tabs of
 * one reader may both send an event still queued when the second tab opened.
 */
async function received(bucket, count = 1) {
  for (let requests = 1; ; requests++) {
    const records = await recorder.wait(bucket, requests);
    const all = records.flatMap((record) => JSON.parse(record.body).events);
    const events = all.filter((event, index) => all.findIndex((other) => other.id === event.id) === index);
    if (events.length >= count || records.length < requests) return events;
  }
}

/**
 * Proves what `tab` did not send: navigates it to a sentinel page that sends a
 * view to the same bucket (anything `tab` flushed on leaving went out first),
 * then returns the `expected` events received, the sentinel's view last.
 */
async function sentinelEvents(tab, bucket, expected = 1) {
  const sentinel = servePage(bucket, { 'privacy-signals': 'ignore' });
  await tab.goto(sentinel);
  const events = await received(bucket, expected);
  return { events, sentinel };
}

/** Hides `tab` as a switch of tabs would, the way web-vitals' own tests do (test/utils/stubVisibilityChange.js). */
function hide(tab) {
  return tab.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const stored = (tab, key) => tab.evaluate((key) => JSON.parse(localStorage.getItem(key)), key);

describe('arrival', () => {
  it('sends a view without ref when the page was not reached through a share', async () => {
    const url = servePage('plain-view');
    await open(await reader(), url);
    const [view] = await received('plain-view');
    assert.equal(view.type, 'view');
    assert.equal(view.url, url);
    assert.ok(!('ref' in view));
    assert.match(view.id, /^[\w-]{21}$/);
  });

  it('sends a view with the arrival share as ref and the page alone, and strips only the parameter from the address bar', async () => {
    const url = servePage('ref-view');
    const tab = await open(await reader(), `${url}?a=1&wom=Uakgb_J5m9&b=2#comments`);
    const [view] = await received('ref-view');
    assert.equal(view.ref, 'Uakgb_J5m9');
    // Parameters the site does not keep (data-keep-params) and the fragment are not recorded.
    assert.equal(view.url, url);
    assert.equal(tab.url(), `${url}?a=1&b=2#comments`);
  });

  it('sends with the view the referring host alone and the landing campaign, kept out of its url', async () => {
    const url = servePage('arrival');
    const tab = await (await reader()).newPage();
    const landing = `${url}?utm_source=newsletter&utm_medium=email&utm_campaign=spring%20sale&utm_content=${'x'.repeat(201)}`;
    await tab.goto(landing, { referer: 'https://news.example/today?story=42' });
    const [view] = await received('arrival');
    assert.equal(view.referrer, 'news.example');
    assert.deepEqual([view.utm_source, view.utm_medium, view.utm_campaign, view.utm_term], ['newsletter', 'email', 'spring sale', undefined]);
    // A value over the collector's 200 characters is left out, not the view.
    assert.equal(view.utm_content, undefined);
    assert.equal(view.url, url);
    assert.equal(tab.url(), landing);

    // From the site itself: no referrer.
    const inside = await (await reader()).newPage();
    await inside.goto(`${servePage('inside')}`, { referer: `${url}?from=menu` });
    const [own] = await received('inside');
    assert.equal(own.referrer, undefined);
  });

  it('builds a two-hop chain across readers: A shares, B arrives and shares, C arrives', async () => {
    const url = servePage('chain');
    const a = await open(await reader(), url);
    const linkA = await a.evaluate(() => wom.shareUrl('x'));
    const b = await open(await reader(), linkA);
    const linkB = await b.evaluate(() => wom.shareUrl('telegram'));
    await open(await reader(), linkB);
    const events = await received('chain', 5);
    const shareA = new URL(linkA).searchParams.get('wom');
    const shareB = new URL(linkB).searchParams.get('wom');
    const shares = events.filter((event) => event.type === 'share');
    const views = events.filter((event) => event.type === 'view');
    assert.deepEqual(
      shares.map(({ share, ref, network, via }) => ({ share, ref, network, via })),
      [
        { share: shareA, ref: undefined, network: 'x', via: 'api' },
        { share: shareB, ref: shareA, network: 'telegram', via: 'api' },
      ],
    );
    assert.deepEqual(
      views.map((view) => view.ref),
      [undefined, shareA, shareB],
    );
  });
});

describe('consent and privacy', () => {
  it('anonymous by default: no visitor id, nothing stored on the device', async () => {
    const tab = await open(await reader(), `${servePage('anonymous')}?wom=anonShare1`);
    await tab.evaluate(() => wom.convert('signup', { value: 49, currency: 'EUR' }));
    const events = await received('anonymous', 2);
    assert.deepEqual(
      events.map(({ type, ref, visitor }) => ({ type, ref, visitor })),
      [
        { type: 'view', ref: 'anonShare1', visitor: undefined },
        { type: 'convert', ref: 'anonShare1', visitor: undefined },
      ],
    );
    assert.deepEqual({ ...events[1], id: 0, ts: 0, url: 0 }, { id: 0, ts: 0, url: 0, type: 'convert', ref: 'anonShare1', name: 'signup', value: 49, currency: 'EUR' });
    assert.equal(await tab.evaluate(() => localStorage.length), 0);
  });

  it('granted: keeps the arrival and a visitor id for later visits within the attribution window', async () => {
    const context = await reader();
    const url = servePage('granted', { consent: 'granted' });
    const first = await open(context, `${url}?wom=grantShare`);
    const [view] = await received('granted');
    assert.match(view.visitor, /^[\w-]{21}$/);
    const kept = await stored(first, 'wom');
    assert.deepEqual({ ...kept, t: typeof kept.t }, { r: 'grantShare', t: 'number', v: view.visitor });
    // A later visit without the parameter still names the arrival share.
    const later = await open(context, url);
    await later.evaluate(() => wom.convert('purchase', { value: 10, currency: 'USD' }));
    const events = await received('granted', 3);
    assert.deepEqual(
      events.slice(1).map(({ type, ref, visitor }) => ({ type, ref, visitor })),
      [
        { type: 'view', ref: 'grantShare', visitor: view.visitor },
        { type: 'convert', ref: 'grantShare', visitor: view.visitor },
      ],
    );
  });

  it('granted: an arrival older than the attribution window is not attributed', async () => {
    const context = await reader();
    const url = servePage('expired', { consent: 'granted' });
    const first = await open(context, url);
    await first.evaluate(() => localStorage.setItem('wom', JSON.stringify({ r: 'oldShare01', t: Date.now() - 31 * 864e5, v: 'visitor' })));
    await open(context, url);
    const events = await received('expired', 2);
    assert.deepEqual(
      events.map(({ ref, visitor }) => ({ ref, visitor })),
      [
        { ref: undefined, visitor: events[0].visitor },
        { ref: undefined, visitor: 'visitor' },
      ],
    );
  });

  it('denied: sends nothing and erases what was stored', async () => {
    const context = await reader();
    const tab = await context.newPage();
    await tab.goto(servePage('unused', { collector: null }));
    await tab.evaluate(() => localStorage.setItem('wom', '{"r":"someShare1","v":"visitor"}'));
    await tab.goto(`${servePage('denied', { consent: 'denied' })}?wom=deniedShar`);
    await tab.evaluate(() => wom.track('click'));
    assert.equal(await tab.evaluate(() => localStorage.getItem('wom')), null);
    const { events, sentinel } = await sentinelEvents(tab, 'denied');
    assert.deepEqual(
      events.map((event) => event.url),
      [sentinel],
    );
  });

  for (const [signal, init] of [
    ['Global Privacy Control', () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })],
    ['Do Not Track', () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })],
  ]) {
    it(`${signal}: sends nothing, even with consent granted, unless the site overrides it`, async () => {
      const context = await reader(init);
      const tab = await context.newPage();
      await tab.goto(servePage(`${signal}-honoured`, { consent: 'granted' }));
      await tab.evaluate(() => wom.track('click'));
      assert.equal(await tab.evaluate(() => localStorage.length), 0);
      const { events, sentinel } = await sentinelEvents(tab, `${signal}-honoured`);
      assert.deepEqual(
        events.map((event) => event.url),
        [sentinel],
      );
      // data-privacy-signals="ignore": the site has its own consent, and it was granted.
      await open(context, servePage(`${signal}-overridden`, { consent: 'granted', 'privacy-signals': 'ignore' }));
      const [view] = await received(`${signal}-overridden`);
      assert.match(view.visitor, /^[\w-]{21}$/);
    });
  }

  it('sends nothing from an automated browser unless the site opts in with data-bots', async () => {
    const tab = await (await reader()).newPage();
    await tab.goto(servePage('bots', { bots: null }));
    const { events, sentinel } = await sentinelEvents(tab, 'bots');
    assert.deepEqual(
      events.map((event) => event.url),
      [sentinel],
    );
  });

  it('switches at runtime: granting starts persistence, denying erases it and stops sending', async () => {
    const tab = await open(await reader(), `${servePage('runtime')}?wom=runtimeSh1`);
    assert.equal(await tab.evaluate(() => localStorage.length), 0);
    await tab.evaluate(() => wom.consent('granted'));
    const kept = await stored(tab, 'wom');
    assert.equal(kept.r, 'runtimeSh1');
    assert.match(kept.v, /^[\w-]{21}$/);
    await tab.evaluate(() => wom.track('after-grant'));
    await received('runtime', 2);
    // Denying also drops events still waiting to be sent.
    await tab.evaluate(() => wom.consent('denied'));
    assert.equal(await tab.evaluate(() => localStorage.length), 0);
    await tab.evaluate(() => wom.track('after-deny'));
    const { events } = await sentinelEvents(tab, 'runtime', 3);
    const types = events.map(({ type, visitor }) => [type, visitor]);
    assert.deepEqual(types.slice(0, 2), [
      ['view', undefined],
      ['after-grant', kept.v],
    ]);
    assert.ok(!events.some((event) => event.type === 'after-deny'));
  });
});

describe('delivery', () => {
  it('applies queued settings before the view and replays queued calls after it, in one request', async () => {
    const context = await reader(() => {
      window.wom = { q: [['track', 'early', { plan: 'pro' }], ['consent', 'granted']] };
    });
    await open(context, servePage('preload'));
    const records = await recorder.wait('preload');
    assert.equal(records.length, 1);
    const events = JSON.parse(records[0].body).events;
    assert.deepEqual(
      events.map(({ type, plan, visitor }) => [type, plan, !!visitor]),
      [
        ['view', undefined, true],
        ['early', 'pro', true],
      ],
    );
  });

  it('flushes when the page goes hidden, without waiting for the burst timer', async () => {
    const tab = await (await reader()).newPage();
    // Frozen timers: only the visibilitychange handler can send.
    await tab.clock.install();
    await tab.clock.pauseAt(Date.now() + 60_000);
    await tab.goto(servePage('hidden'));
    await tab.waitForFunction(() => window.wom?.shareUrl);
    await tab.evaluate(() => wom.track('before-hide'));
    await hide(tab);
    const events = await received('hidden');
    assert.deepEqual(
      events.map((event) => event.type),
      ['view', 'before-hide'],
    );
  });

  it('flushes when the reader navigates away', async () => {
    const tab = await (await reader()).newPage();
    await tab.clock.install();
    await tab.clock.pauseAt(Date.now() + 60_000);
    const url = servePage('leave');
    await tab.goto(url);
    await tab.waitForFunction(() => window.wom?.shareUrl);
    await tab.evaluate(() => wom.track('before-leave'));
    await tab.goto(servePage('elsewhere', { collector: null }));
    const events = await received('leave');
    assert.deepEqual(
      events.map(({ type, url }) => [type, url]),
      [
        ['view', url],
        ['before-leave', url],
      ],
    );
  });

  it('with consent, keeps events the collector could not get and resends them with their ids on the next load', async () => {
    // No sendBeacon (so that failures are seen) and a collector that is down.
    const context = await reader(() => Object.defineProperty(Navigator.prototype, 'sendBeacon', { value: undefined }));
    const down = createServer();
    await new Promise((resolve) => down.listen(0, '127.0.0.1', resolve));
    const deadCollector = `http://127.0.0.1:${down.address().port}/e`;
    await new Promise((resolve) => down.close(resolve));
    const tab = await context.newPage();
    const failures = [];
    tab.on('requestfailed', (request) => failures.push(request.url()));
    await tab.goto(servePage('unreachable', { consent: 'granted', collector: deadCollector }));
    await tab.evaluate(() => wom.convert('signup'));
    // The keepalive fetch and the plain one both fail.
    await tab.waitForEvent('requestfailed', { predicate: () => failures.length >= 2 });
    const kept = await stored(tab, 'wom:q');
    assert.deepEqual(
      kept.map((event) => event.type),
      ['view', 'convert'],
    );
    // Next page load, collector reachable: the kept events go first, with their original ids.
    await tab.goto(servePage('recovered', { consent: 'granted' }));
    const events = await received('recovered');
    assert.deepEqual(
      events.map((event) => event.id),
      [...kept.map((event) => event.id), events[2].id],
    );
    assert.equal(events[2].type, 'view');
    await tab.waitForFunction(() => localStorage.getItem('wom:q') === '[]');
  });

  it('anonymous: keeps nothing for later when the collector is unreachable', async () => {
    const context = await reader(() => Object.defineProperty(Navigator.prototype, 'sendBeacon', { value: undefined }));
    const tab = await context.newPage();
    const failed = tab.waitForEvent('requestfailed');
    await tab.goto(servePage('anon-down', { collector: 'http://127.0.0.1:9/e' }));
    await failed;
    assert.equal(await tab.evaluate(() => localStorage.length), 0);
  });

  it('works on when storage throws: events still go out, no error reaches the page', async () => {
    const context = await reader(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await open(context, `${servePage('no-storage', { consent: 'granted' })}?wom=storeless1`);
    const [view] = await received('no-storage');
    assert.equal(view.ref, 'storeless1');
  });

  it('works on when storage is full', async () => {
    const context = await reader(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
    });
    const tab = await open(context, servePage('full-storage', { consent: 'granted' }));
    await tab.evaluate(() => wom.track('more'));
    const events = await received('full-storage', 2);
    assert.deepEqual(
      events.map((event) => event.type),
      ['view', 'more'],
    );
  });

  it('reports each web vital once, final values flushed when the reader leaves', async () => {
    const tab = await (await reader()).newPage();
    await tab.goto(servePage('vitals', { vitals: null }, '<h1>Vitals</h1><p>Some text to paint.</p><button>Press</button>'));
    await tab.waitForFunction(() => window.wom?.shareUrl);
    // A slow interaction (over web-vitals' 40 ms threshold), processed before the reader leaves:
    // timed by the browser after the next paint, then read by web-vitals when idle.
    await tab.evaluate(() => {
      window.timed = new Promise((resolve) => new PerformanceObserver(resolve).observe({ type: 'event', durationThreshold: 16 }));
      document.querySelector('button').addEventListener('click', () => {
        for (const end = performance.now() + 80; performance.now() < end; );
      });
    });
    await tab.click('button');
    await tab.evaluate(async () => {
      await window.timed;
      // Headless Chromium gives no idle time after an input until frames run again.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await new Promise((resolve) => requestIdleCallback(resolve));
    });
    await tab.goto(servePage('after-vitals', { collector: null }));
    // The view and five metrics, in one request or two (those known early, those final on leaving).
    const events = (await received('vitals', 6)).filter((event) => event.type === 'vitals');
    const metrics = events.map((event) => event.metric).sort();
    assert.deepEqual(metrics, ['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    for (const event of events) assert.equal(typeof event.value, 'number');
  });
});
