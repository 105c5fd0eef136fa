import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/repost/define.js';
import type { WomRepost } from '../../src/repost/repost.element.js';
import type { WomShareDetail } from '../../src/share/share.element.js';
import { parseTextDirectives } from '../../src/repost/text-fragment.js';

const quote = 'Salt, pepper & oil - that is all you need for a good tomato salad.';

async function repost(attributes = '', content = `<blockquote id="q1"><p>${quote.replace('&', '&amp;')}</p></blockquote>`) {
  const host = await fixture<HTMLElement>(html`<div></div>`);
  host.innerHTML = `<wom-repost networks="x bluesky telegram email copy" ${attributes}>${content}</wom-repost>`;
  const el = host.firstElementChild as WomRepost;
  await el.updateComplete;
  return el;
}

const part = <T extends HTMLElement = HTMLElement>(el: WomRepost, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const menu = (el: WomRepost) => part(el, 'menu');
const isOpen = (el: WomRepost) => menu(el).matches(':popover-open');

/** Opens the menu as a reader does: a real mouse click on the control. */
async function openMenu(el: WomRepost) {
  const { left, top, width, height } = part(el, 'control').getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(left + width / 2), Math.round(top + height / 2)] });
  await waitUntil(() => isOpen(el), 'the menu opens');
  await el.updateComplete;
}

/** The share URL and post text of the network link in the open menu. */
function shared(el: WomRepost, network: string) {
  const href = new URL(part<HTMLAnchorElement>(el, network).href);
  const url = href.searchParams.get('url') ?? href.searchParams.get('text')!.split(' ').pop()!;
  const text = network === 'bluesky' ? href.searchParams.get('text')!.slice(0, -url.length - 1) : href.searchParams.get('text');
  return { url, text };
}

/** Drags the real mouse from `from` to `to` characters into the first text node of `node`. */
async function dragSelect(node: Node, from: number, to: number) {
  const text = node.firstChild as Text;
  const at = (offset: number) => {
    const range = document.createRange();
    range.setStart(text, offset);
    range.setEnd(text, offset + 1);
    const rect = range.getBoundingClientRect();
    return [Math.round(rect.left + 1), Math.round(rect.top + rect.height / 2)] as [number, number];
  };
  await sendMouse({ type: 'move', position: at(from) });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: at(to) });
  await sendMouse({ type: 'up' });
}

