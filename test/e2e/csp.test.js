/**
 * Every widget in every state it can be in, from the built dist/wom.min.js, under
 * `default-src 'self'; require-trusted-types-for 'script'`: no violation, no console
 * error, and the same pixels as the same page served without the policy.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { browserAndSite, now } from './widget-server.js';

const selectable = '<wom-repost selection><p>Select any few words of this paragraph to share them with a link back to it.</p></wom-repost>';

/**
 * Each state: the page (`body`, `lang`, `collector` scenario, `colorScheme`), what a
 * reader does (`act`, real input only) and what shows that the state is on screen (`ready`).
 */
const states = {
  'share: row': { body: '<wom-share></wom-share>', ready: 'wom-share a' },
  'share: icons, fa': { body: '<wom-share layout="icons"></wom-share>', lang: 'fa', ready: 'wom-share a' },
  'share: column, dark': { body: '<wom-share layout="column" theme="dark"></wom-share>', ready: 'wom-share a' },
  'share: counts loading': { body: '<wom-share counts></wom-share>', collector: 'hang', ready: 'wom-share a' },
  'share: counts': { body: '<wom-share counts></wom-share>', ready: 'wom-share [part~="total"]:not(.pending)' },
  'share: counts, fa': { body: '<wom-share counts></wom-share>', lang: 'fa', ready: 'wom-share [part~="total"]:not(.pending)' },
  'share: copied': {
    body: '<wom-share networks="x copy"></wom-share>',
    act: (page) => page.locator('wom-share button.copy').click(),
    ready: 'wom-share button.copy:has-text("copied"), wom-share button.copy:has-text("Copy failed")',
  },
  'repost: closed': { body: '<wom-repost author="Ana"><blockquote><p>Time is an ingredient.</p></blockquote></wom-repost>', ready: 'wom-repost button' },
  'repost: menu open': {
    body: '<wom-repost author="Ana"><blockquote><p>Time is an ingredient.</p></blockquote></wom-repost>',
    act: (page) => page.locator('wom-repost [part~="control"]').click(),
    ready: 'wom-repost [part~="menu"]:popover-open a',
  },
  'repost: menu open, fa, dark': {
    body: '<wom-repost><blockquote><p>زمان یک ماده است.</p></blockquote></wom-repost>',
    lang: 'fa',
    colorScheme: 'dark',
    act: (page) => page.locator('wom-repost [part~="control"]').click(),
    ready: 'wom-repost [part~="menu"]:popover-open a',
  },
  'repost: selection popover': {
    body: selectable,
    act: async (page) => {
      const { x, y, width } = await page.locator('wom-repost p').boundingBox();
      await page.mouse.move(x + 2, y + 8);
      await page.mouse.down();
      await page.mouse.move(x + width / 2, y + 8, { steps: 4 });
      await page.mouse.up();
      await page.clock.runFor(50); // the menu opens after the press's light dismiss
    },
    ready: 'wom-repost [part~="menu"]:popover-open a',
  },
  'repost: arrived': {
    body: '<wom-repost><p id="q">Time is an ingredient.</p></wom-repost>',
    hash: '#:~:text=Time%20is%20an%20ingredient.',
    // Playwright's fake clock also empties the performance timeline, where the text directive is read.
    realClock: true,
    ready: 'wom-repost[arrived]',
  },
  'review: loading': { body: '<wom-review item="book"></wom-review>', collector: 'hang', ready: 'wom-review .skeleton' },
  'review: empty': { body: '<wom-review item="book"></wom-review>', collector: 'empty', ready: 'wom-review .count' },
  'review: load failed': {
    body: '<wom-review item="book"></wom-review>',
    collector: 'error',
    // The browser's own log line for the collector's 500: the state under test, not a fault.
    expect: ['Failed to load resource: the server responded with a status of 500 (Internal Server Error)'],
    ready: 'wom-review .failed',
  },
  'review: full': { body: '<wom-review item="book"></wom-review>', ready: 'wom-review .review' },
  'review: full, fa, dark': { body: '<wom-review item="book"></wom-review>', lang: 'fa', colorScheme: 'dark', ready: 'wom-review .review' },
  'review: badge': { body: '<wom-review item="book" layout="badge"></wom-review>', ready: 'wom-review .average' },
  'review: share menu open': {
    body: '<wom-review item="book"></wom-review>',
    act: (page) => page.locator('wom-review .share summary').first().click(),
    ready: 'wom-review .share[open] a',
  },
  'review: refused (no rating)': {
    body: '<wom-review item="book"></wom-review>',
    act: (page) => page.locator('wom-review button.submit').click(),
    ready: 'wom-review .status.error',
  },
  'review: submitting': { body: '<wom-review item="book"></wom-review>', collector: 'sending', act: write, ready: 'wom-review .status.sending' },
  'review: held': { body: '<wom-review item="book"></wom-review>', collector: 'held', act: write, ready: 'wom-review .status.held' },
  'review: published': { body: '<wom-review item="book"></wom-review>', act: write, ready: 'wom-review .status.published' },
};

/** Rates four stars, writes a line and submits, with the mouse and the keyboard. */
async function write(page) {
  await page.locator('wom-review label[for="star-4"]').click();
  await page.locator('wom-review #text').click();
  await page.keyboard.type('Lovely.');
  await page.locator('wom-review button.submit').click();
}

describe('every widget under a strict CSP with Trusted Types', () => {
  const env = browserAndSite();

  /** Puts the state on screen; resolves with its screenshot and everything the page complained about. */
  async function render({ body, lang, collector, colorScheme = 'light', hash = '', realClock, expect = [], act, ready }, csp) {
    const context = await env.browser.newContext({ viewport: { width: 640, height: 720 }, colorScheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !expect.includes(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.exposeFunction('reportViolation', (text) => problems.push(`violation: ${text}`));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        window.reportViolation(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`),
      ),
    );
    // A frozen clock: dates read the same, and no timer moves the page between the two screenshots.
    if (!realClock) {
      await page.clock.install({ time: now });
      await page.clock.pauseAt(now + 60_000);
    }
    await page.goto(env.site.url({ body, lang, collector, ...(csp && { csp: 'strict' }) }) + hash);
    await page.waitForFunction(() => customElements.get('wom-review'));
    await act?.(page);
    await page.locator(ready).first().waitFor();
    const screenshot = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
    await context.close();
    return { screenshot, problems };
  }

  for (const [name, state] of Object.entries(states)) {
    it(name, async () => {
      const strict = await render(state, true);
      const open = await render(state, false);
      assert.deepEqual(strict.problems, [], 'under the policy');
      assert.deepEqual(open.problems, [], 'without the policy');
      const a = PNG.sync.read(strict.screenshot);
      const b = PNG.sync.read(open.screenshot);
      assert.deepEqual([a.width, a.height], [b.width, b.height], 'same page size');
      const differing = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0 });
      assert.equal(differing, 0, 'pixels that differ with the policy');
    });
  }
});
