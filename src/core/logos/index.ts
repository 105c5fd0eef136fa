/**
 * The logos, by network key: one module each, so that each can become a chunk of its own,
 * and apart from the network table (`core/networks.ts`), so that a widget that draws no
 * logo (the review's share links) carries none. Brand paths come from Simple Icons 16.37
 * (CC0, https://simpleicons.org), rounded to one decimal with svgo; LinkedIn (no longer in
 * Simple Icons) and the generic share, link and envelope glyphs are drawn for this project.
 * Inlined so that no logo is ever fetched from a third party.
 */
import bluesky from './bluesky.js';
import copy from './copy.js';
import email from './email.js';
import facebook from './facebook.js';
import line from './line.js';
import linkedin from './linkedin.js';
import mastodon from './mastodon.js';
import native from './native.js';
import pinterest from './pinterest.js';
import reddit from './reddit.js';
import telegram from './telegram.js';
import threads from './threads.js';
import vk from './vk.js';
import whatsapp from './whatsapp.js';
import wykop from './wykop.js';
import x from './x.js';
import xing from './xing.js';
import type { Logo } from './logo.js';

/** Every network's logo, keyed as `networks` is. */
export const logos: Record<string, Logo> = { native, copy, x, facebook, linkedin, whatsapp, telegram, reddit, pinterest, mastodon, bluesky, threads, line, vk, xing, wykop, email };
