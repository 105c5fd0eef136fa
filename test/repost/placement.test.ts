import { expect } from '@open-wc/testing';
import { place } from '../../src/repost/placement.js';

const viewport = { width: 800, height: 600 };
const size = { width: 200, height: 50 };
const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('placing the popover', () => {
  it('goes below the target, aligned with its left edge', () => {
    expect(place(box(100, 100, 400, 140), size, viewport, false)).to.deep.equal({ left: 100, top: 148 });
  });

  it('aligns with the right edge in RTL', () => {
    expect(place(box(100, 100, 400, 140), size, viewport, true)).to.deep.equal({ left: 200, top: 148 });
  });

  it('goes above when there is no room below, never over the target', () => {
    expect(place(box(100, 500, 400, 560), size, viewport, false)).to.deep.equal({ left: 100, top: 442 });
  });

  it('takes the roomier side when it fits on neither', () => {
    expect(place(box(100, 40, 400, 570), size, viewport, false).top).to.equal(-18);
    expect(place(box(100, 30, 400, 560), size, viewport, false).top).to.equal(568);
  });

  it('stays inside the viewport at the right edge', () => {
    expect(place(box(700, 100, 780, 140), size, viewport, false).left).to.equal(592);
  });

  it('stays inside the viewport at the left edge in RTL', () => {
    expect(place(box(10, 100, 60, 140), size, viewport, true).left).to.equal(8);
  });

  it('goes below what must stay readable (a selection’s paragraph), never over the lines after the selection', () => {
    const selection = box(150, 100, 400, 120);
    const paragraph = box(100, 100, 700, 200);
    expect(place(selection, size, viewport, false, paragraph)).to.deep.equal({ left: 150, top: 208 });
  });

  it('goes above the selection when its paragraph leaves no room below', () => {
    const selection = box(150, 300, 400, 320);
    expect(place(selection, size, viewport, false, box(100, 280, 700, 580)).top).to.equal(242);
  });
});
