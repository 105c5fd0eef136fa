import { expect } from '@open-wc/testing';
import { reviewJsonLd, structuredDataAdvice, writeJsonLd } from '../../src/review/json-ld.js';
import { relativeTime } from '../../src/review/relative-time.js';
import { invalidField, toReviewData, withReview, type ReviewData } from '../../src/review/reviews.js';

const data = (): ReviewData => ({
  item: 'i',
  count: 2,
  average: 4,
  distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 },
  reviews: [{ rating: 5, text: 'a', author: 'A', ts: 2 }],
});

describe('review data', () => {
  it('mirrors the server: rating 1 to 5, text up to 5,000 characters, author up to 80', () => {
    const ok = { rating: 3, text: 'x'.repeat(5000), author: 'y'.repeat(80) };
    expect(invalidField(ok)).to.equal(undefined);
    expect(invalidField({ ...ok, rating: 0 })).to.equal('rating');
    expect(invalidField({ ...ok, rating: 2.5 })).to.equal('rating');
    expect(invalidField({ ...ok, text: 'x'.repeat(5001) })).to.equal('text');
    expect(invalidField({ ...ok, author: 'y'.repeat(81) })).to.equal('author');
  });

  it('adds a just-published review on top and updates count, average and distribution', () => {
    const next = withReview(data(), { rating: 2, text: 'b', author: null, ts: 3 });
    expect(next.count).to.equal(3);
    expect(next.average).to.be.closeTo(10 / 3, 1e-9);
    expect(next.distribution).to.deep.equal({ 1: 0, 2: 1, 3: 1, 4: 0, 5: 1 });
    expect(next.reviews.map((r) => r.text)).to.deep.equal(['b', 'a']);
  });

  it('reads defensively: wrong types become empty values, malformed reviews are dropped', () => {
    const read = toReviewData(
      { count: '3', average: -1, distribution: { 5: 'x', 4: 2 }, reviews: [{ rating: 6, ts: 1 }, { rating: 4, ts: 1, text: 7, author: ' ' }, null] },
      'i',
    )!;
    expect(read.count).to.equal(0);
    expect(read.average).to.equal(0);
    expect(read.distribution).to.deep.equal({ 1: 0, 2: 0, 3: 0, 4: 2, 5: 0 });
    expect(read.reviews).to.deep.equal([{ rating: 4, text: '', author: null, ts: 1 }]);
    expect(read.token).to.equal(undefined);
    expect(toReviewData({ token: { forged: 1 } }, 'i')!.token).to.equal(undefined);
    expect(toReviewData({ token: 'a.b.c' }, 'i')!.token).to.equal('a.b.c');
    expect(toReviewData('nope', 'i')).to.equal(undefined);
  });
});

describe('relative dates', () => {
  const now = Date.UTC(2026, 10, 25);
  it('uses the largest unit that fits, in the locale', () => {
    expect(relativeTime('en', now - 3 * 864e5, now)).to.equal('3 days ago');
    expect(relativeTime('en', now - 864e5, now)).to.equal('yesterday');
    expect(relativeTime('de', now - 2 * 36e5, now)).to.equal('vor 2 Stunden');
    expect(relativeTime('en', now + 5000, now)).to.equal('now');
    expect(relativeTime('fa', now - 3 * 7 * 864e5, now)).to.contain('۳');
  });
});

describe('structured data', () => {
  it('is written for every type, with a warning where Google shows no review snippets', () => {
    for (const type of ['Book', 'Recipe', 'Product', 'SoftwareApplication', 'Event', 'Movie']) {
      expect(structuredDataAdvice(type, false), type).to.deep.equal({ write: true });
    }
    const creativeWork = structuredDataAdvice('CreativeWork', false);
    expect(creativeWork.write).to.equal(true);
    expect(creativeWork.warning).to.contain('no review snippets');
  });

  it('is withheld for organizations reviewing themselves, unless independent', () => {
    const own = structuredDataAdvice('LocalBusiness', false);
    expect(own.write).to.equal(false);
    expect(own.warning).to.contain('independent');
    expect(structuredDataAdvice('Restaurant', true)).to.deep.equal({ write: true });
  });

  it('escapes "<" so that no review text can close the script', () => {
    const hostile = { ...data(), reviews: [{ rating: 1, text: '</script><img src=x>', author: null, ts: 0 }] };
    const json = reviewJsonLd('Book', 'B', hostile, hostile.reviews, 'Anonymous');
    expect(json).not.to.contain('<');
    expect(JSON.parse(json).review[0]).to.deep.include({ reviewBody: '</script><img src=x>', datePublished: '1970-01-01' });
  });

  it('keeps one script per item while any owner writes it, and removes it with the last', () => {
    const [a, b] = [{}, {}];
    writeJsonLd(a, 'unit', '{"a":1}');
    writeJsonLd(b, 'unit', '{"a":1,"b":2}');
    const scripts = () => document.head.querySelectorAll('script[data-wom-review="unit"]');
    expect(scripts()).to.have.length(1);
    expect(scripts()[0].textContent).to.equal('{"a":1,"b":2}');
    writeJsonLd(b, 'unit', undefined);
    expect(scripts()[0].textContent).to.equal('{"a":1}');
    writeJsonLd(a, 'unit', undefined);
    expect(scripts()).to.have.length(0);
  });
});
