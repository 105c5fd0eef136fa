/** Shapes of the collector's report and moderation APIs, as the dashboard reads them: the report's are the collector's own. */
import type { Cascade, FlatNode as TreeNode } from '../../src/cascades.js';
import type { PageReport, SiteOverview } from '../../src/report.js';
import type { HeldReview, Moderation, PublishedReviews } from '../../src/routes/reviews.js';

/** A time range in ms since the epoch; `to` is exclusive. Undefined bounds are open. */
export interface Range {
  from?: number;
  to?: number;
}

/** `GET /api/report` without `url`. */
export type Overview = SiteOverview;

/** One row of the overview's pages table (`visits`: those that came from a share, generation ≥ 1). */
export type PageRow = Overview['pages'][number];

/** Site-wide figures of the overview. */
export type Totals = Overview['totals'];

/** One day of the overview's time series (`day` is `YYYY-MM-DD`, UTC). */
export type Day = Overview['daily'][number];

/** `GET /api/report?url=U`. */
export type Report = PageReport;

export type Generation = Report['generations'][number];

export type NetworkFigures = Report['networks'][string];

/** The collector's own types of the report's cascades and of their trees' nodes. */
export type { Cascade, TreeNode };

/**
 * The reviews APIs' answers, as the collector's response schemas give them. Review text
 * is untrusted: render it as text only.
 */
export type { HeldReview, Moderation, PublishedReviews };
export type PublishedReview = PublishedReviews['reviews'][number];
