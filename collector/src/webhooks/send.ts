/**
 * One delivery attempt: `POST` a body to a target, connecting only to addresses
 * addresses.ts allows (checked after resolution, the connection made to the address
 * checked), within a timeout, reading at most `responseCap` bytes of the answer, never
 * following a redirect (a 3xx is an answer like any other non-2xx).
 */
import { lookup as resolve, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { forbiddenReason } from './addresses.js';

/** Bytes of a target's answer kept for the delivery log; the rest is not read. */
const responseCap = 512;

export type Attempt =
  | { kind: 'answered'; status: number; response: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; reason: string };

class Refused extends Error {}

/** A `lookup` that fails with the reason when any address the name resolves to is forbidden. */
function checkedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { all: true, family: options.family as number | undefined }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      for (const { address } of addresses) {
        const reason = forbiddenReason(address);
        if (reason) return callback(new Refused(`${hostname} resolves to ${address}, a ${reason} address`), '', 0);
      }
      if (options.all) return (callback as any)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * @param allowPrivate let loopback and private targets through (`--webhook-allow-private`)
 */
export function send(target: URL, headers: Record<string, string>, body: string, { timeout, allowPrivate }: { timeout: number; allowPrivate: boolean }): Promise<Attempt> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host)) {
    const reason = forbiddenReason(host);
    if (reason) return Promise.resolve({ kind: 'refused', reason: `${host} is a ${reason} address` });
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((settle) => {
    const request = client.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      agent: false,
      ...(allowPrivate ? {} : { lookup: checkedLookup() }),
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeout} ms`)), timeout);
    const done = (attempt: Attempt) => {
      clearTimeout(timer);
      settle(attempt);
    };
    request.on('error', (error) =>
      done(error instanceof Refused ? { kind: 'refused', reason: error.message } : { kind: 'failed', reason: error.message }),
    );
    request.on('response', (response) => {
      let kept = '';
      response.setEncoding('utf8');
      const finish = () => done({ kind: 'answered', status: response.statusCode ?? 0, response: kept.slice(0, responseCap) });
      response.on('data', (chunk: string) => {
        kept += chunk;
        if (kept.length >= responseCap) {
          finish();
          request.destroy();
        }
      });
      response.on('end', finish);
      response.on('error', finish);
    });
    request.end(body);
  });
}
