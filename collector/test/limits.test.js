// @ts-check
/**
 * The tracker checks events with the collector's limits before queuing them
 * (src/track/limits.ts). Both run here on the same events, each at and past every limit:
 * they must agree on every one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import { maxAgeMs, maxValue, validateEvents } from '../dist/src/schema.js';

const source = readFileSync(new URL('../../src/track/limits.ts', import.meta.url), 'utf8');
const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
/** @type {{ invalidField: (event: Record<string, unknown>) => string | undefined, maxAge: number }} */
const tracker = await import(`data:text/javascript,${encodeURIComponent(code)}`);

const now = Date.now();
const base = { id: 'V1StGXR8_Z5jdHi6B-myT', type: 'view', ts: now, url: 'https://blog.example/post' };
const long = (/** @type {number} */ n, c = 'a') => c.repeat(n);

/** @type {Record<string, unknown>[]} */
const probes = [
  base,
  ...['', 'a', long(32), long(33), 'a b', 'a.b', 'a/b', 'é'].map((id) => ({ ...base, id })),
  ...['view', 'View', 'scroll-depth', 'a.b_c', '-view', long(32), long(33), '', 7].map((type) => ({ ...base, type })),
  ...[`https://a.example/${long(2048 - 18)}`, `https://a.example/${long(2048 - 17)}`, `http://a.example/${long(2048 - 17)}`, `https://a.example/${long(2047 - 18)}é`,
    'https://a.example/a b', 'https://a.example/a\u0000', 'javascript:alert(1)', 'https://', 'ftp://a.example/'].map((url) => ({ ...base, url })),
  ...[now + 0.5, String(now)].map((ts) => ({ ...base, ts })),
  ...['', long(32), long(33), 'a-b_c'].map((ref) => ({ ...base, ref })),
  { ...base, type: 'share', network: 'x' },
  ...['S1', long(33)].map((share) => ({ ...base, type: 'share', share, network: 'x' })),
  ...['x', 'X', 'x-twitter', 'x twitter', long(33)].map((network) => ({ ...base, network })),
  ...['button', 'Button'].map((via) => ({ ...base, via })),
  ...[long(64), long(65), 'v.1'].map((visitor) => ({ ...base, visitor })),
  ...[0, 1, 5, 6, 2.5, '5'].map((rating) => ({ ...base, type: 'review', rating })),
  ...['', 'i', long(200), long(201), `${long(199)}😀`, `${long(200)}😀`, 'a\u0000', 'a\nb'].map((item) => ({ ...base, item })),
  ...['', long(100), long(101), 'sign up'].map((name) => ({ ...base, type: 'convert', name })),
  ...[0, -1, 0.25, maxValue, maxValue + 1, 1e308, '9', null].map((value) => ({ ...base, type: 'convert', value })),
  ...['EUR', 'eur', 'EURO'].map((currency) => ({ ...base, type: 'convert', currency })),
  ...['LCP', 'lcp', 'TTFB', '_x', long(33)].map((metric) => ({ ...base, type: 'vitals', metric })),
  ...['news.example', 'news.example:8080', '[::1]:8080', 'xn--bcher-kva.example', 'News.example', 'news.example/path', '', long(253), long(254)].map((referrer) => ({ ...base, referrer })),
  ...['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'].flatMap((field) =>
    ['newsletter', '', long(200), long(201), `${long(199)}😀`, 'a\u0000'].map((value) => ({ ...base, [field]: value })),
  ),
];

describe('the tracker and the collector', () => {
  it('accept and refuse the same events', () => {
    const disagreements = probes.filter((event) => {
      const collector = validateEvents([structuredClone(event)], now).valid.length === 1;
      const ours = tracker.invalidField(event) === undefined;
      return collector !== ours;
    });
    assert.deepEqual(disagreements, []);
  });

  it('prune unsent events at the age the collector stops accepting', () => {
    assert.equal(tracker.maxAge, maxAgeMs);
  });
});
