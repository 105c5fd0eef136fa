/** What every widget's stories share: the element from its args, and the page around it. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ArgTypes } from '@storybook/web-components-vite';

/** Args of every story: attributes keyed by name, plus the page's `lang` and CSS. */
export interface PageArgs {
  [attribute: string]: unknown;
  lang?: string;
  css?: string;
}

const locales = ['en', 'de', 'pl', 'id', 'fa'];
const story = { table: { category: 'story' } };

/** Controls for the attributes every widget has and for the page around it. */
export const pageArgTypes = {
  theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'], mapping: { auto: undefined } },
  locale: { control: 'select', options: locales },
  lang: { ...story, control: 'select', options: locales, description: '`lang` of the page around the element.' },
  css: { ...story, control: 'text', description: 'Page CSS, scoped to this story: custom properties and `::part`.' },
} satisfies ArgTypes;

/**
 * `<tag>` with each arg as an attribute, as a page would write it: `true` sets an empty
 * attribute, `false` and `undefined` leave it out. A fresh element per render also lets it
 * read the page's `lang`, which elements only do when they first render.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, unknown>,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== false) el.setAttribute(name, value === true ? '' : String(value));
  }
  return el;
}

/** `el` in a page with the story's `lang` and CSS; `@scope` keeps the CSS off the other stories of a docs page. */
export const page = (el: Element, { lang, css }: PageArgs) =>
  html`<div lang=${ifDefined(lang)}>${css ? html`<style>@scope { ${css} }</style>` : nothing}${el}</div>`;
