import { expect, fixture, html } from '@open-wc/testing';
// The built bundle (npm run build:dashboard): Plot's CommonJS dependency needs rollup's
// commonjs plugin, which the test runner's dev server does not run.
import '../../public/dashboard/dashboard.js';
import type { WomCascadeTree } from '../src/cascade-tree/cascade-tree.element.js';
import { formatFor } from '../src/format.js';
import { en } from '../src/locales/en.js';
import { fa } from '../src/locales/fa.js';
import { pl } from '../src/locales/pl.js';
import type { TreeNode } from '../src/types.js';

/** A telegram share that brought 2 visits, one of whom re-shared on x to 12 people. */
const tree: TreeNode[] = [
  { network: 'telegram', parent: null },
  { network: 'telegram', parent: 0 },
  { network: 'telegram', parent: 0 },
  ...Array.from({ length: 12 }, () => ({ network: 'x', parent: 1 })),
];

describe('<wom-cascade-tree>', () => {
  it('is accessible: the drawing is hidden, the outline says the same', async () => {
    const el = await fixture<WomCascadeTree>(html`<wom-cascade-tree .nodes=${tree} .messages=${en} .format=${formatFor('en')}></wom-cascade-tree>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('.plot')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('draws a node per person and collapses many leaves into one "+N visits" node', async () => {
    const el = await fixture<WomCascadeTree>(html`<wom-cascade-tree .nodes=${tree} .messages=${en} .format=${formatFor('en')}></wom-cascade-tree>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('svg [aria-label="dot"] circle')).to.have.length(4);
    expect(root.querySelectorAll('details li')).to.have.length(4);
    expect(root.querySelector('details')!.textContent).to.contain('+12 visits');
    expect(root.querySelector('p')!.textContent).to.equal('Tree of 15 people, 2 steps deep.');
  });

  it('labels a share whose network is unknown, and formats numbers for the locale', async () => {
    const el = await fixture<WomCascadeTree>(html`<wom-cascade-tree .nodes=${[{ network: null, parent: null }, { network: null, parent: 0 }]} .messages=${fa} .format=${formatFor('fa')}></wom-cascade-tree>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('details')!.textContent).to.contain('ناشناخته');
    expect(root.querySelector('p')!.textContent).to.equal('درختی با ۲ نفر، به ژرفای ۱ گام.');
  });

  it("says a tree's size and depth in the plural form each number takes", async () => {
    const pair = [{ network: 'x', parent: null }, { network: 'x', parent: 0 }];
    const say = async (nodes: TreeNode[], messages = en, locale = 'en') => {
      const el = await fixture<WomCascadeTree>(html`<wom-cascade-tree .nodes=${nodes} .messages=${messages} .format=${formatFor(locale)}></wom-cascade-tree>`);
      return el.shadowRoot!.querySelector('p')!.textContent;
    };
    expect(await say(pair)).to.equal('Tree of 2 people, 1 step deep.');
    expect(await say(pair, pl, 'pl')).to.equal('Drzewo: 2 osoby, głębokość: 1 krok.');
    const five = Array.from({ length: 6 }, (_, i) => ({ network: 'x', parent: i === 0 ? null : i - 1 }));
    expect(await say(five, pl, 'pl')).to.equal('Drzewo: 6 osób, głębokość: 5 kroków.');
  });

  it('draws a chain 10,000 deep to its first levels and says how deep it goes', async () => {
    const chain = Array.from({ length: 10_001 }, (_, i) => ({ network: 'x', parent: i === 0 ? null : i - 1 }));
    const el = await fixture<WomCascadeTree>(html`<wom-cascade-tree max-depth="20" .nodes=${chain} .messages=${en} .format=${formatFor('en')}></wom-cascade-tree>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('details li')).to.have.length(21);
    expect(root.querySelector('p')!.textContent).to.equal('Tree of 10,001 people, 10,000 steps deep.');
  });

  it('renders nothing without a tree', async () => {
    const el = await fixture<WomCascadeTree>(html`<wom-cascade-tree .messages=${en} .format=${formatFor('en')}></wom-cascade-tree>`);
    expect(el.shadowRoot!.childElementCount).to.equal(0);
  });
});
