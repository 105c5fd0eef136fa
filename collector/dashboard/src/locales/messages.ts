import type { Preset } from '../range.js';
import type { Moderation } from '../types.js';

/**
 * A counted phrase in each plural form the locale has (`Intl.PluralRules`), `#` standing
 * for the formatted number: `{ one: '# page', other: '# pages' }`; `other` is required.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every string the dashboard shows, for one locale. Numbers arrive already formatted. */
export interface DashboardMessages {
  $code: string;
  $dir: 'ltr' | 'rtl';
  title: string;
  language: string;
  // Sign-in
  signIn: string;
  token: string;
  tokenHelp: string;
  wrongToken: string;
  signOut: string;
  // Navigation and range
  navigation: string;
  overview: string;
  reviews: string;
  range: string;
  presets: Record<Preset, string>;
  from: string;
  to: string;
  apply: string;
  // States
  loading: string;
  loadFailed: (detail: string) => string;
  unreachable: string;
  retry: string;
  noData: string;
  noDataHelp: string;
  // Figures
  views: string;
  shares: string;
  /** Visits that came from a share. */
  visits: string;
  /** Every visit, direct or from a share (per generation). */
  allVisits: string;
  k: string;
  depth: string;
  conversions: string;
  value: string;
  reviewCount: string;
  totals: string;
  daily: string;
  dailyDescription: string;
  day: string;
  // Pages table
  pages: string;
  page: string;
  filter: string;
  pageOf: (page: string, pages: string) => string;
  previous: string;
  next: string;
  /** How many pages match the filter. */
  matching: Plural;
  sortedBy: (column: string, ascending: boolean) => string;
  // Page detail
  back: string;
  generations: string;
  generationsDescription: string;
  generation: string;
  networks: string;
  network: string;
  visitsPerShare: string;
  unknownNetwork: string;
  cascades: string;
  cascadesDescription: string;
  /** Heading of the table of the largest cascades' measures. */
  cascadeFigures: string;
  cascade: (n: string) => string;
  size: string;
  broadcast: string;
  virality: string;
  moreVisits: (count: string) => string;
  /** A tree's size and depth, given `people` and `steps` phrased below. */
  treeDescription: (people: string, steps: string) => string;
  people: Plural;
  steps: Plural;
  conversionsByGeneration: string;
  conversionsByNetwork: string;
  noCascades: string;
  // Charts and exports
  dataTable: string;
  downloadCsv: string;
  downloadJson: string;
  exportEvents: string;
  // Reviews
  pending: string;
  noPending: string;
  selectAll: string;
  select: (author: string) => string;
  actions: Record<Moderation, string>;
  moderated: (count: string) => string;
  rating: string;
  text: string;
  author: string;
  date: string;
  anonymous: string;
  /** Moderation: the site a held review was written on. */
  site: string;
  item: string;
  published: string;
  show: string;
  noReviews: string;
  /** Page detail: no `review` events on the page. */
  noPageReviews: string;
  notAvailable: string;
}
