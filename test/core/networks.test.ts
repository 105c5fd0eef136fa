import { expect } from '@open-wc/testing';
import { intents, parseNetworks, validHost, type ShareTarget } from '../../src/core/networks.js';

const target: ShareTarget = {
  url: 'https://blog.example/post?a=1&wom=Abc123_-xy#top',
  title: 'Ünïcode & "quotes"',
  text: 'Read this, now',
  image: 'https://blog.example/cover.png',
};
const url = encodeURIComponent(target.url);
const title = encodeURIComponent(target.title);
const text = encodeURIComponent(target.text!);

describe('share intents', () => {
  const expected: Record<string, string> = {
    x: `https://x.com/intent/tweet?text=${text}&url=${url}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    whatsapp: `https://wa.me/?text=${text}%20${url}`,
    telegram: `https://t.me/share/url?url=${url}&text=${text}`,
    reddit: `https://www.reddit.com/submit?url=${url}&title=${title}&type=LINK`,
    pinterest: `https://www.pinterest.com/pin/create/button/?url=${url}&description=${text}&media=${encodeURIComponent(target.image!)}`,
    mastodon: `https://share.joinmastodon.org/?text=${text}%20${url}`,
    bluesky: `https://bsky.app/intent/compose?text=${text}%20${url}`,
    threads: `https://www.threads.com/intent/post?text=${text}&url=${url}`,
    line: `https://social-plugins.line.me/lineit/share?url=${url}&text=${text}`,
    vk: `https://vk.com/share.php?url=${url}&title=${title}&image=${encodeURIComponent(target.image!)}`,
    xing: `https://www.xing.com/spi/shares/new?url=${url}`,
    wykop: `https://wykop.pl/dodaj/link/?url=${url}&title=${title}`,
    threema: `threema://compose?text=${text}%20${url}`,
    sms: `sms:?&body=${text}%20${url}`,
    email: `mailto:?subject=${title}&body=${text}%0A%0A${url}`,
  };
  for (const [network, href] of Object.entries(expected)) {
    it(`builds the ${network} share URL`, () => {
      expect(intents[network](target)).to.equal(href);
    });
  }

  it('has a test for every network it builds', () => {
    expect(Object.keys(intents).sort()).to.deep.equal(Object.keys(expected).sort());
  });

  it('falls back to the title where a network takes one text and none is given', () => {
    expect(intents.x({ url: 'https://a.example/', title: 'T' })).to.equal(
      'https://x.com/intent/tweet?text=T&url=https%3A%2F%2Fa.example%2F',
    );
  });

  it('sends Mastodon straight to a configured instance', () => {
    expect(intents.mastodon({ ...target, mastodonInstance: 'mastodon.social' })).to.equal(
      `https://mastodon.social/share?text=${text}%20${url}`,
    );
  });

  it('leaves out the Pinterest media parameter without an image', () => {
    expect(intents.pinterest({ url: 'https://a.example/', title: 'T' })).to.not.contain('media=');
  });

  it('encodes spaces in mailto as %20, not +', () => {
    expect(intents.email({ url: 'https://a.example/', title: 'a b' })).to.match(/^mailto:\?subject=a%20b&/);
  });
});

describe('parseNetworks', () => {
  it('keeps known keys in order without repeats', () => {
    expect(parseNetworks('telegram x  telegram copy')).to.deep.equal(['telegram', 'x', 'copy']);
  });

  it('defaults to the contract order', () => {
    expect(parseNetworks(null)).to.deep.equal(['native', 'x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'email', 'copy']);
  });

  it('skips an unknown key with one warning naming it', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(parseNetworks('x myspace')).to.deep.equal(['x']);
      parseNetworks('myspace telegram');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('"myspace"');
  });
});

describe('validHost', () => {
  it('accepts host names with an optional port', () => {
    expect(validHost('Mastodon.Social')).to.equal('mastodon.social');
    expect(validHost('fosstodon.org:8443')).to.equal('fosstodon.org:8443');
  });
  for (const bad of ['https://mastodon.social', 'evil.example/path', 'a b.example', 'localhost', 'x.example@evil.example', '']) {
    it(`refuses ${JSON.stringify(bad)}`, () => expect(validHost(bad)).to.equal(undefined));
  }
});
