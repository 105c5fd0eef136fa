import type { TreeNode } from './types.js';

/** A node laid out for `Plot.tree`: its path from the root and its label. */
export interface TreePath {
  path: string;
  label: string;
  /** How many visits a collapsed node stands for (1 for a real node). */
  count: number;
}

/**
 * Flattens a cascade tree into `Plot.tree` paths ("0/1/0"). Leaves beyond `maxLeaves`
 * under one node collapse into a single node standing for all of them, so that a share
 * that brought 400 visits stays one readable branch. `collapsed(n)` labels that node.
 */
export function treePaths(
  root: TreeNode,
  label: (network: string | null) => string,
  collapsed: (count: number) => string,
  maxLeaves: number,
): TreePath[] {
  const out: TreePath[] = [];
  const walk = (node: TreeNode, path: string) => {
    out.push({ path, label: label(node.network), count: 1 });
    const leaves = node.children.filter((c) => c.children.length === 0);
    const shown = leaves.length > maxLeaves ? node.children.filter((c) => c.children.length > 0) : node.children;
    shown.forEach((child, i) => walk(child, `${path}/${i}`));
    if (shown.length < node.children.length) {
      const count = leaves.length;
      out.push({ path: `${path}/${shown.length}`, label: collapsed(count), count });
    }
  };
  walk(root, '0');
  return out;
}

/** Nodes in a tree (the root included). */
export const treeSize = (node: TreeNode): number => node.children.reduce((sum, c) => sum + treeSize(c), 1);
