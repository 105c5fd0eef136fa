/**
 * For the tests of where `<wom-repost>`'s menus appear on the first frame they are
 * painted (repost-menu.test.js, selection-popover.test.js): a page of quotes in
 * English or Persian, from the built dist/wom.min.js under the strict CSP, and what
 * the page painted.
 */
import assert from 'node:assert/strict';
import { browserAndSite } from './widget-server.js';

const text = {
  en: {
    quote: 'Time is the only ingredient you cannot buy. Give the dough a night, and it gives you bread.',
    paragraph:
      'Select any few words of this paragraph to share them: the link you post takes the next reader straight to this sentence, highlighted. Slow bread is a habit more than a recipe: mix in the evening, shape in the morning, bake when the house is warm.',
  },
  fa: {
    quote: 'زمان تنها ماده‌ای است که نمی‌توان خرید. یک شب به خمیر فرصت بده، نان به تو پس می‌دهد.',
    paragraph:
      'چند واژه از این بند را برگزینید تا آن‌ها را هم‌رسانی کنید: پیوندی که می‌فرستید خواننده بعدی را درست به همین جمله می‌برد. نان آهسته بیش از آن‌که دستور پخت باشد یک عادت است: شب ورز بده، صبح شکل بده و وقتی خانه گرم است بپز.',
  },
};

const body = (lang) => `<h1>Bread</h1>
<wom-repost author="Ana" networks="x bluesky telegram whatsapp copy"><blockquote><p>${text[lang].quote}</p></blockquote></wom-repost>
<wom-repost selection networks="x telegram copy"><p>${text[lang].paragraph}</p></wom-repost>
<p>${text[lang].paragraph}</p>`;

/**
 * Installed before any input: records each menu's rectangle the first time it is
 * open in a frame. A ResizeObserver reports after that frame's animation-frame
 * callbacks and layout, just before paint: what it sees is what is painted.
 */
function recordFirstFrames() {
  window.firstFrames = [];
  const seen = new WeakSet();
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (!target.matches(':popover-open')) continue;
      const { left, top, right, bottom } = target.getBoundingClientRect();
      if (target.dataset.recorded !== 'open') window.firstFrames.push({ left, top, right, bottom });
      target.dataset.recorded = 'open';
    }
  });
  const watch = () => {
    for (const host of document.querySelectorAll('wom-repost')) {
      const menu = host.shadowRoot?.querySelector('[part~="menu"]');
      if (menu && !seen.has(menu)) {
        seen.add(menu);
        observer.observe(menu);
        // \`beforetoggle\`, not \`toggle\`: toggle events are coalesced, so a close followed at
        // once by an open (Escape, then the key command, on a loaded machine) would never
        // reach a \`toggle\` listener as a close. Observing afresh on each opening makes
        // the observer report that opening's size even if the close was never painted.
        menu.addEventListener('beforetoggle', (event) => {
          delete menu.dataset.recorded;
          if (event.newState === 'open') {
            observer.unobserve(menu);
            observer.observe(menu);
          }
        });
      }
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

/** Whether two rectangles share any area. */
export const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Fails unless `menu` lies wholly inside `viewport`. */
export function assertInside(menu, viewport) {
  assert.ok(menu.left >= 0 && menu.right <= viewport.width, `inside the viewport horizontally: ${JSON.stringify(menu)}`);
  assert.ok(menu.top >= 0 && menu.bottom <= viewport.height, `inside the viewport vertically: ${JSON.stringify(menu)}`);
}

/** Hooks the current suite up to Chromium and the page server; `open()` a page, `firstFrame()` what it painted. */
export function firstFramePages() {
  const env = browserAndSite();

  async function open(lang, width, options = {}) {
    const viewport = { width, height: 720 };
    const context = await env.browser.newContext({ viewport, ...options });
    const page = await context.newPage();
    await page.addInitScript(recordFirstFrames);
    await page.goto(env.site.url({ body: body(lang), lang, csp: 'strict' }));
    await page.locator('wom-repost [part~="control"]').first().waitFor();
    return { context, page, viewport };
  }

  /** The first painted rectangle of the menu that just opened. */
  async function firstFrame(page) {
    await page.waitForFunction(() => window.firstFrames.length > 0);
    return page.evaluate(() => window.firstFrames[0]);
  }

  return { open, firstFrame };
}
