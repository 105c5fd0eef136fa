// @ts-check
/**
 * Counts per key in fixed windows (a minute, a day…) that all start over together: the
 * table is dropped at every window, so a key lives in memory for one window at most. A
 * window starts with the first count after the last one ended.
 *
 * @param {number} windowMs
 */
export function fixedWindow(windowMs) {
  /** @type {Map<string, number>} */
  let counts = new Map();
  let end = 0;
  /** Starts a new window when the current one is over. @param {number} now */
  const roll = (now) => {
    if (now < end) return;
    counts = new Map();
    end = now + windowMs;
  };
  return {
    /** The key's count in the current window. @param {string} key @param {number} now */
    get(key, now) {
      roll(now);
      return counts.get(key) ?? 0;
    },
    /** Adds `n` to the key's count and returns the new count. @param {string} key @param {number} n @param {number} now */
    add(key, n, now) {
      roll(now);
      const count = (counts.get(key) ?? 0) + n;
      counts.set(key, count);
      return count;
    },
    /** Whether the key has a count in this window. @param {string} key */
    has: (key) => counts.has(key),
    /** How many keys the window counts. */
    get size() {
      return counts.size;
    },
    /** Whole seconds until the window starts over. @param {number} now */
    retryAfter: (now) => Math.max(1, Math.ceil((end - now) / 1000)),
  };
}
