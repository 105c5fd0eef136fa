// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retentionCutoff } from '../dist/src/retention.js';

describe('retentionCutoff', () => {
  const now = Date.UTC(2026, 2, 31, 12); // 31 March 2026, noon

  it('counts months and years on the calendar, clamped to the end of a shorter month', () => {
    assert.equal(new Date(/** @type {number} */ (retentionCutoff('13mo', now))).toISOString(), '2025-02-28T12:00:00.000Z');
    assert.equal(new Date(/** @type {number} */ (retentionCutoff('2y', now))).toISOString(), '2024-03-31T12:00:00.000Z');
    assert.equal(new Date(/** @type {number} */ (retentionCutoff('1mo', Date.UTC(2024, 2, 31)))).toISOString(), '2024-02-29T00:00:00.000Z');
  });

  it('counts hours, days and weeks exactly', () => {
    assert.equal(retentionCutoff('36h', now), now - 36 * 3600_000);
    assert.equal(retentionCutoff('30d', now), now - 30 * 86_400_000);
    assert.equal(retentionCutoff('8w', now), now - 56 * 86_400_000);
    assert.equal(retentionCutoff(1000, now), now - 1000);
  });

  it('keeps everything when off', () => {
    assert.equal(retentionCutoff('off', now), undefined);
    assert.equal(retentionCutoff(0, now), undefined);
  });
});
