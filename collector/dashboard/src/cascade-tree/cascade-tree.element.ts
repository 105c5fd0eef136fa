import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import * as Plot from '@observablehq/plot';
import { plot } from '../charts.js';
import type { Format } from '../format.js';
import type { DashboardMessages } from '../locales/index.js';
import { base, plotStyles } from '../styles.js';
import { treeDepth, treePaths, type TreePath } from '../tree.js';
import type { TreeNode } from '../types.js';

/**
 * One cascade drawn as a tree: the seed sharer at the root, each visit under the person
 * whose share brought it, every node labelled with the network it came through. Leaves
 * beyond a handful under one node collapse into a "+N visits" node, and levels beyond
 * `max-depth` are not drawn. The nodes drawn are also listed as an outline (nested lists),
 * the tree's text alternative.
 *
 * @tagname wom-cascade-tree
 * @summary A referral cascade as a tree, with a nested-list alternative.
 */
export class WomCascadeTree extends LitElement {
  static override styles = [
    base,
    plotStyles,
    css`
      ul { margin: 0; padding-inline-start: 1.25rem; }
    `,
  ];

  static define(tag = 'wom-cascade-tree', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** The cascade's tree as a flat node list, parents first: the `nodes` of the report's `trees`. */
  @property({ attribute: false }) nodes?: readonly TreeNode[];
  /** Leaves shown under one node before they collapse into one. */
  @property({ type: Number, attribute: 'max-leaves' }) maxLeaves = 3;
  /** Levels drawn below the root. */
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 50;
  @property({ attribute: false }) messages?: DashboardMessages;
  @property({ attribute: false }) format?: Format;

  protected override render() {
    const [tree, m, f] = [this.nodes, this.messages, this.format];
    if (!tree?.length || !m || !f) return null;
    const label = (network: string | null) => network ?? m.unknownNetwork;
    const paths = treePaths(tree, label, (n) => m.moreVisits(f.count(n)), this.maxLeaves, this.maxDepth);
    const depth = treeDepth(tree);
    const parents = new Set(paths.map((n) => parentPath(n.path)));
    const chart = plot({
      axis: null,
      width: Math.min(960, 160 + Math.min(depth, this.maxDepth) * 150),
      height: Math.max(60, 18 * paths.filter((n) => !parents.has(n.path)).length),
      marginLeft: 20,
      marginRight: 120,
      marks: [Plot.tree(paths, { path: 'path', text: 'label', title: null, textStroke: 'white', fontSize: 11 })],
    });
    return html`<p class="muted">${m.treeDescription(f.plural(m.people, tree.length), f.plural(m.steps, depth))}</p>
      <div class="plot" aria-hidden="true">${chart}</div>
      <details>
        <summary>${m.dataTable}</summary>
        ${outline(paths)}
      </details>`;
  }
}

const parentPath = (path: string) => path.slice(0, path.lastIndexOf('/'));

/** The tree as nested lists, each node under its parent (as deep as `treePaths` goes). */
function outline(nodes: readonly TreePath[]): unknown {
  const children = new Map<string, TreePath[]>();
  for (const node of nodes) {
    const parent = parentPath(node.path);
    const siblings = children.get(parent);
    if (siblings) siblings.push(node);
    else children.set(parent, [node]);
  }
  const item = (node: TreePath): unknown => {
    const below = children.get(node.path) ?? [];
    return html`<li>${node.label}${below.length ? html`<ul>${below.map(item)}</ul>` : null}</li>`;
  };
  return html`<ul>${item(nodes[0])}</ul>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'wom-cascade-tree': WomCascadeTree;
  }
}
