import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configure } from '../../src/core/config.js';
import { registerLocale } from '../../src/core/locale.js';
import { en, enRepost, enReview } from '../../src/locales/en.js';
import '../../src/repost/define.js';
import '../../src/review/define.js';
import type { WomRepost } from '../../src/repost/repost.element.js';
import type { WomReview } from '../../src/review/review.element.js';

/** A locale as v1 registered it: the shared strings only (English words under another code). */
const v1Locale = (code: string) => ({ ...en, $code: code });
const control = (el: WomRepost) => el.shadowRoot!.querySelector('[part~="control"]')!.textContent!.trim();
/** The review form's title, once the reviews (from the review tests' fixture collector) have loaded. */
async function formTitle(el: WomReview): Promise<string> {
  await waitUntil(() => el.shadowRoot!.querySelector('#form-title'), 'review form shown');
  return el.shadowRoot!.querySelector('#form-title')!.textContent!.trim();
}

beforeEach(() => configure({ collector: '/test/review/fixtures/e' }));
afterEach(() => configure({ collector: '' }));

describe('registerLocale()', () => {
  it('takes a v1 locale: a widget without its group shows its language’s built-in strings, else English', async () => {
    registerLocale(v1Locale('de-CH'));
    registerLocale(v1Locale('nl'));
    expect(control(await fixture<WomRepost>(html`<wom-repost locale="de-CH"><p>Grüezi</p></wom-repost>`))).to.equal('Zitat teilen');
    expect(await formTitle(await fixture<WomReview>(html`<wom-review item="x" locale="de-CH"></wom-review>`))).to.equal('Bewertung schreiben');
    expect(control(await fixture<WomRepost>(html`<wom-repost locale="nl"><p>Hallo</p></wom-repost>`))).to.equal('Share quote');
    expect(await formTitle(await fixture<WomReview>(html`<wom-review item="x" locale="nl"></wom-review>`))).to.equal('Write a review');
  });

  it('uses the repost and review groups a registered locale carries', async () => {
    registerLocale({
      ...v1Locale('nl'),
      repost: { ...enRepost, repost: 'Citaat delen' },
      review: { ...enReview, formTitle: 'Schrijf een recensie' },
    });
    expect(control(await fixture<WomRepost>(html`<wom-repost locale="nl"><p>Hallo</p></wom-repost>`))).to.equal('Citaat delen');
    expect(await formTitle(await fixture<WomReview>(html`<wom-review item="x" locale="nl"></wom-review>`))).to.equal('Schrijf een recensie');
  });
});
