/**
 * The report's cascades (PRODUCT.md, "Collector"): one tree per seed share, measured and,
 * for the dashboard, flattened. Trees are walked with explicit queues and go out as flat
 * node lists with parent indexes, so no chain however deep nests a call or a JSON value.
 */

import type { LineageRow } from './lineage.js';

/** A share of the graph (see share-graph.ts), as lineage keeps it. */
export type Share = LineageRow;

/** A view that arrived through a share. */
export interface Visit {
  id: string;
  ref: string;
  visitor: string | null;
  ts: number;
}

interface Node {
  parent: Node | null;
  children: Node[];
  network: string | null;
  index: number;
  size: number;
  depth: number;
}

/** A tree node as the report sends it: `parent` indexes the node list (null for the root), parents come first. */
export interface FlatNode {
  network: string | null;
  parent: number | null;
}

/** A cascade as the report describes it (PRODUCT.md, "Collector"). */
export interface Cascade {
  root: string;
  size: number;
  depth: number;
  broadcast: number;
  virality: number;
}

/** How many of the largest cascades carry their `tree`, and up to which size. */
const treesShown = 5;
const maxTreeSize = 5000;

/**
 * Builds the cascade trees: a root per seed share (its sharer), a node per visit under the
 * node that made the share it arrived through. Without a visitor id, a share's maker is the
 * earliest visit through its parent share made before it and not yet taken by another
 * share; failing that, a node of its own under the parent share's maker.
 *
 * @param visits views whose `ref` is set
 * @returns the largest first; the first few carry their `tree`
 */
export function cascades(graph: Map<string, Share>, visits: Visit[]): (Cascade & { tree?: FlatNode[] })[] {
  /** visits through each received share, earliest first */
  const through: Map<string, Visit[]> = new Map();
  for (const v of visits) {
    if (!graph.has(v.ref)) continue;
    const list = through.get(v.ref);
    if (list) list.push(v);
    else through.set(v.ref, [v]);
  }
  for (const list of through.values()) list.sort((a, b) => a.ts - b.ts || compare(a.id, b.id));

  /** a visitor's first visit through a share, keyed `ref visitor` */
  const visitOf: Map<string, Visit> = new Map();
  for (const list of through.values()) {
    for (const v of list) if (v.visitor && !visitOf.has(`${v.ref} ${v.visitor}`)) visitOf.set(`${v.ref} ${v.visitor}`, v);
  }

  const networkOf = (share: string) => graph.get(share)?.network ?? null;
  /** @param network the network of the share it came through */
  const newNode = (parent: Node | null, network: string | null) => {
    const node: Node = { parent, children: [], network, index: 0, size: 1, depth: 0 };
    parent?.children.push(node);
    return node;
  };
  /** the node that made each share */
  const maker: Map<string, Node> = new Map();
  /** A node under the maker of `share`, for a visit or a sharer who came through it. */
  const nodeThrough = (share: string) => newNode(maker.get(share) ?? null, networkOf(share));
  const visitNodes: Map<string, Node> = new Map();
  const visitNode = (v: Visit) => {
    let node = visitNodes.get(v.id);
    if (!node) visitNodes.set(v.id, (node = nodeThrough(v.ref)));
    return node;
  };
  /** makers never seen visiting, keyed `ref visitor` */
  const unseen: Map<string, Node> = new Map();
  const taken: Set<string> = new Set();
  /** per parent share, the first visit possibly not taken */
  const cursor: Map<string, number> = new Map();
  const seeds: { seed: Share; root: Node; }[] = [];

  // Parents before children (generation order); siblings in time order.
  const ordered = [...graph.values()].sort((a, b) => a.generation - b.generation || a.ts - b.ts || compare(a.share, b.share));
  for (const s of ordered) {
    if (s.parent === null) {
      const root = newNode(null, s.network);
      maker.set(s.share, root);
      seeds.push({ seed: s, root });
      continue;
    }
    const candidates = through.get(s.parent) ?? [];
    let made: Node | undefined;
    if (s.visitor) {
      const key = `${s.parent} ${s.visitor}`;
      const visit = visitOf.get(key);
      if (visit) taken.add(visit.id);
      made = visit ? visitNode(visit) : unseen.get(key);
      if (!made) unseen.set(key, (made = nodeThrough(s.parent)));
    } else {
      let i = cursor.get(s.parent) ?? 0;
      while (i < candidates.length && taken.has(candidates[i].id)) i++;
      if (i < candidates.length && candidates[i].ts <= s.ts) {
        taken.add(candidates[i].id);
        made = visitNode(candidates[i]);
        i++;
      } else {
        made = nodeThrough(s.parent);
      }
      cursor.set(s.parent, i);
    }
    maker.set(s.share, made);
  }
  for (const list of through.values()) list.forEach(visitNode);

  return seeds
    .map(({ seed, root }) => {
      const nodes = breadthFirst(root);
      return { root: seed.share, ts: seed.ts, ...measure(nodes), nodes };
    })
    .sort((a, b) => b.size - a.size || b.depth - a.depth || a.ts - b.ts || compare(a.root, b.root))
    // Dashboard: the trees of the largest cascades, to draw them.
    .map(({ ts, nodes, ...cascade }, i) => (i < treesShown && cascade.size <= maxTreeSize ? { ...cascade, tree: flat(nodes) } : cascade));
}

/**
 * A tree's nodes breadth first (parents before children), each told its index.
 */
function breadthFirst(root: Node) {
  const order = [root];
  for (let i = 0; i < order.length; i++) {
    order[i].index = i;
    // Not push(...children): spreading a node's 200,000 visits would overflow the stack.
    for (const child of order[i].children) order.push(child);
  }
  return order;
}

/**
 * A tree as the report sends it: each node the network of the share it came through.
 * @param nodes breadth first
 */
const flat = (nodes: Node[]): FlatNode[] => nodes.map((node) => ({ network: node.network, parent: node.parent?.index ?? null }));

/**
 * Size, depth, largest broadcast and structural virality of a tree. Virality is the mean
 * distance over all node pairs: each edge lies on the path of s·(n−s) pairs, where s is the
 * size of the subtree below it, so ν = Σ s(n−s) / (n(n−1)/2).
 * @param nodes breadth first
 */
function measure(nodes: Node[]) {
  const n = nodes.length;
  let depth = 0;
  let broadcast = 0;
  for (const node of nodes) {
    broadcast = Math.max(broadcast, node.children.length);
    if (node.parent) depth = Math.max(depth, (node.depth = node.parent.depth + 1));
  }
  let pairs = 0;
  // Children after parents, so walking backwards finishes each subtree before its parent.
  for (let i = n - 1; i > 0; i--) {
    const node = nodes[i];
    pairs += node.size * (n - node.size);
    (node.parent as Node).size += node.size;
  }
  return { size: n, depth, broadcast, virality: n < 2 ? 0 : (2 * pairs) / (n * (n - 1)) };
}

export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
