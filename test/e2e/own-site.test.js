/**
 * The README's walkthrough: a page of one's own, on another port, sends its events to
 * the collector that `npm start` runs, once WOM_ORIGINS names the page's origin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from './browser.js';

const start = fileURLToPath(new URL('../../scripts/start.js', import.meta.url));
const token = 'own-site-dashboard-token';

/** Runs `node scripts/start.js` (what `npm start` runs after building) in `cwd`; resolves with its collector's origin. */
async function npmStart(cwd, env) {
  const child = spawn(process.execPath, [start], {
    cwd,
    env: { ...process.env, PORT: '0', COLLECTOR_PORT: '0', WOM_TOKEN: token, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout) {
    output += chunk;
    const match = /Collector: +(http:\/\/127\.0\.0\.1:\d+)\/e/.exec(output);
    if (match) return { child, collector: match[1] };
  }
  throw new Error(`npm start did not start:\n${output}`);
}

describe('a page of one\'s own against the `npm start` collector', () => {
  let browser, site, demo, dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wom-own-site-'));
    site = await serve({ html: (text) => text.replaceAll('COLLECTOR', demo?.collector ?? '') });
    demo = await npmStart(dir, { WOM_ORIGINS: `https://other.example, ${site.origin}` });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    site?.server.close();
    demo?.child.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers its view when WOM_ORIGINS names its origin, and the report shows it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages = [];
    page.on('console', (message) => message.type() === 'error' && messages.push(message.text()));
    const pageUrl = `${site.origin}/test/e2e/pages/own-site.html`;
    const sent = page.waitForResponse((response) => response.url() === `${demo.collector}/e`);
    await page.goto(pageUrl);
    assert.equal((await sent).status(), 200);
    await context.close();

    const response = await fetch(`${demo.collector}/api/report?url=${encodeURIComponent(pageUrl)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal((await response.json()).views, 1);
    assert.deepEqual(messages, []);
  });
});
