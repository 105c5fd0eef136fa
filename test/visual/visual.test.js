/**
 * Visual regression: each widget in its drawn states × (en, fa) × (light, dark) × (1280 px,
 * 390 px), from the built script-tag bundle under a strict Content-Security-Policy, compared
 * pixel by pixel with the baselines in test/visual/baselines/. A difference fails the test
 * and leaves the diff image (and what was drawn) in test/visual/diff/.
 *
 * Accept new baselines with `npm run visual:accept` (WOM_VISUAL_ACCEPT=1).
 * Stable because the font is pinned (Debian's DejaVu Sans, see visual.css), the clock is
 * pinned (fixture.js `now`), the data is fixed (fixture.js) and nothing animates.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { launch, serve } from '../e2e/browser.js';
import { fixtureCollector, now } from './fixture.js';

const baselines = fileURLToPath(new URL('baselines/', import.meta.url));
const diffs = fileURLToPath(new URL('diff/', import.meta.url));
const accepting = process.env.WOM_VISUAL_ACCEPT === '1';

/** What each screenshot shows, and how a reader gets the widget there. */
const widgets = {
  'share-counts': {
    widget: 'share',
    ready: (page) => page.locator('wom-share [part="total"]:not(.pending)').waitFor(),
  },
  'repost-menu-open': {
    widget: 'repost',
    async ready(page) {
      await page.locator('wom-repost [part~="control"]').click();
      await page.waitForFunction(() => document.querySelector('wom-repost')?.shadowRoot?.querySelector('[popover]')?.matches(':popover-open'));
    },
  },
  'review-data-form': {
    widget: 'review',
    ready: (page) => page.locator('wom-review [part="base"][aria-busy="false"] [part="review"]').first().waitFor(),
  },
};
const locales = ['en', 'fa'];
const schemes = ['light', 'dark'];
const viewports = { 1280: { width: 1280, height: 900 }, 390: { width: 390, height: 844 } };

/** Compares `png` with its baseline; returns undefined when they match, else why not. */
function compare(name, png) {
  const file = `${baselines}${name}.png`;
  if (accepting) {
    mkdirSync(baselines, { recursive: true });
    writeFileSync(file, PNG.sync.write(png));
    return undefined;
  }
  mkdirSync(diffs, { recursive: true });
  const actualFile = `${diffs}${name}.actual.png`;
  if (!existsSync(file)) {
    writeFileSync(actualFile, PNG.sync.write(png));
    return `no baseline ${file}: drawn ${actualFile}; run npm run visual:accept`;
  }
  const expected = PNG.sync.read(readFileSync(file));
  if (expected.width !== png.width || expected.height !== png.height) {
    writeFileSync(actualFile, PNG.sync.write(png));
    return `size ${png.width}×${png.height} differs from the baseline's ${expected.width}×${expected.height}: drawn ${actualFile}`;
  }
  const diff = new PNG({ width: png.width, height: png.height });
  const changed = pixelmatch(expected.data, png.data, diff.data, png.width, png.height, { threshold: 0.1 });
  if (changed === 0) return undefined;
  const diffFile = `${diffs}${name}.diff.png`;
  writeFileSync(diffFile, PNG.sync.write(diff));
  writeFileSync(actualFile, PNG.sync.write(png));
  return `${changed} pixels differ from ${file}: diff ${diffFile}, drawn ${actualFile}`;
}

describe('widgets as drawn, against the baselines', () => {
  let browser, site, collector;
  before(async () => {
    rmSync(diffs, { recursive: true, force: true }); // only this run's differences
    collector = await fixtureCollector();
    site = await serve({
      html: (text) => text.replaceAll('COLLECTOR', collector.origin),
      // The demo's policy: what passes here passes on a careful site.
      headers: {
        'content-security-policy': `default-src 'self'; connect-src 'self' ${collector.origin}; img-src 'self' data:`,
      },
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    site?.server.close();
    collector?.server.close();
  });

  for (const [state, { widget, ready }] of Object.entries(widgets)) {
    for (const lang of locales) {
      for (const colorScheme of schemes) {
        for (const [width, viewport] of Object.entries(viewports)) {
          const name = `${state}-${lang}-${colorScheme}-${width}`;
          it(name, async () => {
            const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce', timezoneId: 'UTC', locale: 'en-US' });
            try {
              const page = await context.newPage();
              await page.clock.setFixedTime(now);
              await page.goto(`${site.origin}/test/visual/pages/?widget=${widget}&lang=${lang}`);
              await ready(page);
              await page.evaluate(() => document.fonts.ready);
              const shot = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
              const problem = compare(name, PNG.sync.read(shot));
              if (problem) assert.fail(problem);
            } finally {
              await context.close();
            }
          });
        }
      }
    }
  }
});
