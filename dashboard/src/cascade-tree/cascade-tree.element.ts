import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import * as Plot from '@observablehq/plot';
import { plot } from '../charts.js';
import type { Format } from '../format.js';
import type { DashboardMessages } from '../locales/index.js';
import { base, plotStyles } from '../styles.js';
import { treePaths, treeSize, type TreePath } from '../tree.js';
import type { TreeNode } from '../types.js';

/**
 * One cascade drawn as a tree: the seed sharer at the root, each visit under the person
 * whose share brought it, every node labelled with the network it came through. Leaves
 * beyond a handful under one node collapse into a "+N visits" node. The nodes are also
 * listed as an outline (nested lists), the tree's text alternative.
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

  /** The cascade's tree, from the report's `trees`. */
  @property({ attribute: false }) tree?: TreeNode;
  /** Leaves shown under one node before they collapse into one. */
  @property({ type: Number, attribute: 'max-leaves' }) maxLeaves = 3;
  @property({ attribute: false }) messages?: DashboardMessages;
  @property({ attribute: false }) format?: Format;

  protected override render() {
    const [tree, m, f] = [this.tree, this.messages, this.format];
    if (!tree || !m || !f) return null;
    const label = (network: string | null) => network ?? m.unknownNetwork;
    const nodes = treePaths(tree, label, (n) => m.moreVisits(f.count(n)), this.maxLeaves);
    const size = treeSize(tree);
    const depth = Math.max(...nodes.map((n) => n.path.split('/').length)) - 1;
    const chart = plot({
      axis: null,
      width: Math.min(960, 160 + depth * 150),
      height: Math.max(60, 18 * nodes.filter((n) => !nodes.some((c) => c.path.startsWith(`${n.path}/`))).length),
      marginLeft: 20,
      marginRight: 120,
      marks: [Plot.tree(nodes, { path: 'path', text: 'label', title: null, textStroke: 'white', fontSize: 11 })],
    });
    return html`<p class="muted">${m.treeDescription(f.count(size), f.count(depth))}</p>
      <div class="plot" aria-hidden="true">${chart}</div>
      <details>
        <summary>${m.dataTable}</summary>
        ${outline(nodes)}
      </details>`;
  }
}

/** The tree as nested lists, each node under its parent. */
function outline(nodes: readonly TreePath[]): unknown {
  const children = new Map<string, TreePath[]>();
  for (const node of nodes) {
    const parent = node.path.slice(0, node.path.lastIndexOf('/'));
    children.set(parent, [...(children.get(parent) ?? []), node]);
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
