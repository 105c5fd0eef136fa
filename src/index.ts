/**
 * wom-widgets for bundlers: element classes and the tracking API, free of side
 * effects (nothing is defined or started until you ask). Register every element
 * with `import 'wom-widgets/define'`.
 */
export { WomShare, type WomShareDetail } from './share/share.element.js';
export { WomRepost } from './repost/repost.element.js';
export { WomReview, type WomReviewDetail } from './review/review.element.js';
export { configure, type WomOptions } from './core/config.js';
export { registerLocale, type Messages } from './core/locale.js';
export type { Plural, RepostMessages, ReviewMessages } from './locales/messages.js';
export { intents, networkNames } from './core/networks.js';
export * from './track/index.js';
