/**
 * Stories of `<wom-repost>`, following stories/share.stories.ts: args keyed by attribute,
 * one `render`, each story only args. The story arg `quote` is the wrapped text (in a
 * `<blockquote>`), so that each locale shows its own quotation marks.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { element, page, pageArgTypes, type PageArgs } from './element.js';
import { WomRepost } from '../src/repost/repost.element.js';
import type { WomShareDetail } from '../src/share/share.element.js';
// The tag's type, without registering it on import.
import type {} from '../src/repost/define.js';

// Called, not imported for its side effect (see share.stories.ts).
WomRepost.define();

interface RepostArgs extends PageArgs {
  quote?: string;
  onWomShare?: (event: CustomEvent<WomShareDetail>) => void;
}

const quotes: Record<string, { quote: string; author: string }> = {
  en: { quote: 'Word of mouth is the oldest network there is, and still the one people trust the most.', author: 'Ana Lima' },
  de: { quote: 'Mundpropaganda ist das älteste Netzwerk, das es gibt – und noch immer das, dem Menschen am meisten vertrauen.', author: 'Jonas Weber' },
  pl: { quote: 'Poczta pantoflowa to najstarsza sieć, jaka istnieje, i wciąż ta, której ludzie ufają najbardziej.', author: 'Zofia Nowak' },
  id: { quote: 'Dari mulut ke mulut adalah jaringan tertua yang ada, dan tetap yang paling dipercaya orang.', author: 'Dewi Lestari' },
  fa: { quote: 'دهان‌به‌دهان کهن‌ترین شبکه‌ای است که وجود دارد و هنوز همانی است که مردم بیش از همه به آن اعتماد دارند.', author: 'سارا رحیمی' },
};

const meta: Meta<RepostArgs> = {
  title: 'Widgets/Repost',
  component: 'wom-repost',
  args: { ...quotes.en, networks: 'x bluesky telegram whatsapp email copy' },
  argTypes: {
    ...pageArgTypes,
    quote: { table: { category: 'story' }, control: 'text', description: 'The wrapped quote (story only).' },
  },
  render: ({ lang, css, quote, onWomShare, ...attributes }) => {
    const repost = element('wom-repost', attributes);
    const blockquote = document.createElement('blockquote');
    blockquote.textContent = quote ?? '';
    repost.append(blockquote);
    if (onWomShare) repost.addEventListener('wom-share', onWomShare);
    return page(repost, { lang, css });
  },
};
export default meta;

type Story = StoryObj<RepostArgs>;

/** A quote in `lang`, with its author; `selection` adds selection sharing. */
const inLocale = (lang: string, selection = false): Story => ({ args: { lang, ...quotes[lang], selection } });

export const Quote: Story = {};
export const Testimonial: Story = { args: { author: 'Ana Lima', cite: 'Field Notes, issue 12' } };
/** The post says this; the link still points at the quote on the page. */
export const CustomText: Story = { args: { text: 'Word of mouth: the oldest network, and the most trusted.' } };

export const English: Story = inLocale('en');
export const German: Story = inLocale('de');
export const Polish: Story = inLocale('pl');
export const Indonesian: Story = inLocale('id');
/** Right to left: «…» marks, the control at the inline end, the menu aligned to the right. */
export const Persian: Story = inLocale('fa');

/** Select three words or more: a menu opens next to the selection; keyboard users press Alt+Shift+S. */
export const SelectionEnglish: Story = inLocale('en', true);
export const SelectionGerman: Story = inLocale('de', true);
export const SelectionPolish: Story = inLocale('pl', true);
export const SelectionIndonesian: Story = inLocale('id', true);
export const SelectionPersian: Story = inLocale('fa', true);

export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } } };
/** A site's own look, and a style for the quote a reader arrived at through a repost link. */
export const CustomTheme: Story = {
  args: {
    arrived: true,
    css: `
      wom-repost { --wom-radius: 999px; --wom-bg: #fff7ed; --wom-fg: #7c2d12; --wom-focus: #ea580c; }
      wom-repost[arrived] blockquote { background: #fef3c7; }
      wom-repost::part(control) { font-weight: 600; }`,
  },
};

/** The menu, open: the play clicks the control. */
export const Menu: Story = {
  play: async ({ canvasElement }) => {
    const repost = canvasElement.querySelector('wom-repost')!;
    await repost.updateComplete;
    await userEvent.click(repost.shadowRoot!.querySelector('[part~="control"]')!);
  },
};

/** The host page vetoes a share: the listener calls `preventDefault()`, so no tab opens. */
export const CanceledShare: Story = {
  args: { networks: 'telegram x copy', onWomShare: fn((event: Event) => event.preventDefault()) },
  play: async ({ args, canvasElement }) => {
    const repost = canvasElement.querySelector('wom-repost')!;
    await repost.updateComplete;
    await userEvent.click(repost.shadowRoot!.querySelector('[part~="control"]')!);
    await repost.updateComplete;
    await userEvent.click(repost.shadowRoot!.querySelector('[part~="telegram"]')!);
    await expect(args.onWomShare).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPrevented: true,
        detail: expect.objectContaining({ network: 'telegram', via: 'repost', text: quotes.en.quote }),
      }),
    );
  },
};
