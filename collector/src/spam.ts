/**
 * What the review spam rules look at: a review's text seen the way a reader sees it.
 * Spammers dodge exact matching with look-alikes (full-width letters, ligatures),
 * invisible characters (a zero-width space between two letters) and spacing, so both
 * rules read the text after `canonical()`.
 */
import { createHash } from 'node:crypto';

/**
 * Characters that show nothing: format characters (Cf: zero-width space and joiners,
 * bidi controls, soft hyphen…) and the other default-ignorable ones (Hangul fillers,
 * variation selectors, the combining grapheme joiner).
 */
const invisible = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * The text as compared: NFKC (full-width and compatibility forms become plain ones),
 * invisible characters removed, runs of whitespace one space, trimmed, case folded
 * (upper then lower case folds `ß`/`SS` and `ς`/`σ` together, as full case folding does).
 */
const canonical = (text: string) =>
  text
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC');

/** The key for duplicate detection: the same for texts a reader could not tell apart. */
export const fingerprint = (text: string) => createHash('sha256').update(canonical(text)).digest('base64url');

/** Top-level domains that spam links use: the common generic ones and every country's. */
const tlds = new Set(
  `com net org info biz edu gov int mil mobi name pro asia tel travel xyz top site online shop store club
live link click page blog news tech app dev win vip buzz icu fun life world today email cloud art best one cam
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo
br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk
dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq
gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh
ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn
mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg
ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn
so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us
uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw`.split(/\s+/),
);

/** Runs of the characters a host name is made of (each matched once: linear in the text). */
const runs = /[\p{L}\p{N}.-]+/gu;

/** Full stops that browsers take as dots in a host name (ideographic and halfwidth). */
const dots = /[\u3002\uff61]/g;

/**
 * Whether `run` (followed in the text by a path when `path`) reads as a host: labels
 * joined by dots that begin with `www`, end in a real top-level domain (`example.com`,
 * `shop.example.co.uk`, `xn--…`), or end in letters followed by a path
 * (`cheap.example/pills`). A real domain is required so that "e.g.", "3.5 stars",
 * "v2.0" and "Node.js" are not links.
 */
function isHost(run: string, path: boolean) {
  const labels = run.split('.');
  while (labels.length && !labels[labels.length - 1]) labels.pop();
  // The host starts after the last empty label ("Visit...example.com").
  const host = labels.slice(labels.lastIndexOf('') + 1);
  if (host.length < 2) return false;
  const tld = (host.at(-1) as string);
  return host[0] === 'www' || tlds.has(tld) || tld.startsWith('xn--') || (path && /^\p{L}{2,}$/u.test(tld));
}

/** Whether `text` holds something a reader could follow as a link: a scheme (`https://`) or a host. */
export function hasLink(text: string) {
  const seen = canonical(text).replace(dots, '.');
  if (/[a-z0-9]:\/\//.test(seen)) return true;
  if (!seen.includes('.')) return false; // most reviews: no host to look for
  for (const match of seen.matchAll(runs)) {
    const end = match.index + match[0].length;
    if (isHost(match[0], seen[end] === '/' && /\S/.test(seen[end + 1] ?? ''))) return true;
  }
  return false;
}
