// @ts-check
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
 * @param {string} text
 */
export const canonical = (text) =>
  text
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC');

/** The key for duplicate detection: the same for texts a reader could not tell apart. @param {string} text */
export const fingerprint = (text) => createHash('sha256').update(canonical(text)).digest('base64url');

/** Top-level domains that spam links use: the common generic ones and every country's. */
const tlds = `com net org info biz edu gov int mil mobi name pro asia tel travel xyz top site online shop store club
live link click page blog news tech app dev win vip buzz icu fun life world today email cloud art best one cam
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo
br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk
dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq
gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh
ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn
mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg
ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn
so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us
uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw`
  .split(/\s+/)
  .join('|');

/**
 * A link: a scheme (`https://`, `ftp://`), `www.`, a host followed by a path
 * (`cheap.example/pills`), or a bare host ending in a real top-level domain
 * (`example.com`, `shop.example.co.uk`, `xn--…`). Requiring a real domain keeps
 * "e.g.", "3.5 stars", "v2.0" and "Node.js" out.
 */
const link = new RegExp(
  [
    String.raw`[a-z][a-z0-9+.-]*:\/\/`,
    String.raw`(?<![\p{L}\p{N}_-])www\.`,
    String.raw`(?<![\p{L}\p{N}_-])[\p{L}\p{N}-]+\.[\p{L}]{2,}\/\S`,
    String.raw`(?<![\p{L}\p{N}_-])(?:[\p{L}\p{N}-]+\.)+(?:${tlds}|xn--[a-z0-9-]+)(?![\p{L}\p{N}_-])`,
  ].join('|'),
  'u',
);

/** Full stops that browsers take as dots in a host name (ideographic and halfwidth). */
const dots = /[\u3002\uff61]/g;

/** Whether `text` holds something a reader could follow as a link. @param {string} text */
export const hasLink = (text) => link.test(canonical(text).replace(dots, '.'));
