/** Every state of `<wom-repost>` under the strict CSP: see strict-csp.js. */
import { underStrictPolicy } from './strict-csp.js';

const selectable = '<wom-repost selection><p>Select any few words of this paragraph to share them with a link back to it.</p></wom-repost>';

underStrictPolicy('<wom-repost>', {
  closed: { body: '<wom-repost author="Ana"><blockquote><p>Time is an ingredient.</p></blockquote></wom-repost>', ready: 'wom-repost button' },
  'menu open': {
    body: '<wom-repost author="Ana"><blockquote><p>Time is an ingredient.</p></blockquote></wom-repost>',
    act: (page) => page.locator('wom-repost [part~="control"]').click(),
    ready: 'wom-repost [part~="menu"]:popover-open a',
  },
  'menu open, fa, dark': {
    body: '<wom-repost><blockquote><p>زمان یک ماده است.</p></blockquote></wom-repost>',
    lang: 'fa',
    colorScheme: 'dark',
    act: (page) => page.locator('wom-repost [part~="control"]').click(),
    ready: 'wom-repost [part~="menu"]:popover-open a',
  },
  'selection popover': {
    body: selectable,
    act: async (page) => {
      const { x, y, width } = await page.locator('wom-repost p').boundingBox();
      await page.mouse.move(x + 2, y + 8);
      await page.mouse.down();
      await page.mouse.move(x + width / 2, y + 8, { steps: 4 });
      await page.mouse.up();
      await page.clock.runFor(50); // the menu opens after the press's light dismiss
    },
    ready: 'wom-repost [part~="menu"]:popover-open a',
  },
  arrived: {
    body: '<wom-repost><p id="q">Time is an ingredient.</p></wom-repost>',
    hash: '#:~:text=Time%20is%20an%20ingredient.',
    // Playwright's fake clock also empties the performance timeline, where the text directive is read.
    realClock: true,
    ready: 'wom-repost[arrived]',
  },
});
