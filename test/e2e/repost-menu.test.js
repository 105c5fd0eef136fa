/**
 * `<wom-repost>`'s "Share quote" menu on the first frame it is painted, opened with a
 * real mouse, keyboard and touchscreen (Playwright's input, never a script's click),
 * in English and Persian (RTL), at 1280 and 320 px.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertInside, firstFramePages, overlaps } from './first-frame.js';

describe('<wom-repost> quote menu on its first frame', () => {
  const { open, firstFrame } = firstFramePages();

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
    }
  }
});
