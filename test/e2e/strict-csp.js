/**
 * The strict-CSP check shared by test/e2e/csp-*.test.js: each state of a widget, from
 * the built dist/wom.min.js, under `default-src 'self'; require-trusted-types-for
 * 'script'`: no violation, no console error, and the same pixels as the same page
 * served without the policy. (One file per widget keeps each under the e2e time limit.)
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { browserAndSite, now } from './widget-server.js';

/**
 * A state: the page (`body`, `lang`, `collector` scenario, `colorScheme`, `hash`), what a
 * reader does (`act`, real input only), what shows that the state is on screen (`ready`),
 * console errors that are the state itself (`expect`), and `realClock` where the fake
 * clock would hide what is tested.
 * @typedef {{ body: string, ready: string, lang?: string, collector?: string, colorScheme?: string, hash?: string,
 *   act?: (page: import('playwright-core').Page) => Promise<unknown>, expect?: string[], realClock?: boolean }} State
 */

/** Defines one test per state of `widget`. @param {string} widget @param {Record<string, State>} states */
export function underStrictPolicy(widget, states) {
  describe(`${widget} under a strict CSP with Trusted Types`, () => {
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
      // Every element of the page defined: its chunk has loaded.
      await page.waitForFunction(() => !document.querySelector(':not(:defined)'));
      await act?.(page);
      await page.locator(ready).first().waitFor();
      const screenshot = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
      await context.close();
      return { screenshot, problems };
    }

    for (const [name, state] of Object.entries(states)) {
      it(name, async () => {
        const [strict, open] = await Promise.all([render(state, true), render(state, false)]);
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
}
