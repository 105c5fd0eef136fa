import { expect } from '@open-wc/testing';
import { treeDepth, treePaths } from '../src/tree.js';
import type { TreeNode } from '../src/types.js';

const node = (parent: number | null, network: string | null = 'x'): TreeNode => ({ network, parent });
/** `count` leaves under node `parent`. */
const leaves = (parent: number, count: number): TreeNode[] => Array.from({ length: count }, () => node(parent));
const label = (network: string | null) => network ?? '?';
const collapsed = (n: number) => `+${n}`;

describe('cascade trees', () => {
  it('gives each node a path under its parent, labelled with its network', () => {
    const tree = [node(null, 'telegram'), node(0, 'telegram'), node(0, null), node(1, 'x')];
    expect(treePaths(tree, label, collapsed, 8)).to.deep.equal([
      { path: '0', label: 'telegram', count: 1 },
      { path: '0/0', label: 'telegram', count: 1 },
      { path: '0/0/0', label: 'x', count: 1 },
      { path: '0/1', label: '?', count: 1 },
    ]);
    expect(treeDepth(tree)).to.equal(2);
  });

  it('collapses the leaves of a node with more than the limit into one node', () => {
    const tree = [node(null), node(0), ...leaves(0, 12), node(1)];
    const paths = treePaths(tree, label, collapsed, 8);
    expect(paths.map((p) => p.path)).to.deep.equal(['0', '0/0', '0/0/0', '0/1']);
    expect(paths[3]).to.deep.equal({ path: '0/1', label: '+12', count: 12 });
  });

  it('keeps leaves up to the limit as they are', () => {
    expect(treePaths([node(null), ...leaves(0, 8)], label, collapsed, 8)).to.have.length(9);
  });

  it('lays out a chain 10,000 deep without recursion, drawing only the first levels', () => {
    const chain = Array.from({ length: 10_001 }, (_, i) => node(i === 0 ? null : i - 1));
    expect(treeDepth(chain)).to.equal(10_000);
    const paths = treePaths(chain, label, collapsed, 8, 50);
    expect(paths).to.have.length(51);
    expect(paths[50].path.split('/')).to.have.length(51);
  });

  it('lays out nothing for an empty tree', () => {
    expect(treePaths([], label, collapsed, 8)).to.deep.equal([]);
    expect(treeDepth([])).to.equal(0);
  });
});
