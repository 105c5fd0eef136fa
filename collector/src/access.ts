/**
 * Access levels (PRODUCT.md, "Access levels"): the admin token (`--token`) may do
 * everything, the report token (`--report-token`) read reports and exports, the
 * moderation token (`--moderation-token`) list and moderate reviews. A valid token asking
 * for more than its level answers 403; no valid token, 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { clientKey } from './client.js';
import { httpError } from './hooks.js';
import { fixedWindow } from './window.js';

export type Level = 'admin' | 'report' | 'moderation';
/** What a route needs: reading figures and exports, moderating reviews, or administering (erasure). */
export type Right = 'read' | 'moderate' | 'administer';

/** The rights of each level. */
export const rights: Record<Level, readonly Right[]> = {
  admin: ['read', 'moderate', 'administer'],
  report: ['read'],
  moderation: ['moderate'],
};

const flags: Record<Level, string> = { admin: '--token', report: '--report-token', moderation: '--moderation-token' };
const doing: Record<Right, string> = { read: 'read reports', moderate: 'moderate reviews', administer: 'administer the collector' };

/** Tokens shorter than this are refused at start: a guessable token is no lock. */
const minTokenLength = 16;
/** Failed token checks a client may make a minute before every check answers 429. */
const maxTokenFailures = 10;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The token gates of one app. Tokens are compared in constant time (both sides hashed
 * first, so neither a token nor its length leaks through timing), against every level
 * whatever matches first. A client that failed `maxTokenFailures` checks this minute gets
 * 429 until the minute is over, whatever it sends.
 *
 * @param tokens the token of each level that has one (admin's is required)
 * @throws at start, for a short token or one level's token reused for another
 */
export function accessControl(tokens: { admin: string } & Partial<Record<Level, string>>) {
  const known: { level: Level; digest: Buffer }[] = [];
  for (const [level, token] of Object.entries(tokens) as [Level, string | undefined][]) {
    if (!token) continue;
    if (token.length < minTokenLength) throw new Error(`${flags[level]}: a token must have at least ${minTokenLength} characters`);
    const same = known.find((k) => timingSafeEqual(k.digest, digest(token)));
    if (same) throw new Error(`${flags[level]} must differ from ${flags[same.level]}: one token, one level`);
    known.push({ level, digest: digest(token) });
  }
  const failures = fixedWindow(60_000);

  /** The level of the request's bearer token, if it is one of ours. */
  function levelOf(request: FastifyRequest): Level | undefined {
    const [, given] = /^bearer +(\S+) *$/i.exec(request.headers.authorization ?? '') ?? [];
    if (!given) return undefined;
    const hash = digest(given);
    let level: Level | undefined;
    for (const k of known) if (timingSafeEqual(k.digest, hash)) level = k.level;
    return level;
  }

  /** An `onRequest` hook letting through a token with `right` (absent: any valid token). */
  function requireRight(right?: Right): onRequestHookHandler {
    return function requireRightHook(request, reply, done) {
      const now = Date.now();
      const client = clientKey(request.ip);
      if (failures.get(client, now) >= maxTokenFailures) {
        reply.header('retry-after', String(failures.retryAfter(now)));
        return done(httpError(429, `too many failed token checks; retry in a minute`));
      }
      const level = levelOf(request);
      if (!level) {
        failures.add(client, 1, now);
        reply.header('www-authenticate', 'Bearer');
        return done(httpError(401, 'a valid "Authorization: Bearer <token>" header is required'));
      }
      if (right && !rights[level].includes(right)) return done(httpError(403, `a ${level} token may not ${doing[right]}`));
      done();
    };
  }

  return { levelOf, requireRight };
}
