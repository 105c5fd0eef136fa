import { expect } from '@open-wc/testing';
import {
  encodeTerm,
  fragmentUrl,
  holdsTarget,
  parseTextDirectives,
  textDirective,
} from '../../src/repost/text-fragment.js';

describe('text fragments', () => {
  describe('encoding a quote', () => {
    it('percent-encodes dashes, which would otherwise mark a prefix or suffix', () => {
      expect(textDirective('A well-known fact - really')).to.equal('text=A%20well%2Dknown%20fact%20%2D%20really');
    });

    it('percent-encodes commas and ampersands, which separate terms and directives', () => {
      expect(textDirective('Salt, pepper & oil')).to.equal('text=Salt%2C%20pepper%20%26%20oil');
    });

    it('percent-encodes en and em dashes, quotes and other non-ASCII as UTF-8', () => {
      expect(encodeTerm('1990–2000 — “yes”')).to.equal('1990%E2%80%932000%20%E2%80%94%20%E2%80%9Cyes%E2%80%9D');
    });

    it('encodes Persian text with its zero-width non-joiner intact', () => {
      const quote = 'کتاب‌ها را می‌خوانم';
      expect(textDirective(quote)).to.equal(`text=${encodeURIComponent(quote)}`);
      expect(decodeURIComponent(textDirective(quote).slice(5))).to.equal(quote);
    });

    it('keeps emoji sequences whole', () => {
      const quote = 'Loved it 👩🏽‍💻 and 🇩🇪 too';
      expect(decodeURIComponent(textDirective(quote).slice(5))).to.equal(quote);
    });

    it('collapses white space as the browser renders it', () => {
      expect(textDirective('  two \t  spaced\u00a0words ')).to.equal('text=two%20spaced%20words');
    });

    it('points at a long quote by its first and last five words (textStart,textEnd)', () => {
      const quote = 'one two three four five six, seven eight nine ten eleven.';
      expect(textDirective(quote)).to.equal('text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven.');
    });

    it('keeps a quote of ten words whole', () => {
      expect(textDirective('one two three four five six seven eight nine ten')).to.not.include(',');
    });

    it('splits a quote of several blocks into textStart,textEnd, as a term cannot cross blocks', () => {
      expect(textDirective('First line.\n\nSecond line here.')).to.equal('text=First%20line.,Second%20line%20here.');
    });

    it('makes no directive for a quote without text', () => {
      expect(textDirective(' \n ')).to.equal('');
    });
  });

  describe('the link', () => {
    const directive = 'text=Hi';

    it('puts the directive after an empty fragment', () => {
      expect(fragmentUrl('https://blog.example/post?wom=abc', directive)).to.equal(
        'https://blog.example/post?wom=abc#:~:text=Hi',
      );
    });

    it('keeps the page’s own fragment before the directive, as the spec allows', () => {
      expect(fragmentUrl('https://blog.example/post#comments', directive)).to.equal(
        'https://blog.example/post#comments:~:text=Hi',
      );
    });

    it('uses an element id instead of the page’s fragment, for browsers without text fragments', () => {
      expect(fragmentUrl('https://blog.example/post#comments', directive, 'quote 1')).to.equal(
        'https://blog.example/post#quote%201:~:text=Hi',
      );
    });

    it('drops a directive already in the URL', () => {
      expect(fragmentUrl('https://blog.example/post#top:~:text=old', directive)).to.equal(
        'https://blog.example/post#top:~:text=Hi',
      );
    });

    it('survives URL parsing unchanged', () => {
      const link = fragmentUrl('https://blog.example/post', textDirective('Salt, pepper & oil - and کتاب‌ها 👍🏽'));
      expect(new URL(link).href).to.equal(link);
    });
  });

  describe('reading a directive back', () => {
    const quotes = [
      'A well-known fact - really',
      'Salt, pepper & oil',
      'کتاب‌ها را می‌خوانم، هر روز',
      'Loved it 👩🏽‍💻 and 🇩🇪 too',
      'one two three four five six, seven eight nine ten eleven-twelve.',
      'First line.\n\nSecond line here.',
    ];
    for (const quote of quotes) {
      it(`finds ${JSON.stringify(quote.slice(0, 24))} again in the quote’s text`, () => {
        const [target, ...more] = parseTextDirectives(fragmentUrl('https://b.example/p', textDirective(quote)));
        expect(more).to.be.empty;
        expect(holdsTarget(quote, target)).to.be.true;
      });
    }

    it('ignores prefix and suffix context and other directives', () => {
      expect(parseTextDirectives('https://b.example/#x:~:text=pre-,start,end,-suf&foo=bar&text=two')).to.deep.equal([
        { start: 'start', end: 'end' },
        { start: 'two', end: undefined },
      ]);
    });

    it('skips malformed directives', () => {
      expect(parseTextDirectives('https://b.example/#:~:text=%E0%A4&text=a,b,c&text=')).to.deep.equal([]);
    });

    it('finds nothing without a fragment directive', () => {
      expect(parseTextDirectives('https://b.example/p?q=:~:text=a')).to.deep.equal([]);
    });

    it('matches case-insensitively, and textEnd only after textStart', () => {
      expect(holdsTarget('Hello World, goodbye', { start: 'hello world' })).to.be.true;
      expect(holdsTarget('end then start', { start: 'start', end: 'end' })).to.be.false;
    });
  });
});
