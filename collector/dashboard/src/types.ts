/** Shapes of the collector's report and moderation APIs, as the dashboard reads them. */
import type { Cascade, FlatNode as TreeNode } from '../../src/cascades.js';

/** A time range in ms since the epoch; `to` is exclusive. Undefined bounds are open. */
export interface Range {
  from?: number;
  to?: number;
}

/** One row of the overview's pages table. */
export interface PageRow {
  url: string;
  views: number;
  shares: number;
  /** Visits that came from a share (generation ≥ 1). */
  visits: number;
  k: number;
  depth: number;
}

/** Site-wide figures of the overview. */
export interface Totals {
  views: number;
  shares: number;
  visits: number;
  k: number;
  depth: number;
  conversions: number;
  value: number;
  reviews: number;
}

/** One day of the overview's time series (`day` is `YYYY-MM-DD`, UTC). */
export interface Day {
  day: string;
  views: number;
  shares: number;
  visits: number;
}

/** `GET /api/report` without `url`. */
export interface Overview {
  pages: PageRow[];
  totals: Totals;
  daily: Day[];
}

export interface Generation {
  generation: number;
  visits: number;
  shares: number;
  conversions: number;
  value: number;
}

export interface NetworkFigures {
  shares: number;
  visits: number;
}

/** The collector's own types of the report's cascades and of their trees' nodes. */
export type { Cascade, TreeNode };

/** `GET /api/report?url=U`. */
export interface Report {
  url: string;
  views: number;
  shares: number;
  conversions: number;
  value: number;
  networks: Record<string, NetworkFigures>;
  generations: Generation[];
  k: number;
  depth: number;
  cascades: Cascade[];
  /** Conversions and their value by the network of the share they came through. */
  conversionsByNetwork: Record<string, { conversions: number; value: number }>;
  /** The trees of the largest cascades (see the collector's README). */
  trees: { root: string; nodes: TreeNode[] }[];
  /** The items reviewed on this page, with how many reviews were written here. */
  reviewItems: { item: string; reviews: number }[];
}

/** A review as the moderation API lists it. Its text is untrusted: render it as text only. */
export interface Review {
  id: number | string;
  /** The site it was written on (in the moderation list). */
  site?: string;
  item: string;
  rating: number;
  text: string;
  author: string | null;
  ts: number;
  status?: string;
}

/** `GET /api/reviews?item=I`. */
export interface PublishedReviews {
  item: string;
  count: number;
  average: number;
  reviews: Review[];
}

export type Moderation = 'publish' | 'reject' | 'delete';
