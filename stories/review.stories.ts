/**
 * Stories of `<wom-review>`, following stories/share.stories.ts: args keyed by attribute,
 * one `render`, each story only args (plus a `play` that drives the form to a state).
 *
 * Storybook has neither the blog's files nor a collector, so the story answers both inside
 * the page, for `https://blog.example` only: the static files of `src` (the test fixtures),
 * and a collector whose `POST /api/reviews` answers as the "collector" arg says (201, 202,
 * 400, 429 or never), so that each state can be seen.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { configure } from '../src/core/config.js';
import { element } from './element.js';
import { WomReview, type WomReviewDetail } from '../src/review/review.element.js';
import reviews from '../test/review/fixtures/reviews.json';
import hostile from '../test/review/fixtures/hostile.json';

// Called, not imported for its side effect (see share.stories.ts).
WomReview.define();

interface ReviewArgs {
  [attribute: string]: unknown;
  lang?: string;
  css?: string;
  /** How the story's collector answers a submission: 201, 202, 400 (rating), 429, never (pending), or none. */
  collector?: 'none' | 201 | 202 | 400 | 429 | 'pending';
  onWomReview?: (event: CustomEvent<WomReviewDetail>) => void;
}

const story = { table: { category: 'story' } };
const locales = ['en', 'de', 'pl', 'id', 'fa'];
const blog = 'https://blog.example';
const files: Record<string, unknown> = {
  '/reviews.json': reviews,
  '/hostile.json': hostile,
  '/empty.json': { item: 'book-42', count: 0, average: 0, distribution: {}, reviews: [] },
  '/collector/api/reviews': reviews,
};
const realFetch = window.fetch;

/** Serves the blog's files and collector inside the page (see above); returns the undo. */
function storyBlog(collector: ReviewArgs['collector']) {
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== blog) return realFetch(input, init);
    if (collector === 'pending') return new Promise<Response>(() => {});
    if (init?.method === 'POST') {
      return new Response(JSON.stringify(collector === 400 ? { field: 'rating' } : {}), { status: Number(collector) });
    }
    const file = files[url.pathname];
    return new Response(JSON.stringify(file), { status: file ? 200 : 404 });
  };
  if (collector !== 'none') configure({ collector: `${blog}/collector/e` });
  return () => {
    window.fetch = realFetch;
    configure({ collector: '' });
  };
}

const meta: Meta<ReviewArgs> = {
  title: 'Widgets/Review',
  component: 'wom-review',
  args: { item: 'book-42', 'item-name': 'The Book', 'item-type': 'Book', src: `${blog}/reviews.json`, collector: 'none' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['full', 'badge'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'], mapping: { auto: undefined } },
    locale: { control: 'select', options: locales },
    lang: { ...story, control: 'select', options: locales, description: '`lang` of the page around the element.' },
    css: { ...story, control: 'text', description: 'Page CSS, scoped to this story: custom properties and `::part`.' },
    collector: { ...story, control: 'select', options: ['none', 201, 202, 400, 429, 'pending'] },
  },
  beforeEach: ({ args }) => storyBlog(args.collector),
  render: ({ lang, css, collector, onWomReview, ...attributes }) => {
    const review = element('wom-review', collector === 'none' ? attributes : { ...attributes, src: undefined });
    if (onWomReview) review.addEventListener('wom-review', onWomReview);
    return html`<div lang=${ifDefined(lang)}>${css ? html`<style>@scope { ${css} }</style>` : nothing}${review}</div>`;
  },
};
export default meta;

type Story = StoryObj<ReviewArgs>;

/** Reads a static file (`src`): aggregate, distribution, recent reviews; no form. */
export const Full: Story = {};
/** Stars, average and count on one line, for lists and headers. */
export const Badge: Story = { args: { layout: 'badge' } };
export const NoReviewsYet: Story = { args: { src: `${blog}/empty.json` } };
/** The skeleton keeps the aggregate's place while the reviews load (here: forever). */
export const Loading: Story = { args: { collector: 'pending' } };
/** The file is missing: a message and a retry. */
export const LoadFailed: Story = { args: { src: `${blog}/missing.json` } };

/** Hostile text stays text: markup, `</script>`, bidi overrides and a 5,000-character word. */
export const HostileText: Story = { args: { item: 'hostile', src: `${blog}/hostile.json` } };

export const German: Story = { args: { lang: 'de' } };
export const Polish: Story = { args: { lang: 'pl' } };
export const Indonesian: Story = { args: { lang: 'id' } };
/** Right to left, Persian digits: the stars fill from the right. */
export const Persian: Story = { args: { lang: 'fa' } };

export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } } };
export const CustomTheme: Story = {
  args: {
    css: `
      wom-review {
        --wom-star-color: #e11d48;
        --wom-star-size: 1.5rem;
        --wom-accent: #be123c;
      }
      wom-review::part(review) { border-color: #fecdd3; }`,
  },
};

/** Rates four stars, writes, and submits; the story's collector answers with `args.collector`. */
async function submit(canvasElement: HTMLElement) {
  const review = canvasElement.querySelector('wom-review')!;
  const root = review.shadowRoot!;
  await waitFor(() => expect(root.querySelector('form')).toBeTruthy());
  await userEvent.click(root.querySelector<HTMLElement>('label[for="star-4"]')!);
  await userEvent.type(root.querySelector('textarea')!, 'A fine book.\nI read it twice.');
  await userEvent.click(root.querySelector('button.submit')!);
  return root;
}

/** The form, empty: a star rating radio group, a text with its counter, an optional name. */
export const Form: Story = { args: { collector: 201 } };
/** The collector has not answered yet: the button is disabled (the reviews are still loading too). */
export const Sending: Story = {
  args: { collector: 'pending' },
  play: async ({ canvasElement }) => {
    const root = await submit(canvasElement);
    await waitFor(() => expect(root.querySelector('button.submit')).toHaveProperty('disabled', true));
  },
};
export const Published: Story = {
  args: { collector: 201 },
  play: async ({ canvasElement }) => {
    const root = await submit(canvasElement);
    await waitFor(() => expect(root.querySelector('.status')?.textContent).toContain('published'));
  },
};
export const HeldForModeration: Story = {
  args: { collector: 202 },
  play: async ({ canvasElement }) => {
    const root = await submit(canvasElement);
    await waitFor(() => expect(root.querySelector('.status')?.textContent).toContain('checked'));
  },
};
/** Refused by the collector: the message names the field, nothing typed is lost. */
export const Invalid: Story = {
  args: { collector: 400 },
  play: async ({ canvasElement }) => {
    const root = await submit(canvasElement);
    await waitFor(() => expect(root.querySelector('.status')?.textContent).toContain('rating'));
  },
};
export const RateLimited: Story = {
  args: { collector: 429 },
  play: async ({ canvasElement }) => {
    const root = await submit(canvasElement);
    await waitFor(() => expect(root.querySelector('button.submit')?.textContent).toContain('Try again'));
  },
};
/** The host page vetoes the submission with `preventDefault()`: nothing is sent. */
export const CanceledSubmit: Story = {
  args: { collector: 201, onWomReview: fn((event: Event) => event.preventDefault()) },
  play: async ({ args, canvasElement }) => {
    await submit(canvasElement);
    await expect(args.onWomReview).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPrevented: true, detail: expect.objectContaining({ rating: 4 }) }),
    );
  },
};
