/**
 * Dispatches a bubbling, composed, cancelable event from `el`, so that the host
 * page hears it through any shadow root. Returns false when a listener called
 * `preventDefault()`.
 */
export function emit<T>(el: HTMLElement, type: string, detail: T): boolean {
  return el.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: true }));
}

/**
 * Runs `fn`, reporting instead of throwing: a widget must never break the host
 * page, whatever the browser or the page does to it.
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      console.error('wom:', error);
      return undefined;
    }
  };
}
