// @ts-check
/**
 * The report's cascades (PRODUCT.md, "Collector"): one tree per seed share, measured and,
 * for the dashboard, flattened. Trees are walked with explicit queues and go out as flat
 * node lists with parent indexes, so no chain however deep nests a call or a JSON value.
 */

/**
 * @typedef {{ share: string, parent: string | null, generation: number, network: string | null,
 *   visitor: string | null, ts: number }} Share a share of the graph (see share-graph.js)
 * @typedef {{ id: string, ref: string, visitor: string | null, ts: number }} Visit a view
 *   that arrived through a share
 * @typedef {{ parent: Node | null, children: Node[], network: string | null, index: number,
 *   size: number, depth: number }} Node
 * @typedef {{ network: string | null, parent: number | null }} FlatNode a tree node as the
 *   report sends it: `parent` indexes the node list (null for the root), parents come first
 * @typedef {{ root: string, size: number, depth: number, broadcast: number, virality: number,
 *   tree?: FlatNode[] }} Cascade
 */

/** How many of the largest cascades carry their `tree`, and up to which size. */
export const treesShown = 5;
export const maxTreeSize = 5000;

/**
 * Builds the cascade trees: a root per seed share (its sharer), a node per visit under the
 * node that made the share it arrived through. Without a visitor id, a share's maker is the
 * earliest visit through its parent share made before it and not yet taken by another
 * share; failing that, a node of its own under the parent share's maker.
 *
 * @param {Map<string, Share>} graph
 * @param {Visit[]} visits views whose `ref` is set
 * @returns {Cascade[]} the largest first; the first few carry their `tree`
 */
export function cascades(graph, visits) {
  /** @type {Map<string, Visit[]>} visits through each received share, earliest first */
  const through = new Map();
  for (const v of visits) {
    if (!graph.has(v.ref)) continue;
    const list = through.get(v.ref);
    if (list) list.push(v);
    else through.set(v.ref, [v]);
  }
  for (const list of through.values()) list.sort((a, b) => a.ts - b.ts || compare(a.id, b.id));

  /** @type {Map<string, Visit>} a visitor's first visit through a share, keyed `ref visitor` */
  const visitOf = new Map();
  for (const list of through.values()) {
    for (const v of list) if (v.visitor && !visitOf.has(`${v.ref} ${v.visitor}`)) visitOf.set(`${v.ref} ${v.visitor}`, v);
  }

  const networkOf = (/** @type {string} */ share) => graph.get(share)?.network ?? null;
  /** @param {Node | null} parent @param {string | null} network the network of the share it came through */
  const newNode = (parent, network) => {
    /** @type {Node} */
    const node = { parent, children: [], network, index: 0, size: 1, depth: 0 };
    parent?.children.push(node);
    return node;
  };
  /** @type {Map<string, Node>} the node that made each share */
  const maker = new Map();
  /** A node under the maker of `share`, for a visit or a sharer who came through it. @param {string} share */
  const nodeThrough = (share) => newNode(maker.get(share) ?? null, networkOf(share));
  /** @type {Map<string, Node>} */
  const visitNodes = new Map();
  /** @param {Visit} v */
  const visitNode = (v) => {
    let node = visitNodes.get(v.id);
    if (!node) visitNodes.set(v.id, (node = nodeThrough(v.ref)));
    return node;
  };
  /** @type {Map<string, Node>} makers never seen visiting, keyed `ref visitor` */
  const unseen = new Map();
  const taken = new Set();
  /** @type {Map<string, number>} per parent share, the first visit possibly not taken */
  const cursor = new Map();
  /** @type {{ seed: Share, root: Node }[]} */
  const seeds = [];

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
    /** @type {Node | undefined} */
    let made;
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
 * @param {Node} root
 */
function breadthFirst(root) {
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
 * @param {Node[]} nodes breadth first
 * @returns {FlatNode[]}
 */
const flat = (nodes) => nodes.map((node) => ({ network: node.network, parent: node.parent?.index ?? null }));

/**
 * Size, depth, largest broadcast and structural virality of a tree. Virality is the mean
 * distance over all node pairs: each edge lies on the path of s·(n−s) pairs, where s is the
 * size of the subtree below it, so ν = Σ s(n−s) / (n(n−1)/2).
 * @param {Node[]} nodes breadth first
 */
function measure(nodes) {
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
    /** @type {Node} */ (node.parent).size += node.size;
  }
  return { size: n, depth, broadcast, virality: n < 2 ? 0 : (2 * pairs) / (n * (n - 1)) };
}

/** @param {string} a @param {string} b */
export const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
