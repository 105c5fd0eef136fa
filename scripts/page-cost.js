/**
 * What a page pays for wom: it loads a page holding `body` in Chromium, with
 * dist/wom.min.js from a sub-path (`/cdn/v1/`) under the demo's strict CSP, and
 * returns every script the page fetched from there once it is idle (after `load`,
 * when nothing more is in flight), with its brotli size. Used by scripts/size.js.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';

const dist = new URL('../dist/', import.meta.url);
/** Brotli at its best, as a CDN serves static files. */
export const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const page = (body, collector) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An article</title>
<script src="/cdn/v1/wom.min.js" defer data-site="size" data-bots="on"${collector ? ' data-collector="/e"' : ''}></script>
</head><body><h1>An article</h1><p>Some words to read and to share.</p>${body}</body></html>`;

/** Serves the page and dist/ under /cdn/v1/; a stand-in collector takes `/e` and answers the counts. */
function server(body, collector) {
  return createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://x');
    const send = (type, content) => {
      response.writeHead(200, { 'content-type': type, 'content-security-policy': "default-src 'self'; require-trusted-types-for 'script'" });
      response.end(content);
    };
    if (pathname === '/') return send('text/html; charset=utf-8', page(body, collector));
    const file = /^\/cdn\/v1\/([\w.-]+\.js)$/.exec(pathname)?.[1];
    if (file) return send('text/javascript', readFileSync(new URL(file, dist)));
    request.resume().on('end', () => send('application/json', '{}'));
  });
}

/**
 * Loads each page in one browser; resolves with, per page, the scripts it fetched
 * (`files`: name and brotli bytes) in the order requested.
 * @param {{ body: string, collector?: boolean }[]} pages
 */
export async function pageCosts(pages) {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const results = [];
    for (const { body, collector } of pages) {
      const http = server(body, collector);
      await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
      const tab = await browser.newPage();
      const files = [];
      tab.on('request', (request) => {
        const file = /\/cdn\/v1\/([\w.-]+\.js)$/.exec(request.url())?.[1];
        if (file) files.push({ file, brotli: brotli(readFileSync(new URL(file, dist))) });
      });
      await tab.goto(`http://127.0.0.1:${http.address().port}/`, { waitUntil: 'networkidle' });
      await tab.waitForFunction(() => !document.querySelector(':not(:defined)'));
      await tab.waitForLoadState('networkidle');
      results.push(files);
      await tab.close();
      http.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
