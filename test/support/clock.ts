/**
 * Makes `Date.now()` answer as if the test began at `iso`, counting on at the real
 * pace (timeouts and waits still work), so that an expectation about "yesterday"
 * holds on any day the suite runs. Returns the function that restores the clock.
 */
export function pinClock(iso: string): () => void {
  const realNow = Date.now;
  const offset = Date.parse(iso) - realNow();
  Date.now = () => realNow() + offset;
  return () => {
    Date.now = realNow;
  };
}
