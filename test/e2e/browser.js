/**
 * Shared end-to-end setup: Debian's Chromium driven by playwright-core, and the
 * repository served on localhost as a user's site would serve it.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.js';

/**
 * Launches Chromium; `--disable-blink-features=AutomationControlled` so pages see a reader's browser.
 * `args` adds flags (e.g. `--host-resolver-rules`).
 */
export const launch = (args = []) =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-blink-features=AutomationControlled', ...args],
  });

export { serve };

/**
 * A script-tag bundle or one of the chunks beside it (`/wom.min.js`, `/wom-share-<hash>.js`),
 * read from dist/ for a page served at the root; undefined for any other path.
 */
export function distScript(pathname) {
  const name = /^\/(wom[\w.-]*\.js)$/.exec(pathname)?.[1];
  try {
    return name && readFileSync(new URL(`../../dist/${name}`, import.meta.url));
  } catch {
    return undefined;
  }
}
