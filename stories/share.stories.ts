/**
 * Stories of `<wom-share>`, and the pattern for every widget's stories:
 * - `component` is the tag name: controls and the docs page come from custom-elements.json,
 *   so attributes, events, parts and custom properties are documented in the element's JSDoc.
 * - Args are keyed by attribute name; one `render` turns them into the element with `element()`
 *   and puts it in a `page()` (stories/element.ts), and each story is only args. The page's
 *   `lang` and `css` are story-only args in the "story" category (`pageArgTypes`).
 * - Each `@fires` event arrives as an `on<EventName>` arg, logged in the Actions panel.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { networkKeys } from '../src/core/networks.js';
import { element, page, pageArgTypes, type PageArgs } from './element.js';
import { WomShare, type WomShareDetail } from '../src/share/share.element.js';

// Called, not imported for its side effect: package.json's `sideEffects` covers only dist/, so
// the build would drop a bare `import '../src/share/define.js'`.
WomShare.define();

interface ShareArgs extends PageArgs {
  onWomShare?: (event: CustomEvent<WomShareDetail>) => void;
}

const meta: Meta<ShareArgs> = {
  title: 'Widgets/Share',
  component: 'wom-share',
  args: {
    url: 'https://blog.example/posts/word-of-mouth',
    title: 'How word of mouth travels',
  },
  argTypes: {
    ...pageArgTypes,
    layout: { control: 'inline-radio', options: ['row', 'column', 'icons'] },
  },
  render: ({ lang, css, onWomShare, ...attributes }) => {
    const share = element('wom-share', attributes);
    if (onWomShare) share.addEventListener('wom-share', onWomShare);
    return page(share, { lang, css });
  },
};
export default meta;

type Story = StoryObj<ShareArgs>;

export const Row: Story = {};
export const Column: Story = { args: { layout: 'column' } };
export const Icons: Story = { args: { layout: 'icons' } };

export const English: Story = { args: { lang: 'en' } };
export const German: Story = { args: { lang: 'de' } };
export const Polish: Story = { args: { lang: 'pl', networks: 'wykop facebook x whatsapp email copy' } };
export const Indonesian: Story = { args: { lang: 'id', networks: 'whatsapp telegram facebook x line email copy' } };
/** Right to left: mirrored order and Persian labels. */
export const Persian: Story = { args: { lang: 'fa', networks: 'telegram whatsapp x email copy' } };

export const Light: Story = { args: { theme: 'light' } };
export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } } };
/** A site's own look: custom properties on the element, `::part` for what they don't reach. */
export const CustomTheme: Story = {
  args: {
    css: `
      wom-share {
        --wom-radius: 999px;
        --wom-gap: 0.75rem;
        --wom-bg: #fff7ed;
        --wom-bg-hover: #ffedd5;
        --wom-fg: #7c2d12;
        --wom-border: #fdba74;
        --wom-focus: #ea580c;
      }
      wom-share::part(button) { --wom-brand: currentColor; font-weight: 600; }
      wom-share::part(copy) { background: #7c2d12; color: #fff7ed; }`,
  },
};

export const AllNetworks: Story = {
  args: { networks: networkKeys.join(' '), 'mastodon-instance': 'mastodon.social', image: 'https://blog.example/cover.jpg' },
};

/** Without a collector the counts stay pending: their space is reserved, so nothing shifts when they arrive. */
export const Counts: Story = { args: { counts: true } };

/** The host page vetoes a share: the listener calls `preventDefault()`, so no tab opens. */
export const CanceledShare: Story = {
  args: { networks: 'telegram x copy', onWomShare: fn((event: Event) => event.preventDefault()) },
  play: async ({ args, canvasElement }) => {
    const share = canvasElement.querySelector('wom-share')!;
    await share.updateComplete;
    await userEvent.click(share.shadowRoot!.querySelector('[part~="telegram"]')!);
    await expect(args.onWomShare).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPrevented: true, detail: expect.objectContaining({ network: 'telegram' }) }),
    );
  },
};
