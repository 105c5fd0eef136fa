import { expect } from '@open-wc/testing';
import { fitPost, measure, shorten } from '../../src/core/fit.js';
import { xWeight } from '../../src/core/networks.js';
import { graphemes } from '../../src/core/segment.js';

const frame = (quote: string) => `“${quote}” — Ana`;
const url = 'https://blog.example/post?wom=abcdefghij#:~:text=Lorem%20ipsum';
const words = (count: number, word = 'lorem') => Array.from({ length: count }, () => word).join(' ');

describe('fitting a post to a network', () => {
  describe('shorten', () => {
    it('leaves text that fits unchanged', () => {
      expect(shorten('short text', 10)).to.equal('short text');
    });

    it('cuts at the end of the last whole word and appends an ellipsis', () => {
      expect(shorten('The quick brown fox jumps', 18)).to.equal('The quick brown…');
    });

    it('drops punctuation before the ellipsis', () => {
      expect(shorten('Well, I said: no.', 10)).to.equal('Well, I…');
    });

    it('cuts a single overlong word between graphemes', () => {
      expect(shorten('Donaudampfschifffahrt', 6)).to.equal('Donau…');
    });

    it('never splits an emoji or a flag', () => {
      const cut = shorten('👩🏽‍💻👩🏽‍💻👩🏽‍💻🇩🇪🇩🇪', 4);
      expect(cut).to.equal('👩🏽‍💻👩🏽‍💻👩🏽‍💻…');
      expect(graphemes(cut)).to.have.length(4);
    });

    it('never splits Persian words joined by a zero-width non-joiner', () => {
      expect(shorten('کتاب‌ها را می‌خوانم', 14)).to.equal('کتاب‌ها را…');
    });
  });

  describe('X', () => {
    it('counts a link as 23 and keeps the post within 280', () => {
      const post = fitPost('x', words(100), frame, url + 'x'.repeat(200));
      expect(post.startsWith('“lorem')).to.be.true;
      expect(post.endsWith('lorem…” — Ana')).to.be.true;
      expect(measure(post, xWeight) + 1 + 23).to.be.at.most(280);
      expect(measure(post, xWeight) + 1 + 23).to.be.above(270);
    });

    it('counts emoji and CJK as two, Persian as one', () => {
      expect(xWeight('👍🏽')).to.equal(2);
      expect(xWeight('語')).to.equal(2);
      expect(xWeight('ک')).to.equal(1);
      expect(xWeight('—')).to.equal(1);
    });

    it('fits an emoji-heavy quote by X’s weights', () => {
      const post = fitPost('x', words(100, '🎉'), frame, url);
      expect(measure(post, xWeight) + 24).to.be.at.most(280);
      expect(measure(post, xWeight) + 24).to.be.above(270);
    });

    it('leaves a short quote whole', () => {
      expect(fitPost('x', 'Short and sweet.', frame, url)).to.equal('“Short and sweet.” — Ana');
    });
  });

  describe('Bluesky', () => {
    it('keeps post and link within 300 graphemes, counting the whole link', () => {
      const persian = words(80, 'می‌خوانم');
      const post = fitPost('bluesky', persian, frame, url);
      expect(graphemes(`${post} ${url}`).length).to.be.at.most(300);
      expect(graphemes(`${post} ${url}`).length).to.be.above(290);
      expect(post.endsWith('می‌خوانم…” — Ana')).to.be.true;
    });
  });

  describe('Mastodon', () => {
    it('counts a link as 23 in 500', () => {
      const post = fitPost('mastodon', words(200), frame, url);
      expect(measure(post) + 24).to.be.at.most(500);
      expect(measure(post) + 24).to.be.above(490);
    });
  });

  describe('other networks', () => {
    it('take a long quote whole', () => {
      const quote = words(150);
      expect(fitPost('telegram', quote, frame, url)).to.equal(frame(quote));
    });

    it('still cut a very long one', () => {
      const post = fitPost('whatsapp', words(1000), frame, url);
      expect(measure(`${post} ${url}`)).to.be.at.most(1000);
    });
  });
});