function selectWords(node: Node, from: number, to: number) {
  getSelection()!.setBaseAndExtent(node.firstChild!, from, node.firstChild!, to);
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

afterEach(async () => {
  getSelection()?.removeAllRanges();
  await resetMouse();
});

describe('<wom-repost>', () => {
  it('is accessible, closed and open', async () => {
    const el = await repost();
    await expect(el).to.be.accessible();
    await openMenu(el);
    await expect(el).to.be.accessible();
  });

  it('leaves the wrapped content as it was and puts its control after it', async () => {
    const el = await repost();
    const before = el.innerHTML;
    await openMenu(el);
    expect(el.innerHTML).to.equal(before);
    const [slot, actions] = el.shadowRoot!.children;
    expect(slot.localName).to.equal('slot');
    expect(actions.getAttribute('part')).to.equal('actions');
  });

  describe('the repost menu', () => {
    it('opens from the control with a link per network', async () => {
      const el = await repost();
      await openMenu(el);
      expect(isOpen(el)).to.be.true;
      expect(menu(el).getAttribute('aria-label')).to.equal('Share this quote');
      const names = [...menu(el).querySelectorAll('a, button')].map((b) => b.getAttribute('part'));
      expect(names).to.deep.equal(['button x', 'button bluesky', 'button telegram', 'button email', 'button copy']);
      expect(part(el, 'x').getAttribute('aria-label')).to.equal('Share on X (opens in a new window)');
    });

    it('posts the quote in quotation marks with its attribution', async () => {
      const el = await repost('author="Ana Lima" cite="Field Notes"');
      await openMenu(el);
      expect(shared(el, 'telegram').text).to.equal(`“${quote}” — Ana Lima, Field Notes`);
    });

    it('links back to the quote with a fresh referral id, the quote’s id and a text fragment', async () => {
      const el = await repost();
      await openMenu(el);
      const { url } = shared(el, 'telegram');
      const link = new URL(url);
      expect(link.searchParams.get('wom')).to.match(/^[\w-]{10}$/);
      expect(link.hash).to.match(/^#q1:~:text=/);
      const [target] = parseTextDirectives(url);
      expect(target).to.deep.equal({ start: 'Salt, pepper & oil - that is', end: 'for a good tomato salad.' });
      expect(shared(el, 'x').url).to.not.equal(url);
    });

    it('uses its own id as the anchor when it has one', async () => {
      const el = await repost('id="review-7"');
      await openMenu(el);
      expect(new URL(shared(el, 'telegram').url).hash).to.match(/^#review-7:~:text=/);
    });

    it('posts the text attribute but still links to the quote on the page', async () => {
      const el = await repost('text="Salt and oil, that is all."');
      await openMenu(el);
      expect(shared(el, 'telegram').text).to.equal('“Salt and oil, that is all.”');
      expect(parseTextDirectives(shared(el, 'telegram').url)[0].start).to.equal('Salt, pepper & oil - that is');
    });

    it('quotes all the content when there is no blockquote', async () => {
      const el = await repost('', '<p>First part of it.</p><p>Second part.</p>');
      await openMenu(el);
      expect(shared(el, 'telegram').text).to.equal('“First part of it. Second part.”');
      expect(parseTextDirectives(shared(el, 'telegram').url)).to.deep.equal([
        { start: 'First part of it.', end: 'Second part.' },
      ]);
    });

    it('fits the post to X and Bluesky', async () => {
      const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
      const el = await repost('author="Ana"', `<p>${long}</p>`);
      await openMenu(el);
      const x = shared(el, 'x').text!;
      expect(x).to.match(/^“word0 .* word\d+…” — Ana$/u);
      expect(x.length + 24).to.be.at.most(280);
      const bluesky = shared(el, 'bluesky');
      expect(bluesky.text).to.match(/…” — Ana$/u);
      expect(`${bluesky.text} ${bluesky.url}`.length).to.be.at.most(300);
      expect(shared(el, 'telegram').text).to.equal(`“${long}” — Ana`);
    });

    it('uses the locale’s quotation marks and direction', async () => {
      const marks: Record<string, string> = { en: '“…”', de: '„…“', pl: '„…”', id: '“…”', fa: '«…»' };
      for (const [locale, [open, , close]] of Object.entries(marks)) {
        const el = await repost(`locale="${locale}"`, '<p>Hi there</p>');
        await openMenu(el);
        expect(shared(el, 'telegram').text).to.equal(`${open}Hi there${close}`);
        expect(menu(el).dir).to.equal(locale === 'fa' ? 'rtl' : 'ltr');
        await sendKeys({ press: 'Escape' }); // else the open menu covers the next control
      }
    });

    it('names its control in the page’s language', async () => {
      const host = await fixture<HTMLElement>(html`<div lang="de-AT"><wom-repost><p>Hallo</p></wom-repost></div>`);
      const el = host.querySelector('wom-repost')!;
      await el.updateComplete;
      expect(part(el, 'control').textContent!.trim()).to.equal('Zitat teilen');
    });

    it('closes on Escape', async () => {
      const el = await repost();
      await openMenu(el);
      await sendKeys({ press: 'Escape' });
      expect(isOpen(el)).to.be.false;
    });

    it('closes on a click outside', async () => {
      const el = await repost();
      await openMenu(el);
      await sendMouse({ type: 'click', position: [2, 2] });
      expect(isOpen(el)).to.be.false;
    });

    it('closes when the page scrolls', async () => {
      const el = await repost();
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      el.after(spacer);
      await openMenu(el);
      const scrolled = oneEvent(window, 'scroll');
      scrollBy(0, 100);
      await scrolled;
      expect(isOpen(el)).to.be.false;
      spacer.remove();
      scrollTo(0, 0);
    });

    it('stays open for a scroll event that does not move the page', async () => {
      const el = await repost();
      await openMenu(el);
      window.dispatchEvent(new Event('scroll'));
      expect(isOpen(el)).to.be.true;
    });
  });

  describe('the wom-share event', () => {
    it('carries the network, share id, URL, via repost and the quoted text', async () => {
      const el = await repost();
      await openMenu(el);
      const event = oneEvent(el, 'wom-share');
      part(el, 'copy').click();
      const { detail, bubbles, composed, cancelable } = (await event) as CustomEvent<WomShareDetail>;
      expect({ bubbles, composed, cancelable }).to.deep.equal({ bubbles: true, composed: true, cancelable: true });
      expect(detail.network).to.equal('copy');
      expect(detail.via).to.equal('repost');
      expect(detail.text).to.equal(quote);
      expect(detail.url).to.include(`wom=${detail.share}`);
    });

    it('stops the link when a listener cancels it', async () => {
      const el = await repost();
      await openMenu(el);
      el.addEventListener('wom-share', (event) => event.preventDefault());
      const link = part<HTMLAnchorElement>(el, 'telegram');
      const followed = link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      expect(followed).to.be.false;
    });

    it('gives the next share a fresh id', async () => {
      const el = await repost();
      await openMenu(el);
      const shares: string[] = [];
      el.addEventListener('wom-share', (event) => shares.push(event.detail.share));
      part(el, 'copy').click();
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      part(el, 'copy').click();
      expect(shares).to.have.length(2);
      expect(shares[0]).to.not.equal(shares[1]);
    });
  });

  describe('selection sharing', () => {
    const paragraph = 'Selected words can travel on their own, with a link back to this very place.';
    const selectable = (attributes = 'selection') => repost(attributes, `<p>${paragraph}</p>`);

    it('offers a selection made with the mouse in a popover that does not cover it', async () => {
      const el = await selectable();
      const p = el.querySelector('p')!;
      await dragSelect(p, 0, 30);
      await el.updateComplete;
      expect(isOpen(el)).to.be.true;
      expect(menu(el).getAttribute('aria-label')).to.equal('Share selected text');
      const selection = getSelection()!.getRangeAt(0).getBoundingClientRect();
      const popover = menu(el).getBoundingClientRect();
      expect(overlaps(selection, popover)).to.be.false;
      expect(popover.top).to.be.above(selection.bottom);
      expect(Math.abs(popover.left - selection.left)).to.be.below(1);
      await expect(el).to.be.accessible();
    });

    it('widens the selection to whole words and shares it with via selection', async () => {
      const el = await selectable();
      const p = el.querySelector('p')!;
      await dragSelect(p, 2, 24);
      await el.updateComplete;
      expect(getSelection()!.toString()).to.equal('Selected words can travel');
      expect(shared(el, 'telegram').text).to.equal('“Selected words can travel”');
      expect(parseTextDirectives(shared(el, 'telegram').url)).to.deep.equal([{ start: 'Selected words can travel', end: undefined }]);
      const event = oneEvent(el, 'wom-share');
      part(el, 'copy').click();
      const { detail } = (await event) as CustomEvent<WomShareDetail>;
      expect(detail.via).to.equal('selection');
      expect(detail.text).to.equal('Selected words can travel');
    });

    it('does not offer fewer than three words', async () => {
      const el = await selectable();
      await dragSelect(el.querySelector('p')!, 0, 12);
      expect(isOpen(el)).to.be.false;
    });

    it('does not offer selections without the selection attribute', async () => {
      const el = await selectable('');
      await dragSelect(el.querySelector('p')!, 0, 30);
      expect(isOpen(el)).to.be.false;
    });

    it('announces the key command when a selection can be shared', async () => {
      const el = await selectable();
      const changed = oneEvent(document, 'selectionchange');
      selectWords(el.querySelector('p')!, 0, 30);
      await changed;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
        'Selected text can be shared: press Alt+Shift+S.',
      );
    });

    it('opens by the key command with the focus on the first network', async () => {
      const el = await selectable();
      selectWords(el.querySelector('p')!, 0, 30);
      await sendKeys({ press: 'Alt+Shift+KeyS' });
      await el.updateComplete;
      expect(isOpen(el)).to.be.true;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'x'));
      expect(part(el, 'control').getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+S');
      await sendKeys({ press: 'Escape' });
      expect(isOpen(el)).to.be.false;
    });

    it('shares the selection from the repost control too', async () => {
      const el = await selectable();
      selectWords(el.querySelector('p')!, 0, 30);
      await openMenu(el);
      expect(menu(el).getAttribute('aria-label')).to.equal('Share selected text');
      expect(shared(el, 'telegram').text).to.equal('“Selected words can travel on their”');
    });

    it('aligns the popover with the selection’s right edge in RTL', async () => {
      const host = await fixture<HTMLElement>(html`<div lang="fa" dir="rtl" style="inline-size: 30rem">
        <wom-repost selection networks="telegram copy"><p>این جمله را برگزینید و با دوستانتان هم‌رسانی کنید.</p></wom-repost>
      </div>`);
      const el = host.querySelector('wom-repost')!;
      await el.updateComplete;
      const p = el.querySelector('p')!;
      selectWords(p, 0, 20);
      await sendKeys({ press: 'Alt+Shift+KeyS' });
      await el.updateComplete;
      const selection = getSelection()!.getRangeAt(0).getBoundingClientRect();
      const popover = menu(el).getBoundingClientRect();
      expect(menu(el).getAttribute('aria-label')).to.equal('هم‌رسانی متن برگزیده');
      expect(Math.abs(popover.right - selection.right)).to.be.below(1);
      expect(overlaps(selection, popover)).to.be.false;
    });

    it('keeps the popover inside the viewport near the edge', async () => {
      const el = await selectable();
      el.style.cssText = 'display: block; margin-inline-start: calc(100vw - 12rem); inline-size: 11rem';
      const p = el.querySelector('p')!;
      selectWords(p, 0, 30);
      await sendKeys({ press: 'Alt+Shift+KeyS' });
      await el.updateComplete;
      const popover = menu(el).getBoundingClientRect();
      expect(popover.left).to.be.at.least(0);
      expect(popover.right).to.be.at.most(document.documentElement.clientWidth);
    });
  });
});
