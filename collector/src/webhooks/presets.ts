/**
 * Targets people paste from their chat tools get a message that tool shows, instead of the
 * generic JSON: a Slack incoming webhook (`https://hooks.slack.com/services/…`: `{"text"}`),
 * a Discord webhook (`https://discord.com/api/webhooks/…`: `{"content"}`) and a Telegram
 * bot's `sendMessage` (`https://api.telegram.org/bot<token>/sendMessage?chat_id=…`:
 * `{"chat_id","text"}`), recognised from the URL. The text is English: the collector has
 * no locale. Review text is untrusted: nothing in it may mention, link or format.
 */
import type { WebhookEvent } from './outbox.js';

type Preset = 'slack' | 'discord' | 'telegram';

export function presetOf(target: string): Preset | undefined {
  const { protocol, hostname, pathname } = new URL(target);
  if (protocol !== 'https:') return undefined;
  if (hostname === 'hooks.slack.com' && pathname.startsWith('/services/')) return 'slack';
  if ((hostname === 'discord.com' || hostname === 'discordapp.com') && pathname.startsWith('/api/webhooks/')) return 'discord';
  if (hostname === 'api.telegram.org' && /^\/bot[^/]+\/sendMessage$/.test(pathname)) return 'telegram';
  return undefined;
}

const clip = (text: unknown, max = 300) => {
  const value = String(text ?? '');
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
};

/** The event in one or two lines a person reads. */
export function message({ type, site, data }: WebhookEvent) {
  switch (type) {
    case 'review.created':
    case 'review.published': {
      const what = type === 'review.published' ? 'Review published' : data.status === 'held' ? 'New review waiting for moderation' : 'New review';
      const by = data.author ? ` by ${clip(data.author, 80)}` : '';
      return `${what} on ${clip(site, 80)}: ${'★'.repeat(Number(data.rating))} for ${clip(data.item, 120)}${by}\n${clip(data.text)}`;
    }
    case 'conversion': {
      const value = data.value === null ? '' : ` (${data.value}${data.currency ? ` ${data.currency}` : ''})`;
      const through = data.network ? `, through a share on ${data.network}` : '';
      return `Conversion on ${clip(site, 80)}: ${clip(data.name ?? 'conversion', 80)}${value} at ${clip(data.url)}, generation ${data.generation}${through}`;
    }
    case 'cascade.milestone':
      return `${clip(data.url)} is spreading: a cascade of ${data.size} shares, ${data.depth} re-shares deep`;
  }
}

/** Slack reads `&`, `<` and `>` as markup (links, @channel): escaped, they are text. */
const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body for a preset target. */
export function presetBody(preset: Preset, target: string, event: WebhookEvent) {
  const text = message(event);
  if (preset === 'slack') return JSON.stringify({ text: slackText(text) });
  // No @everyone, role or user mention whatever a review says.
  if (preset === 'discord') return JSON.stringify({ content: text, allowed_mentions: { parse: [] } });
  return JSON.stringify({ chat_id: new URL(target).searchParams.get('chat_id'), text });
}
