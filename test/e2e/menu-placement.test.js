/**
 * Where `<wom-repost>`'s menus appear on the first frame they are painted, opened
 * with a real mouse, keyboard and touchscreen (Playwright's input, never a script's
 * click), in English and Persian (RTL), on a desktop and a 320 px phone, from the
 * built dist/wom.min.js under the strict CSP.
 */
import { describe, it } from 'node:test';
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
        menu.addEventListener('toggle', (event) => event.newState === 'closed' && delete menu.dataset.recorded);
      }
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function assertInside(menu, viewport) {
  assert.ok(menu.left >= 0 && menu.right <= viewport.width, `inside the viewport horizontally: ${JSON.stringify(menu)}`);
  assert.ok(menu.top >= 0 && menu.bottom <= viewport.height, `inside the viewport vertically: ${JSON.stringify(menu)}`);
}

describe('<wom-repost> menus on their first frame', () => {
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

  const inputs = {
    mouse: async (page, control) => {
      const box = await control.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
    keyboard: async (page) => {
      await page.keyboard.press('Tab'); // the first control on the page
      await page.keyboard.press('Enter');
    },
    touch: async (page, control) => {
      const box = await control.boundingBox();
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    },
  };

  for (const lang of ['en', 'fa']) {
    for (const width of [1280, 320]) {
      for (const [input, act] of Object.entries(inputs)) {
        it(`opens the quote menu beside its control: ${input}, ${lang}, ${width} px`, async () => {
          const { context, page, viewport } = await open(lang, width, input === 'touch' ? { hasTouch: true, isMobile: true } : {});
          const control = page.locator('wom-repost [part~="control"]').first();
          await act(page, control);
          const menu = await firstFrame(page);
          const button = await control.evaluate((el) => el.getBoundingClientRect().toJSON());
          assertInside(menu, viewport);
          assert.ok(!overlaps(menu, button), 'leaves the control visible');
          const gap = menu.top >= button.bottom ? menu.top - button.bottom : button.top - menu.bottom;
          assert.ok(gap >= 0 && gap <= 16, `right below or above the control (${gap} px away)`);
          assert.ok(menu.left < button.right && button.left < menu.right, 'in line with the control');
          const edge = lang === 'fa' ? Math.abs(menu.right - button.right) : Math.abs(menu.left - button.left);
          const clamped = menu.left <= 8.5 || menu.right >= viewport.width - 8.5;
          assert.ok(edge < 1 || clamped, `aligned with the control's ${lang === 'fa' ? 'right' : 'left'} edge unless kept inside`);
          await context.close();
        });
      }

      for (const input of ['mouse', 'keyboard']) {
        it(`opens the selection popover clear of the selection and the lines after it: ${input}, ${lang}, ${width} px`, async () => {
          const { context, page, viewport } = await open(lang, width);
          const paragraph = page.locator('wom-repost[selection] p');
          // Drag across the first line's middle: words the reader picked, mid-paragraph.
          const box = await paragraph.boundingBox();
          const y = box.y + 10;
          const [from, to] = lang === 'fa' ? [box.x + box.width - 4, box.x + box.width * 0.3] : [box.x + 4, box.x + box.width * 0.7];
          await page.mouse.move(from, y);
          await page.mouse.down();
          await page.mouse.move(to, y, { steps: 5 });
          if (input === 'mouse') await page.mouse.up();
          else {
            await page.mouse.up();
            // The key command (announced to screen readers) opens it as well; close the mouse's first.
            await firstFrame(page);
            await page.keyboard.press('Escape');
            await page.evaluate(() => (window.firstFrames = []));
            await page.keyboard.press('Alt+Shift+KeyS');
          }
          const menu = await firstFrame(page);
          const { selection, rest } = await paragraph.evaluate((p) => {
            const range = getSelection().getRangeAt(0);
            const selection = range.getBoundingClientRect().toJSON();
            const block = p.getBoundingClientRect();
            // The lines after the selection, down to the paragraph's end: what the reader reads next.
            const rest = { left: block.left, right: block.right, top: selection.bottom, bottom: block.bottom };
            return { selection, rest };
          });
          assertInside(menu, viewport);
          assert.ok(!overlaps(menu, selection), 'does not cover the selection');
          assert.ok(!overlaps(menu, rest), 'does not cover the lines after it');
          const gap = menu.top >= rest.bottom ? menu.top - rest.bottom : selection.top - menu.bottom;
          assert.ok(gap >= 0 && gap <= 16, `next to the paragraph (${gap} px away)`);
          await context.close();
        });
      }
    }
  }
});
