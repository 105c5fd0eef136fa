/**
 * The built-in locales. English is imported where it is needed (each widget's own group
 * with the widget); every other locale is a module of its own, loaded when a widget
 * first shows it, so that a page pays only for the languages it uses.
 */
import type { Messages } from './messages.js';

/** Each built-in locale but English, with every widget's strings. */
export const builtinLocales: Record<string, () => Promise<{ default: Messages }>> = {
  de: () => import('./de.js'),
  pl: () => import('./pl.js'),
  id: () => import('./id.js'),
  fa: () => import('./fa.js'),
};
