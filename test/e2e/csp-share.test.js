/** Every state of `<wom-share>` under the strict CSP: see strict-csp.js. */
import { underStrictPolicy } from './strict-csp.js';

underStrictPolicy('<wom-share>', {
  row: { body: '<wom-share></wom-share>', ready: 'wom-share a' },
  'icons, fa': { body: '<wom-share layout="icons"></wom-share>', lang: 'fa', ready: 'wom-share a' },
  'column, dark': { body: '<wom-share layout="column" theme="dark"></wom-share>', ready: 'wom-share a' },
  'counts loading': { body: '<wom-share counts></wom-share>', collector: 'hang', ready: 'wom-share a' },
  counts: { body: '<wom-share counts></wom-share>', ready: 'wom-share [part~="total"]:not(.pending)' },
  'counts, fa': { body: '<wom-share counts></wom-share>', lang: 'fa', ready: 'wom-share [part~="total"]:not(.pending)' },
  copied: {
    body: '<wom-share networks="x copy"></wom-share>',
    act: (page) => page.locator('wom-share button.copy').click(),
    ready: 'wom-share button.copy:has-text("copied"), wom-share button.copy:has-text("Copy failed")',
  },
});
