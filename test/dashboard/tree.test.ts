import { expect } from '@open-wc/testing';
import { treePaths, treeSize } from '../../dashboard/src/tree.js';
import type { TreeNode } from '../../dashboard/src/types.js';

const leaf = (network: string | null = 'x'): TreeNode => ({ network, children: [] });
const label = (network: string | null) => network ?? '?';
const collapsed = (n: number) => `+${n}`;

describe('cascade trees', () => {
  it('gives each node a path under its parent, labelled with its network', () => {
    const tree: TreeNode = { network: 'telegram', children: [{ network: 'telegram', children: [leaf('x')] }, leaf(null)] };
    expect(treePaths(tree, label, collapsed, 8)).to.deep.equal([
      { path: '0', label: 'telegram', count: 1 },
      { path: '0/0', label: 'telegram', count: 1 },
      { path: '0/0/0', label: 'x', count: 1 },
      { path: '0/1', label: '?', count: 1 },
    ]);
    expect(treeSize(tree)).to.equal(4);
  });

  it('collapses the leaves of a node with more than the limit into one node', () => {
    const tree: TreeNode = { network: 'x', children: [{ network: 'x', children: [leaf()] }, ...Array.from({ length: 12 }, () => leaf())] };
    const paths = treePaths(tree, label, collapsed, 8);
    expect(paths.map((p) => p.path)).to.deep.equal(['0', '0/0', '0/0/0', '0/1']);
    expect(paths[3]).to.deep.equal({ path: '0/1', label: '+12', count: 12 });
    expect(treeSize(tree)).to.equal(15);
  });

  it('keeps leaves up to the limit as they are', () => {
    const tree: TreeNode = { network: 'x', children: Array.from({ length: 8 }, () => leaf()) };
    expect(treePaths(tree, label, collapsed, 8)).to.have.length(9);
  });
});
