import type { TreeNode } from './types.js';

/** A node laid out for `Plot.tree`: its path from the root and its label. */
export interface TreePath {
  path: string;
  label: string;
  /** How many visits a collapsed node stands for (1 for a real node). */
  count: number;
}

/**
 * Lays a cascade tree (flat, parents first) out as `Plot.tree` paths ("0/1/0"), depth
 * first with an explicit stack: a chain may be thousands deep. Leaves beyond `maxLeaves`
 * under one node collapse into a single node standing for all of them, so that a share
 * that brought 400 visits stays one readable branch; `collapsed(n)` labels that node.
 * Nodes more than `maxDepth` steps below the root are left out (a drawing that deep is
 * unreadable, and each path grows with its depth).
 */
export function treePaths(
  nodes: readonly TreeNode[],
  label: (network: string | null) => string,
  collapsed: (count: number) => string,
  maxLeaves: number,
  maxDepth = 50,
): TreePath[] {
  const children = childrenOf(nodes);
  const out: TreePath[] = [];
  type Step = { node: number; path: string; depth: number } | { leaves: number; path: string };
  const stack: Step[] = nodes.length ? [{ node: 0, path: '0', depth: 0 }] : [];
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ('leaves' in step) {
      out.push({ path: step.path, label: collapsed(step.leaves), count: step.leaves });
      continue;
    }
    const { node, path, depth } = step;
    out.push({ path, label: label(nodes[node].network), count: 1 });
    if (depth === maxDepth) continue;
    const below = children[node];
    const leaves = below.filter((c) => children[c].length === 0).length;
    const shown = leaves > maxLeaves ? below.filter((c) => children[c].length > 0) : below;
    // Pushed in reverse, so that they come out in order, the collapsed leaves last.
    if (shown.length < below.length) stack.push({ leaves, path: `${path}/${shown.length}` });
    for (let i = shown.length - 1; i >= 0; i--) stack.push({ node: shown[i], path: `${path}/${i}`, depth: depth + 1 });
  }
  return out;
}

/** Each node's children, in order. */
function childrenOf(nodes: readonly TreeNode[]): number[][] {
  const children: number[][] = nodes.map(() => []);
  nodes.forEach(({ parent }, i) => {
    if (parent !== null) children[parent].push(i);
  });
  return children;
}

/** The longest root-to-leaf path of a tree, in steps (parents come before children). */
export function treeDepth(nodes: readonly TreeNode[]): number {
  const depths: number[] = [];
  let deepest = 0;
  nodes.forEach(({ parent }, i) => {
    depths[i] = parent === null ? 0 : depths[parent] + 1;
    deepest = Math.max(deepest, depths[i]);
  });
  return deepest;
}
