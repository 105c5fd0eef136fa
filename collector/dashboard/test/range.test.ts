import { expect } from '@open-wc/testing';
import { customRange, isoDay, presetRange, rangeParams } from '../src/range.js';

const day = 24 * 3600_000;
const now = Date.parse('2026-11-25T15:30:00Z');

describe('time ranges', () => {
  it('a preset covers whole UTC days up to the end of today', () => {
    const range = presetRange('7d', now);
    expect(isoDay(range.to! - 1)).to.equal('2026-11-25');
    expect(isoDay(range.from!)).to.equal('2026-11-19');
    expect((range.to! - range.from!) / day).to.equal(7);
  });

  it('"all" leaves both ends open', () => {
    expect(presetRange('all', now)).to.deep.equal({});
    expect(rangeParams({})).to.deep.equal({});
  });

  it('a custom range includes its last day', () => {
    expect(customRange('2026-11-01', '2026-11-30')).to.deep.equal({
      from: Date.parse('2026-11-01T00:00:00Z'),
      to: Date.parse('2026-12-01T00:00:00Z'),
    });
    expect(customRange('', '2026-11-30')).to.deep.equal({ to: Date.parse('2026-12-01T00:00:00Z') });
  });

  it('becomes query parameters in ms', () => {
    expect(rangeParams({ from: 1, to: 2 })).to.deep.equal({ from: '1', to: '2' });
  });
});
