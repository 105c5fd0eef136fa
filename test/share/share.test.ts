import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { intents } from '../../src/core/networks.js';
import { configure } from '../../src/core/config.js';
import { WomShare } from '../../src/share/share.element.js';
import '../../src/share/define.js';
import { warnings } from '../support/console.js';

const shadow = (el: WomShare) => el.shadowRoot!;
const link = (el: WomShare, network: string) => shadow(el).querySelector<HTMLAnchorElement>(`a.${network}`)!;
const control = (el: WomShare, network: string) => shadow(el).querySelector<HTMLElement>(`.${network}`)!;
const keys = (el: WomShare) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="button"]')].map((b) => b.className);
/** The share id inside a network's href, wherever that network puts the shared URL. */
const shareParam = (href: string) => decodeURIComponent(href).match(/[?&]wom=([\w-]{10})/)?.[1];


/** Stops link navigation after the widget has handled the click, as the browser would follow it. */
function stayOnPage(event: Event) {
  event.preventDefault();
}

afterEach(() => {
  configure({ locale: '', utm: false, param: 'wom', collector: '', bots: false });
  document.removeEventListener('click', stayOnPage);
});

describe('<wom-share>', () => {
  it('passes an axe accessibility audit in each layout', async function () {
    this.timeout(20000); // three full axe runs
    for (const layout of ['row', 'column', 'icons']) {
      const el = await fixture<WomShare>(html`<wom-share layout=${layout} networks="x telegram email copy"></wom-share>`);
      await expect(el).to.be.accessible();
    }
  });

  it('renders the default networks in contract order, native hidden without the Web Share API', async () => {
    const el = await fixture<WomShare>(html`<wom-share></wom-share>`);
    expect('share' in navigator).to.equal(false);
    expect(keys(el)).to.deep.equal(['x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'email', 'copy']);
  });

  it('renders every network key as a real link or button', async () => {
    const all = 'copy email x facebook linkedin whatsapp telegram reddit pinterest mastodon bluesky threads line vk xing wykop threema sms';
    const el = await fixture<WomShare>(html`<wom-share networks=${all}></wom-share>`);
    expect(keys(el)).to.deep.equal(all.split(' '));
    for (const key of all.split(' ').filter((k) => k !== 'copy')) {
      expect(link(el, key).getAttribute('href'), key).to.match(/^(https:\/\/|mailto:|sms:|threema:\/\/compose)/);
    }
  });

  describe('links', () => {
    it('open a new tab without opener or referrer and say so in their name', async () => {
      const el = await fixture<WomShare>(html`<wom-share networks="telegram email"></wom-share>`);
      const telegram = link(el, 'telegram');
      expect(telegram.target).to.equal('_blank');
      expect(telegram.rel).to.equal('noopener noreferrer');
      expect(telegram.getAttribute('aria-label')).to.equal('Share on Telegram (opens in a new window)');
      expect(link(el, 'email').hasAttribute('target')).to.equal(false);
    });

    it('that hand over to an app (SMS, Threema) open no window and announce none', async () => {
      const el = await fixture<WomShare>(html`<wom-share networks="sms threema"></wom-share>`);
      for (const [key, name] of [['sms', 'SMS'], ['threema', 'Threema']]) {
        expect(link(el, key).hasAttribute('target'), key).to.equal(false);
        expect(link(el, key).getAttribute('aria-label')).to.equal(`Share on ${name}`);
      }
      expect(link(el, 'sms').getAttribute('href')).to.match(/^sms:\?&body=.*wom%3D[A-Za-z0-9_-]{10}/);
    });

    it('carry a 10-character share id, replacing an existing wom and keeping other parameters and the hash', async () => {
      const el = await fixture<WomShare>(
        html`<wom-share networks="telegram" url="https://blog.example/post?a=1&wom=OLD&b=2#part-3"></wom-share>`,
      );
      const shared = new URL(new URL(link(el, 'telegram').href).searchParams.get('url')!);
      expect(shared.searchParams.get('wom')).to.match(/^[A-Za-z0-9_-]{10}$/);
      expect(shared.searchParams.get('a')).to.equal('1');
      expect(shared.searchParams.get('b')).to.equal('2');
      expect(shared.hash).to.equal('#part-3');
      expect(shared.searchParams.getAll('wom')).to.have.length(1);
    });

    it('use a different share id for every network and every share action', async () => {
      document.addEventListener('click', stayOnPage);
      const el = await fixture<WomShare>(html`<wom-share networks="x telegram whatsapp"></wom-share>`);
      const ids = ['x', 'telegram', 'whatsapp'].map((n) => shareParam(link(el, n).href));
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        setTimeout(() => link(el, 'telegram').click());
        const { detail } = await oneEvent(el, 'wom-share');
        seen.add(detail.share);
        await waitUntil(() => shareParam(link(el, 'telegram').href) !== detail.share, 'id renewed after use');
      }
      expect(seen.size).to.equal(3);
      expect(new Set(ids).size).to.equal(3);
    });

    it('use the data-param parameter name and add UTM tags with data-utm', async () => {
      configure({ param: 'ref', utm: true });
      const el = await fixture<WomShare>(html`<wom-share networks="telegram" url="https://blog.example/p"></wom-share>`);
      const shared = new URL(new URL(link(el, 'telegram').href).searchParams.get('url')!);
      expect(shared.searchParams.get('ref')).to.match(/^[\w-]{10}$/);
      expect(shared.searchParams.has('wom')).to.equal(false);
      expect(shared.searchParams.get('utm_source')).to.equal('telegram');
      expect(shared.searchParams.get('utm_medium')).to.equal('social');
    });
  });

  describe('the wom-share event', () => {
    it('bubbles out of the shadow root with network, url and share id', async () => {
      document.addEventListener('click', stayOnPage);
      const el = await fixture<WomShare>(html`<div><wom-share networks="telegram"></wom-share></div>`);
      const share = el.querySelector('wom-share') as WomShare;
      const href = link(share, 'telegram').href;
      setTimeout(() => link(share, 'telegram').click());
      const event = await oneEvent(el, 'wom-share');
      expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
      expect(event.detail.network).to.equal('telegram');
      expect(event.detail.via).to.equal('button');
      expect(href).to.contain(encodeURIComponent(event.detail.url));
      expect(new URL(event.detail.url).searchParams.get('wom')).to.equal(event.detail.share);
    });

    it('stops the share when a listener calls preventDefault()', async () => {
      const el = await fixture<WomShare>(html`<wom-share networks="telegram"></wom-share>`);
      el.addEventListener('wom-share', (event) => event.preventDefault());
      const before = link(el, 'telegram').href;
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      link(el, 'telegram').dispatchEvent(click);
      expect(click.defaultPrevented).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve));
      expect(link(el, 'telegram').href).to.equal(before);
    });
  });

  describe('tracking', () => {
    it('records the share with its id, network, via and the URL shared, for that URL\'s counts', async () => {
      document.addEventListener('click', stayOnPage);
      const collector = `/__collect/share-${Date.now()}`;
      configure({ collector, bots: true });
      const el = await fixture<WomShare>(html`<wom-share networks="telegram" url="https://blog.example/other?wom=old"></wom-share>`);
      setTimeout(() => link(el, 'telegram').click());
      const { detail } = await oneEvent(el, 'wom-share');
      const [record] = await (await fetch(`${collector}?min=1`)).json();
      const [event] = JSON.parse(record.body).events;
      expect(event).to.include({ type: 'share', share: detail.share, network: 'telegram', via: 'button', url: 'https://blog.example/other' });
    });
  });

  describe('copy', () => {
    it('copies the tagged link and confirms visibly and to screen readers', async () => {
      const el = await fixture<WomShare>(html`<wom-share networks="copy"></wom-share>`);
      setTimeout(() => control(el, 'copy').click());
      const { detail } = await oneEvent(el, 'wom-share');
      expect(detail.network).to.equal('copy');
      await waitUntil(() => shadow(el).querySelector('[role="status"]')!.textContent === 'Link copied');
      expect(control(el, 'copy').textContent!.trim()).to.equal('Link copied');
      expect(await navigator.clipboard.readText()).to.equal(detail.url);
    });
  });

  describe('native', () => {
    it('calls the Web Share API with the tagged link where it exists', async () => {
      const calls: ShareData[] = [];
      Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => calls.push(data) });
      try {
        const el = await fixture<WomShare>(html`<wom-share networks="native" title="T" text="Read"></wom-share>`);
        control(el, 'native').click();
        await waitUntil(() => calls.length === 1);
        expect(calls[0].title).to.equal('T');
        expect(new URL(calls[0].url!).searchParams.get('wom')).to.match(/^[\w-]{10}$/);
      } finally {
        delete (navigator as { share?: unknown }).share;
      }
    });
  });

  describe('keyboard', () => {
    it('reaches every control with Tab and activates copy with Enter', async () => {
      const el = await fixture<WomShare>(html`<wom-share networks="x telegram copy"></wom-share>`);
      const focused: string[] = [];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'Tab' });
        focused.push(shadow(el).activeElement!.className);
      }
      expect(focused).to.deep.equal(['x', 'telegram', 'copy']);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).querySelector('[role="status"]')!.textContent === 'Link copied');
    });

    it('shows a visible focus ring', async () => {
      const el = await fixture<WomShare>(html`<wom-share networks="telegram"></wom-share>`);
      await sendKeys({ press: 'Tab' });
      expect(getComputedStyle(link(el, 'telegram')).outlineStyle).to.equal('solid');
    });
  });

  describe('locale', () => {
    const name = (el: WomShare) => link(el, 'telegram').getAttribute('aria-label');
    /** The share element inside `host`, rendered in its locale (loaded on first use). */
    const inside = async (host: Element) => {
      const share = host.querySelector('wom-share')!;
      await share.updateComplete;
      return share;
    };

    it('follows the locale attribute first', async () => {
      const el = await fixture<WomShare>(html`<div lang="pl"><wom-share locale="de" networks="telegram"></wom-share></div>`);
      expect(name(await inside(el))).to.equal('Auf Telegram teilen (öffnet in neuem Fenster)');
    });

    it('then the script tag data-locale', async () => {
      configure({ locale: 'id' });
      const el = await fixture<WomShare>(html`<div lang="pl"><wom-share networks="telegram"></wom-share></div>`);
      expect(name(await inside(el))).to.equal('Bagikan ke Telegram (membuka jendela baru)');
    });

    it('then the nearest lang attribute, falling back from a region to its language', async () => {
      const el = await fixture<WomShare>(html`<div lang="de-AT"><wom-share networks="telegram"></wom-share></div>`);
      expect(name(await inside(el))).to.equal('Auf Telegram teilen (öffnet in neuem Fenster)');
    });

    it("then the document's language, and English for an unsupported one", async () => {
      document.documentElement.lang = 'pl';
      try {
        const el = await fixture<WomShare>(html`<wom-share networks="telegram"></wom-share>`);
        expect(name(el)).to.equal('Udostępnij na Telegram (otwiera się w nowym oknie)');
        document.documentElement.lang = 'fr';
        const fallback = await fixture<WomShare>(html`<wom-share networks="telegram"></wom-share>`);
        expect(name(fallback)).to.equal('Share on Telegram (opens in a new window)');
      } finally {
        document.documentElement.lang = '';
      }
    });

    it('renders Persian right to left, in mirrored order, and passes axe', async () => {
      const el = await fixture<WomShare>(html`<div lang="fa"><wom-share networks="x telegram"></wom-share></div>`);
      const share = await inside(el);
      const base = shadow(share).querySelector('[part="base"]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(link(share, 'x').getBoundingClientRect().left).to.be.greaterThan(link(share, 'telegram').getBoundingClientRect().left);
      expect(link(share, 'telegram').getAttribute('aria-label')).to.contain('تلگرام');
      await expect(share).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('shares the canonical link and og:title, without the referral parameter', async () => {
      const canonical = Object.assign(document.createElement('link'), { rel: 'canonical', href: 'https://blog.example/post?wom=abc&x=1' });
      const title = Object.assign(document.createElement('meta'), { content: 'OG title' });
      title.setAttribute('property', 'og:title');
      document.head.append(canonical, title);
      try {
        const el = await fixture<WomShare>(html`<wom-share networks="reddit"></wom-share>`);
        const href = new URL(link(el, 'reddit').href);
        const shared = new URL(href.searchParams.get('url')!);
        expect(shared.origin + shared.pathname).to.equal('https://blog.example/post');
        expect(shared.searchParams.get('x')).to.equal('1');
        expect(shared.searchParams.get('wom')).to.not.equal('abc');
        expect(href.searchParams.get('title')).to.equal('OG title');
      } finally {
        canonical.remove();
        title.remove();
      }
    });
  });

  describe('bad input', () => {
    it('refuses a javascript: url with a warning and shares the page instead', async () => {
      let el!: WomShare;
      const seen = await warnings(async () => {
        el = await fixture<WomShare>(html`<wom-share networks="telegram" url="javascript:alert(1)"></wom-share>`);
      });
      const shared = new URL(new URL(link(el, 'telegram').href).searchParams.get('url')!);
      expect(shared.origin).to.equal(location.origin);
      expect(seen.some((w) => w.includes('javascript:alert(1)'))).to.equal(true);
    });

    it('refuses an invalid mastodon-instance with a warning and uses the official share page', async () => {
      let el!: WomShare;
      const seen = await warnings(async () => {
        el = await fixture<WomShare>(html`<wom-share networks="mastodon" mastodon-instance="https://evil.example/x"></wom-share>`);
      });
      expect(link(el, 'mastodon').href).to.match(/^https:\/\/share\.joinmastodon\.org\/\?text=/);
      expect(seen).to.have.length(1);
      const direct = await fixture<WomShare>(html`<wom-share networks="mastodon" mastodon-instance="fosstodon.org"></wom-share>`);
      expect(link(direct, 'mastodon').href).to.match(/^https:\/\/fosstodon\.org\/share\?text=/);
    });

    it('skips unknown networks and renders the rest', async () => {
      let el!: WomShare;
      const seen = await warnings(async () => {
        el = await fixture<WomShare>(html`<wom-share networks="x friendster telegram"></wom-share>`);
      });
      expect(keys(el)).to.deep.equal(['x', 'telegram']);
      expect(seen.join()).to.contain('friendster');
    });

    it('goes on with the share when a host listener throws', async () => {
      document.addEventListener('click', stayOnPage);
      const el = await fixture<WomShare>(html`<wom-share networks="telegram"></wom-share>`);
      el.addEventListener('wom-share', () => {
        throw new Error('host bug');
      });
      const before = link(el, 'telegram').href;
      // The browser reports a listener's exception to window.onerror; keep it from failing the test run.
      const onerror = window.onerror;
      window.onerror = () => true;
      try {
        expect(() => link(el, 'telegram').click()).to.not.throw();
      } finally {
        window.onerror = onerror;
      }
      await waitUntil(() => link(el, 'telegram').href !== before, 'share id renewed: the share went ahead');
    });
  });

  describe('counts', () => {
    const total = (el: WomShare) => shadow(el).querySelector('[part="total"]');
    const count = (el: WomShare, network: string) => control(el, network).parentElement!.querySelector('[part="count"]');

    it('shows the total and per-network counts from the collector, compactly and in the locale', async () => {
      configure({ collector: '/test/share/fixtures/e' });
      const el = await fixture<WomShare>(html`<wom-share counts networks="telegram x"></wom-share>`);
      await waitUntil(() => total(el), 'counts loaded');
      expect(total(el)!.querySelector('.label')!.textContent).to.equal('1.2K shares');
      expect(count(el, 'telegram')!.textContent).to.equal('1.2K');
      const fa = await fixture<WomShare>(html`<wom-share counts locale="fa" networks="x"></wom-share>`);
      await waitUntil(() => total(fa));
      expect(count(fa, 'x')!.textContent).to.equal('۳۴');
    });

    it('shows no number below counts-min', async () => {
      configure({ collector: '/test/share/fixtures/e' });
      const el = await fixture<WomShare>(html`<wom-share counts counts-min="100" networks="telegram x"></wom-share>`);
      await waitUntil(() => total(el), 'counts loaded');
      expect(count(el, 'telegram')!.textContent).to.equal('1.2K');
      expect(count(el, 'x')).to.equal(null);
      el.countsMin = 5000;
      await el.updateComplete;
      expect(total(el)).to.equal(null);
      expect(count(el, 'telegram')).to.equal(null);
    });

    it('shows no "0 shares" on a page nobody has shared, by default', async () => {
      configure({ collector: '/test/share/fixtures/unshared/e' });
      const el = await fixture<WomShare>(html`<wom-share counts counts-min="0" networks="telegram x"></wom-share>`);
      const plain = await fixture<WomShare>(html`<wom-share counts networks="telegram x"></wom-share>`);
      await waitUntil(() => (el as unknown as { countData?: object }).countData, 'counts loaded');
      for (const widget of [el, plain]) {
        expect(total(widget)).to.equal(null);
        expect(shadow(widget).querySelector('[part="count"]')).to.equal(null);
        expect(shadow(widget).textContent).not.to.match(/\b0\b/);
      }
    });

    it('keeps no room for a count it does not show: the links sit as they do without counts', async () => {
      configure({ collector: 'http://127.0.0.1:9/e' });
      const host = await fixture<HTMLElement>(html`<div>
        <wom-share counts layout="icons"></wom-share><wom-share layout="icons"></wom-share>
      </div>`);
      const [withCounts, without] = host.querySelectorAll<WomShare>('wom-share');
      await withCounts.updateComplete;
      const lefts = (el: WomShare) => [...shadow(el).querySelectorAll('li')].map((li) => li.getBoundingClientRect().left);
      expect(lefts(withCounts)).to.deep.equal(lefts(without));
      expect(total(withCounts)).to.equal(null);
    });

    it('stays on one row on a 390 px phone with every count shown', async () => {
      await setViewport({ width: 390, height: 800 });
      try {
        configure({ collector: '/test/share/fixtures/e' });
        const el = await fixture<WomShare>(html`<wom-share counts layout="icons" networks="x facebook linkedin whatsapp telegram email copy"></wom-share>`);
        await waitUntil(() => count(el, 'telegram'), 'counts loaded');
        const rows = new Set([...shadow(el).querySelectorAll('li')].map((li) => li.getBoundingClientRect().top));
        expect(rows.size).to.equal(1);
        // One row's height: the total sits on it too.
        expect(total(el)!.textContent).to.equal('1.2K1.2K shares'); // the figure, and the words for screen readers
        expect(el.getBoundingClientRect().height).to.equal(40);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });

  describe('logo contrast', () => {
    /** WCAG relative luminance of a computed `rgb(r, g, b)`. */
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (high + 0.05) / (low + 0.05);
    };

    for (const theme of ['light', 'dark']) {
      it(`draws every network's logo at 3:1 or more on its control, at rest and hovered, ${theme}`, async () => {
        const all = Object.keys(intents).join(' ');
        const el = await fixture<WomShare>(html`<wom-share theme=${theme} networks="${all} copy"></wom-share>`);
        const low: string[] = [];
        for (const button of shadow(el).querySelectorAll<HTMLElement>('[part~="button"]')) {
          for (const state of ['rest', 'hover']) {
            const { left, top, width, height } = button.getBoundingClientRect();
            const position: [number, number] = state === 'hover' ? [Math.round(left + width / 2), Math.round(top + height / 2)] : [0, 0];
            await sendMouse({ type: 'move', position });
            const ratio = contrast(getComputedStyle(button.querySelector('svg')!).fill, getComputedStyle(button).backgroundColor);
            if (ratio < 3) low.push(`${button.className} ${state}: ${ratio.toFixed(2)}`);
          }
        }
        expect(low).to.deep.equal([]);
      });
    }
  });
});
