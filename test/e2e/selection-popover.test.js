/**
 * `<wom-repost selection>`'s popover on the first frame it is painted, for a selection
 * made with the real mouse, opened by the mouse or the key command, in English and
 * Persian (RTL), at 1280 and 320 px: never over the selection or the lines after it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertInside, firstFramePages, overlaps } from './first-frame.js';

describe('<wom-repost selection> popover on its first frame', () => {
  const { open, firstFrame } = firstFramePages();

  for (const lang of ['en', 'fa']) {
    for (const width of [1280, 320]) {
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
