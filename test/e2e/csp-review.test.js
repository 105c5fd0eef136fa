/** Every state of `<wom-review>` under the strict CSP: see strict-csp.js. */
import { underStrictPolicy } from './strict-csp.js';

/** Rates four stars, writes a line and submits, with the mouse and the keyboard. */
async function write(page) {
  await page.locator('wom-review label[for="star-4"]').click();
  await page.locator('wom-review #text').click();
  await page.keyboard.type('Lovely.');
  await page.locator('wom-review button.submit').click();
}

underStrictPolicy('<wom-review>', {
  loading: { body: '<wom-review item="book"></wom-review>', collector: 'hang', ready: 'wom-review .skeleton' },
  empty: { body: '<wom-review item="book"></wom-review>', collector: 'empty', ready: 'wom-review .count' },
  'load failed': {
    body: '<wom-review item="book"></wom-review>',
    collector: 'error',
    // The browser's own log line for the collector's 500: the state under test, not a fault.
    expect: ['Failed to load resource: the server responded with a status of 500 (Internal Server Error)'],
    ready: 'wom-review .failed',
  },
  full: { body: '<wom-review item="book"></wom-review>', ready: 'wom-review .review' },
  'full, fa, dark': { body: '<wom-review item="book"></wom-review>', lang: 'fa', colorScheme: 'dark', ready: 'wom-review .review' },
  badge: { body: '<wom-review item="book" layout="badge"></wom-review>', ready: 'wom-review .average' },
  'share menu open': {
    body: '<wom-review item="book"></wom-review>',
    act: (page) => page.locator('wom-review .share summary').first().click(),
    ready: 'wom-review .share[open] a',
  },
  'refused (no rating)': {
    body: '<wom-review item="book"></wom-review>',
    act: (page) => page.locator('wom-review button.submit').click(),
    ready: 'wom-review .status.error',
  },
  submitting: { body: '<wom-review item="book"></wom-review>', collector: 'sending', act: write, ready: 'wom-review .status.sending' },
  held: { body: '<wom-review item="book"></wom-review>', collector: 'held', act: write, ready: 'wom-review .status.held' },
  published: { body: '<wom-review item="book"></wom-review>', act: write, ready: 'wom-review .status.published' },
});
