import { expect } from '@open-wc/testing';
import { collapse, graphemes, widenToWords, wordCount } from '../../src/core/segment.js';

describe('segmenting text', () => {
  it('counts an emoji with skin tone and joiners as one grapheme', () => {
    expect(graphemes('a👩🏽‍💻b')).to.deep.equal(['a', '👩🏽‍💻', 'b']);
  });

  it('counts words, not punctuation or emoji', () => {
    expect(wordCount('Hi, you — 🎉 there!')).to.equal(3);
    expect(wordCount('کتاب‌ها را می‌خوانم')).to.equal(3);
  });

  it('widens a range that starts and ends inside words to whole words', () => {
    const text = 'The quick brown fox';
    expect(widenToWords(text, 6, 12)).to.deep.equal([4, 15]);
  });

  it('leaves a range on word boundaries alone', () => {
    expect(widenToWords('The quick brown fox', 4, 9)).to.deep.equal([4, 9]);
  });

  it('collapses white space', () => {
    expect(collapse('  a \n\t b ')).to.equal('a b');
  });
});
