import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/core/config.js';
import { WomReview } from '../../src/review/review.element.js';
import '../../src/review/define.js';
import { pinClock } from '../support/clock.js';
import { warnings } from '../support/console.js';

const fixtures = '/test/review/fixtures';
const $ = <T extends Element = HTMLElement>(el: WomReview, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = (el: WomReview, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: WomReview, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();
const loaded = (el: WomReview) => waitUntil(() => el.shadowRoot?.querySelector('[aria-busy="false"]'), 'reviews loaded');
const jsonLd = (item: string) => document.head.querySelector<HTMLScriptElement>(`script[data-wom-review="${item}"]`);
const radio = (el: WomReview, n: number) => $<HTMLInputElement>(el, `#star-${n}`);
const checked = (el: WomReview) => Number($<HTMLInputElement>(el, '[name="rating"]:checked')?.value ?? 0);

/** Renders a review element and waits for its data. */
async function reviews(template: ReturnType<typeof html>): Promise<WomReview> {
  const el = await fixture<WomReview>(template);
  await loaded(el);
  return el;
}


/** Fills the form as a reader would: clicks a star, types text and a name. */
async function fill(el: WomReview, rating: number, body: string, author = '') {
  $<HTMLLabelElement>(el, `label[for="star-${rating}"]`).click();
  $<HTMLTextAreaElement>(el, '#text').focus();
  await sendKeys({ type: body });
  if (author) {
    $<HTMLInputElement>(el, '#author').focus();
    await sendKeys({ type: author });
  }
  await el.updateComplete;
}

/** The day the suite runs in: the newest fixture review (2026-10-31T00:00Z) is a day and a quarter old. */
const today = '2026-11-01T06:00:00Z';
let restoreClock: () => void;
beforeEach(() => {
  restoreClock = pinClock(today);
  configure({ collector: `${fixtures}/e`, locale: '' });
});
afterEach(() => {
  configure({ collector: '', locale: '', site: '' });
  restoreClock();
});

describe('<wom-review>', () => {
  it('passes an axe accessibility audit in the full layout', async () => {
    const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
    await expect(el).to.be.accessible();
  });

  it('passes an axe accessibility audit in the badge layout and in RTL', async () => {
    const badge = await reviews(html`<wom-review item="book-42" layout="badge"></wom-review>`);
    await expect(badge).to.be.accessible();
    const fa = await reviews(html`<wom-review item="book-42" locale="fa" readonly></wom-review>`);
    await expect(fa).to.be.accessible();
  });

  describe('aggregate', () => {
    it('shows the average to one decimal, the count, and stars filled to the fraction', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      expect(text(el, '.average')).to.equal('3.8');
      expect(text(el, '.count')).to.equal('12 reviews');
      const stars = $(el, '.summary .stars');
      expect(stars.getAttribute('role')).to.equal('img');
      expect(stars.getAttribute('aria-label')).to.equal('3.8 of 5 stars');
      // Set through the CSSOM (a strict CSP blocks style attributes written in markup); CSS fills each star from it.
      expect(stars.style.getPropertyValue('--value')).to.equal('3.75');
      expect(stars.querySelectorAll('.star').length).to.equal(5);
    });

    it('lists the distribution from 5 stars to 1 with counts that screen readers read as text', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      const rows = $$(el, '.distribution li');
      expect(rows.map((row) => row.querySelector('.label')!.textContent)).to.deep.equal([
        '5 stars',
        '4 stars',
        '3 stars',
        '2 stars',
        '1 star',
      ]);
      expect(rows.map((row) => row.querySelector('.visually-hidden')!.textContent)).to.deep.equal([
        '5 reviews',
        '3 reviews',
        '1 review',
        '2 reviews',
        '1 review',
      ]);
      expect(parseFloat(rows[0].querySelector<HTMLElement>('.bar span')!.style.inlineSize)).to.be.closeTo(41.67, 0.01);
      expect($(el, '.distribution').getAttribute('aria-label')).to.equal('Ratings by stars');
    });

    it('says there are no reviews yet, without stars or distribution', async () => {
      configure({ collector: `${fixtures}/empty/e` });
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      expect(text(el, '.count')).to.equal('No reviews yet. Be the first!');
      expect($(el, '.summary .stars')).to.equal(null);
      expect($(el, '.distribution')).to.equal(null);
      expect($(el, 'form')).to.exist;
    });

    it('reserves the aggregate with a skeleton while loading, hidden from screen readers', async () => {
      // An item of its own, so that no earlier test's answer is already cached.
      const el = await fixture<WomReview>(html`<wom-review item="skeleton"></wom-review>`);
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      const skeleton = $(el, '.summary.skeleton');
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      const height = skeleton.getBoundingClientRect().height;
      expect(height).to.be.greaterThan(0);
      await loaded(el);
      expect($(el, '.summary').getBoundingClientRect().height).to.equal(height);
    });

    it('shows a load error with a retry that asks the collector again', async () => {
      configure({ collector: 'http://127.0.0.1:9/e' });
      const el = await fixture<WomReview>(html`<wom-review item="book-42"></wom-review>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.failed'), 'load failed');
      expect(text(el, '.failed')).to.contain('The reviews could not be loaded.');
      expect($(el, '.failed').getAttribute('role')).to.equal('alert');
      const read = `http://127.0.0.1:9/api/reviews?site=${encodeURIComponent(location.host)}&item=book-42&limit=5`;
      const before = performance.getEntriesByName(read).length;
      $<HTMLButtonElement>(el, '.failed button').click();
      await waitUntil(
        () => performance.getEntriesByName(read).length > before,
        'asked again',
      );
      await waitUntil(() => el.shadowRoot!.querySelector('.failed'), 'failed again');
    });
  });

  describe('recent reviews', () => {
    it('shows a page of reviews, newest first, with stars, author or "Anonymous", date and text', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      const items = $$(el, '.review');
      expect(items).to.have.length(5);
      expect(items.map((item) => item.querySelector('.author')!.textContent)).to.deep.equal([
        'Ada',
        'Bo',
        'Anonymous',
        'Cy',
        'Dee',
      ]);
      const first = items[0];
      expect(first.querySelector('.stars')!.getAttribute('aria-label')).to.equal('5 of 5 stars');
      expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2026-10-31T00:00:00.000Z');
      expect(first.querySelector('time')!.textContent).to.equal('yesterday');
      const body = first.querySelector<HTMLElement>('.text')!;
      expect(body.textContent).to.equal('A wonderful book.\nRead it twice.');
      expect(body.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(body).whiteSpace).to.equal('pre-line');
    });

    it('loads the next page from the collector, before the oldest review shown, and focuses the first new one', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      $<HTMLButtonElement>(el, '.more').click();
      await waitUntil(() => $$(el, '.review').length === 10, 'next page shown');
      const oldest = Date.UTC(2026, 10, 1) - 5 * 864e5;
      const query = new URLSearchParams({ site: location.host, item: 'book-42', limit: '5', before: String(oldest) });
      const next = new URL(`${fixtures}/api/reviews?${query}`, location.href).href;
      expect(performance.getEntriesByName(next)).to.have.length.greaterThan(0);
      expect(el.shadowRoot!.activeElement).to.equal($$(el, '.review')[5]);
    });

    it('shows page-size reviews at a time, 5 when page-size is not a number from 1 to 50', async () => {
      const two = await reviews(html`<wom-review item="book-42" page-size="2"></wom-review>`);
      expect($$(two, '.review')).to.have.length(2);
      const bad = await reviews(html`<wom-review item="book-42" page-size="zero"></wom-review>`);
      expect($$(bad, '.review')).to.have.length(5);
    });

    it('shares a review through real links carrying a fresh referral id and the quote', async () => {
      const el = await reviews(html`<wom-review item="book-42" item-name="The Book"></wom-review>`);
      const share = $$(el, '.review')[0].querySelector('details')!;
      expect(share.querySelector('summary')!.getAttribute('aria-label')).to.equal('Share this review');
      const telegram = [...share.querySelectorAll('a')].find((a) => a.textContent === 'Telegram')!;
      const href = new URL(telegram.href);
      expect(href.origin).to.equal('https://t.me');
      expect(href.searchParams.get('text')).to.equal('“A wonderful book.\nRead it twice.” — Ada');
      const id = new URL(href.searchParams.get('url')!).searchParams.get('wom');
      expect(id).to.match(/^[\w-]{10}$/);
      expect(telegram.rel).to.equal('noopener noreferrer');
      const heard = oneEvent(el, 'wom-share');
      telegram.addEventListener('click', (event) => event.preventDefault());
      telegram.click();
      const { detail } = await heard;
      expect(detail).to.include({ network: 'telegram', share: id, via: 'repost' });
      await waitUntil(() => !telegram.href.includes(id!), 'a fresh id for the next share');
    });
  });

  describe('form', () => {
    it('is a real radio group named "n of 5 stars" that arrow keys move', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      const radios = $$(el, '[name="rating"]') as HTMLInputElement[];
      expect(radios.map((r) => r.type)).to.deep.equal(Array(5).fill('radio'));
      expect(radios.map((r) => r.getAttribute('aria-label'))).to.deep.equal([1, 2, 3, 4, 5].map((n) => `${n} of 5 stars`));
      expect(text(el, 'legend')).to.equal('Your rating');
      radio(el, 3).focus();
      await sendKeys({ press: 'Space' });
      expect(checked(el)).to.equal(3);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(checked(el)).to.equal(4);
      expect($$(el, '.choices label.on')).to.have.length(4);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(checked(el)).to.equal(2);
    });

    it('flips the arrow keys in RTL, as the stars run right to left', async () => {
      const el = await reviews(html`<wom-review item="book-42" locale="fa"></wom-review>`);
      expect($(el, '[part="base"]').getAttribute('dir')).to.equal('rtl');
      const [one, two] = [radio(el, 1), radio(el, 2)].map((r) => r.nextElementSibling!.getBoundingClientRect().left);
      expect(two).to.be.lessThan(one);
      radio(el, 3).focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(checked(el)).to.equal(4);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(checked(el)).to.equal(2);
    });

    it('counts characters visibly, in the locale digits, up to the limit', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      expect(text(el, '.counter')).to.equal('0 / 5,000 characters');
      await fill(el, 4, 'Hello');
      expect(text(el, '.counter')).to.equal('5 / 5,000 characters');
      expect($(el, '#text').getAttribute('aria-describedby')).to.equal('counter');
      expect($<HTMLTextAreaElement>(el, '#text').maxLength).to.equal(5000);
      expect($<HTMLInputElement>(el, '#author').maxLength).to.equal(80);
    });

    it('hides the honeypot from people and assistive technology', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      const honeypot = $<HTMLInputElement>(el, '[name="website"]');
      expect(honeypot.closest('[inert]')).to.exist;
      expect(honeypot.tabIndex).to.equal(-1);
      const box = honeypot.getBoundingClientRect();
      expect(box.right <= 0 || box.width <= 1).to.equal(true);
    });

    it('names the missing rating before sending, and takes the reader there', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      let sent = false;
      el.addEventListener('wom-review', () => (sent = true));
      $<HTMLButtonElement>(el, '.submit').click();
      await el.updateComplete;
      await el.updateComplete;
      expect(sent).to.equal(false);
      expect(text(el, '.status')).to.equal('Please choose a rating from 1 to 5 stars.');
      expect(radio(el, 1).getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(radio(el, 1));
    });

    it('dispatches a cancelable wom-review event on submit; cancelled, nothing is sent', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      await fill(el, 5, 'Great');
      el.addEventListener('wom-review', (event) => event.preventDefault(), { once: true });
      const heard = oneEvent(el, 'wom-review');
      $<HTMLButtonElement>(el, '.submit').click();
      const event = await heard;
      expect(event.detail).to.deep.equal({ item: 'book-42', rating: 5, text: 'Great' });
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      await el.updateComplete;
      expect(text(el, '.status')).to.equal('');
      expect($<HTMLButtonElement>(el, '.submit').disabled).to.equal(false);
    });

    it('disables the button while sending, then on failure says so, keeps the text and offers a retry', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      await fill(el, 4, 'Line one\nLine two', 'Ada');
      $<HTMLButtonElement>(el, '.submit').click();
      await el.updateComplete;
      expect($<HTMLButtonElement>(el, '.submit').disabled).to.equal(true);
      expect(text(el, '.status')).to.equal('Sending…');
      expect($(el, '.status').getAttribute('role')).to.equal('status');
      // The test server has no POST endpoint here: the submission fails.
      await waitUntil(() => text(el, '.status') !== 'Sending…', 'answered');
      expect(text(el, '.status')).to.equal('Your review could not be sent. Your text is kept: please try again.');
      expect($<HTMLTextAreaElement>(el, '#text').value).to.equal('Line one\nLine two');
      expect($<HTMLInputElement>(el, '#author').value).to.equal('Ada');
      expect(checked(el)).to.equal(4);
      expect(text(el, '.submit')).to.equal('Try again');
      expect($<HTMLButtonElement>(el, '.submit').disabled).to.equal(false);
    });

    /** Stands a recorder in for the collector: its GET answers `answer`, its POSTs are recorded. */
    async function recordingCollector(answer: Record<string, unknown>) {
      const bucket = `/__collect/review-${Math.random().toString(36).slice(2)}`;
      await fetch(`${bucket}/api/reviews`, { method: 'PUT', body: JSON.stringify(answer) });
      configure({ collector: `${bucket}/e` });
      return {
        /** The query of the widget's reads. */
        reads: () =>
          performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name))
            .filter((url) => url.pathname === `${bucket}/api/reviews` && url.searchParams.has('item'))
            .map((url) => Object.fromEntries(url.searchParams)),
        /** The body of the first review posted. */
        posted: async () => JSON.parse((await (await fetch(`${bucket}/api/reviews?min=1`)).json())[0].body),
      };
    }
    const empty = { item: 'book-42', count: 0, average: 0, distribution: {}, reviews: [] };

    it('reads and POSTs the contract fields with the configured site, the empty honeypot and the form token', async () => {
      const collector = await recordingCollector({ ...empty, token: 'form-token-1' });
      configure({ site: 'unit-blog' });
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      expect(collector.reads()).to.deep.equal([{ site: 'unit-blog', item: 'book-42', limit: '5' }]);
      await fill(el, 3, 'Fine.', '  Cy  ');
      $<HTMLButtonElement>(el, '.submit').click();
      const body = await collector.posted();
      expect(body).to.deep.equal({ site: 'unit-blog', item: 'book-42', rating: 3, text: 'Fine.', author: 'Cy', website: '', token: 'form-token-1' });
    });

    it('names the page\'s host as its site when none is configured, as the tracker does', async () => {
      const collector = await recordingCollector({ ...empty, token: 'form-token-2' });
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      expect(collector.reads()).to.deep.equal([{ site: location.host, item: 'book-42', limit: '5' }]);
      await fill(el, 5, 'Good.');
      $<HTMLButtonElement>(el, '.submit').click();
      expect(await collector.posted()).to.include({ site: location.host, token: 'form-token-2' });
    });

    it('still submits (for moderation) when the collector sent no token', async () => {
      const collector = await recordingCollector(empty);
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      await fill(el, 2, 'Meh.');
      $<HTMLButtonElement>(el, '.submit').click();
      const body = await collector.posted();
      expect(body).to.include({ item: 'book-42', rating: 2 });
      expect(body).not.to.have.property('token');
    });

    it('is hidden with readonly, in the badge layout, and in static mode', async () => {
      for (const template of [
        html`<wom-review item="book-42" readonly></wom-review>`,
        html`<wom-review item="book-42" layout="badge"></wom-review>`,
        html`<wom-review item="book-42" src="${fixtures}/reviews.json"></wom-review>`,
      ]) {
        const el = await reviews(template);
        expect($(el, 'form')).to.equal(null);
      }
    });
  });

  describe('badge layout', () => {
    it('shows stars, average and count on one line, nothing else', async () => {
      const el = await reviews(html`<wom-review item="book-42" layout="badge"></wom-review>`);
      const parts = ['.average', '.stars', '.count'].map((s) => $(el, s).getBoundingClientRect());
      expect(new Set(parts.map((box) => Math.round(box.top + box.height / 2))).size).to.equal(1);
      expect($(el, '.distribution')).to.equal(null);
      expect($(el, '.list')).to.equal(null);
    });
  });

  describe('locales', () => {
    it('uses the three Polish plural forms', async () => {
      const el = await reviews(html`<wom-review item="book-42" locale="pl"></wom-review>`);
      expect(text(el, '.count')).to.equal('12 opinii');
      const labels = $$(el, '.distribution .label').map((label) => label.textContent);
      expect(labels).to.deep.equal(['5 gwiazdek', '4 gwiazdki', '3 gwiazdki', '2 gwiazdki', '1 gwiazdka']);
      expect($$(el, '.distribution .visually-hidden').map((s) => s.textContent)).to.deep.equal([
        '5 opinii',
        '3 opinie',
        '1 opinia',
        '2 opinie',
        '1 opinia',
      ]);
    });

    it('writes Persian digits, right to left, with Persian relative dates', async () => {
      const el = await reviews(html`<wom-review item="book-42" locale="fa"></wom-review>`);
      expect(text(el, '.average')).to.equal('۳٫۸');
      expect(text(el, '.count')).to.equal('۱۲ نظر');
      expect($(el, '[part="base"]').getAttribute('lang')).to.equal('fa');
      expect(text(el, '.counter')).to.equal('۰ از ۵٬۰۰۰ نویسه');
      expect($(el, '.review time').textContent).to.equal('دیروز');
      expect(text(el, '.submit')).to.equal('انتشار نظر');
    });

    it('follows the nearest lang attribute', async () => {
      const wrapper = await fixture(html`<div lang="de"><wom-review item="book-42"></wom-review></div>`);
      const el = wrapper.querySelector('wom-review')!;
      await loaded(el);
      expect(text(el, '.count')).to.equal('12 Bewertungen');
      expect(text(el, '.average')).to.equal('3,8');
    });
  });

  describe('static mode (src)', () => {
    it('reads a file in the API shape, pages through it locally, and hides the form', async () => {
      const el = await reviews(html`<wom-review item="book-42" src="${fixtures}/reviews.json"></wom-review>`);
      expect(text(el, '.count')).to.equal('7 reviews');
      expect($$(el, '.review')).to.have.length(5);
      $<HTMLButtonElement>(el, '.more').click();
      await el.updateComplete;
      expect($$(el, '.review')).to.have.length(7);
      expect($(el, '.more')).to.equal(null);
      expect($(el, 'form')).to.equal(null);
    });

    it('works without a collector', async () => {
      configure({ collector: '' });
      const el = await reviews(html`<wom-review item="book-42" src="${fixtures}/reviews.json"></wom-review>`);
      expect(text(el, '.count')).to.equal('7 reviews');
    });

    it('drops malformed reviews from a file not in the API shape', async () => {
      const el = await reviews(html`<wom-review item="m" src="${fixtures}/malformed.json"></wom-review>`);
      expect($$(el, '.review')).to.have.length(1);
      expect(text(el, '.review .text')).to.equal('ok');
    });
  });

  describe('without a source', () => {
    it('warns once and renders nothing without a collector or src', async () => {
      configure({ collector: '' });
      const seen = await warnings(async () => {
        await fixture(html`<wom-review item="a"></wom-review>`);
        await fixture(html`<wom-review item="b"></wom-review>`);
      });
      const el = await fixture<WomReview>(html`<wom-review item="c"></wom-review>`);
      expect(seen.filter((w) => w.includes('no collector'))).to.have.length(1);
      expect(el.shadowRoot!.children).to.have.length(0);
    });

    it('warns and renders nothing without an item', async () => {
      const seen = await warnings(() => fixture(html`<wom-review></wom-review>`));
      expect(seen.join()).to.contain('"item" attribute is required');
    });
  });

  describe('structured data', () => {
    afterEach(() => document.head.querySelectorAll('script[data-wom-review]').forEach((s) => s.remove()));

    it('writes one JSON-LD script per item with the aggregate and the visible reviews, and removes it with the element', async () => {
      const el = await reviews(html`<wom-review item="book-42" item-name="The Book" item-type="Book"></wom-review>`);
      await el.updateComplete;
      const script = jsonLd('book-42')!;
      expect(script.parentElement).to.equal(document.head);
      expect(script.type).to.equal('application/ld+json');
      const data = JSON.parse(script.textContent!);
      expect(data).to.include({ '@context': 'https://schema.org', '@type': 'Book', name: 'The Book' });
      expect(data.aggregateRating).to.deep.equal({
        '@type': 'AggregateRating',
        ratingValue: 3.8,
        bestRating: 5,
        worstRating: 1,
        reviewCount: 12,
      });
      expect(data.review).to.have.length(5);
      expect(data.review[2]).to.deep.include({ author: { '@type': 'Person', name: 'Anonymous' }, datePublished: '2026-10-29' });
      expect(data.review[0].reviewRating).to.deep.equal({ '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 });
      $<HTMLButtonElement>(el, '.more').click();
      await waitUntil(() => JSON.parse(jsonLd('book-42')!.textContent!).review.length === 10, 'kept in sync');
      el.remove();
      expect(jsonLd('book-42')).to.equal(null);
    });

    it('shares one script between two elements showing the same item', async () => {
      const wrapper = await fixture(html`<div>
        <wom-review item="book-42" item-type="Book" layout="badge"></wom-review>
        <wom-review item="book-42" item-type="Book"></wom-review>
      </div>`);
      const [badge, full] = [...wrapper.querySelectorAll('wom-review')];
      await Promise.all([loaded(badge), loaded(full)]);
      await full.updateComplete;
      expect(document.head.querySelectorAll('script[data-wom-review="book-42"]')).to.have.length(1);
      expect(JSON.parse(jsonLd('book-42')!.textContent!).review).to.have.length(5);
      full.remove();
      expect(JSON.parse(jsonLd('book-42')!.textContent!).review).to.equal(undefined);
      badge.remove();
      expect(jsonLd('book-42')).to.equal(null);
    });

    it('writes the contract default, CreativeWork, too', async () => {
      const el = await reviews(html`<wom-review item="book-42"></wom-review>`);
      await el.updateComplete;
      const json = JSON.parse(jsonLd('book-42')!.textContent!);
      expect(json['@type']).to.equal('CreativeWork');
      expect(json.aggregateRating['@type']).to.equal('AggregateRating');
    });

    it('warns once where Google shows no review snippets for the type', async () => {
      const seen = await warnings(async () => {
        await reviews(html`<wom-review item="book-42" item-type="Thing"></wom-review>`);
        await reviews(html`<wom-review item="book-42" item-type="Thing"></wom-review>`);
      });
      expect(seen.filter((w) => w.includes('"Thing"') && w.includes('no review snippets'))).to.have.length(1);
    });

    it('writes Organization and LocalBusiness reviews only with the independent attribute', async () => {
      const seen = await warnings(() => reviews(html`<wom-review item="book-42" item-type="Restaurant"></wom-review>`));
      expect(seen.join()).to.contain('independent');
      expect(jsonLd('book-42')).to.equal(null);
      const el = await reviews(html`<wom-review item="book-42" item-type="Restaurant" independent></wom-review>`);
      await el.updateComplete;
      expect(JSON.parse(jsonLd('book-42')!.textContent!)['@type']).to.equal('Restaurant');
    });
  });

  describe('hostile review text', () => {
    afterEach(() => document.head.querySelectorAll('script[data-wom-review]').forEach((s) => s.remove()));

    it('stays inert text in the page and in the JSON-LD', async () => {
      const el = await reviews(
        html`<wom-review item="hostile" item-type="Book" src="${fixtures}/hostile.json"></wom-review>`,
      );
      await el.updateComplete;
      const root = el.shadowRoot!;
      expect(root.querySelector('img, script, b')).to.equal(null);
      expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
      const texts = $$(el, '.review .text').map((p) => p.textContent);
      expect(texts[0]).to.equal('<img src=x onerror="window.pwned=1">');
      expect(texts[1]).to.equal('</script><script>window.pwned=3</script>');
      expect($$(el, '.author')[0].textContent).to.equal('<b onmouseover="window.pwned=2">x</b>');
      // Bidi overrides stay inside their own isolated paragraph and author name.
      for (const part of [...$$(el, '.review .text'), ...$$(el, '.author')]) {
        expect(part.getAttribute('dir')).to.equal('auto');
        expect(getComputedStyle(part).unicodeBidi).to.equal('isolate');
      }
      // A 5,000-character word wraps inside the element.
      const long = $$(el, '.review .text')[3];
      expect(long.textContent).to.have.length(5000);
      expect(long.scrollWidth).to.be.at.most(el.getBoundingClientRect().width);
      const script = jsonLd('hostile')!;
      expect(script.textContent).not.to.contain('<');
      const data = JSON.parse(script.textContent!);
      expect(data.review[1].reviewBody).to.equal('</script><script>window.pwned=3</script>');
      expect(data.review[2].author.name).to.equal('\u202Eevil');
      // Serialized (saved, prerendered) and parsed again, it is still one script with the same data.
      const reparsed = new DOMParser().parseFromString(script.outerHTML, 'text/html').scripts;
      expect(reparsed).to.have.length(1);
      expect(JSON.parse(reparsed[0].textContent!)).to.deep.equal(data);
    });
  });
});
