/**
 * Counts per key in fixed windows (a minute, a day…) that all start over together: the
 * table is dropped at every window, so a key lives in memory for one window at most. A
 * window starts with the first count after the last one ended.
 */
export function fixedWindow(windowMs: number) {
  let counts: Map<string, number> = new Map();
  let end = 0;
  /** Starts a new window when the current one is over. */
  const roll = (now: number) => {
    if (now < end) return;
    counts = new Map();
    end = now + windowMs;
  };
  return {
    /** The key's count in the current window. */
    get(key: string, now: number) {
      roll(now);
      return counts.get(key) ?? 0;
    },
    /** Adds `n` to the key's count and returns the new count. */
    add(key: string, n: number, now: number) {
      roll(now);
      const count = (counts.get(key) ?? 0) + n;
      counts.set(key, count);
      return count;
    },
    /** Whether the key has a count in this window. */
    has: (key: string) => counts.has(key),
    /** How many keys the window counts. */
    get size() {
      return counts.size;
    },
    /** Whole seconds until the window starts over. */
    retryAfter: (now: number) => Math.max(1, Math.ceil((end - now) / 1000)),
  };
}
