/**
 * The page's cumulative layout shift so far, read after two more frames have been
 * laid out. As CLS counts it: shifts within 500 ms of the reader's input
 * (`hadRecentInput`), such as a menu that a click opens, are the reader's doing.
 */
export const layoutShift = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );

/**
 * A page like Lighthouse 12's mobile preset: a 390 px phone with its CPU four times
 * slower, where widgets render late and rows wrap.
 */
export async function phonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}
