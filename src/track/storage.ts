/**
 * localStorage that never throws: storage may be missing, full, or refused
 * (private windows, sandboxed frames, blocked cookies), and none of that may
 * reach the host page. Used only with consent.
 */

/** The stored JSON value of `key`, or null. */
export function load<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key)!);
  } catch {
    return null;
  }
}

/** Stores `value` as JSON under `key`; removes the key when `value` is undefined. */
export function store(key: string, value?: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or refused: the tracker works on without persistence.
  }
}
