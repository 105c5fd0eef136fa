/**
 * Who the client is, for the per-client limits: its address as Fastify derives it from
 * the socket and the trusted proxies' `X-Forwarded-For`, with IPv6 addresses taken by
 * their /64 (one subscriber's whole network, which they can rotate addresses in).
 */

/**
 * Fastify's `trustProxy` from the `--trust-proxy` setting: a number of hops (a bare
 * flag or `true` is one hop) or a list of proxy addresses and CIDRs. The client address
 * is then the first untrusted one from the right of `X-Forwarded-For`, never the
 * leftmost entry, which the client writes itself. (Fastify refuses hop counts, since a
 * client that reaches the collector directly can then write the entry it is keyed by:
 * hops are for a collector only its proxies can reach. A list has no such catch.)
 */
export function trustedProxies(setting: boolean | number | string | string[] | undefined): false | ((address: string, hop: number) => boolean) | string[] {
  if (setting === undefined || setting === false || setting === '' || setting === '0' || setting === 0) return false;
  if (setting === true) return trustedProxies(1);
  if (typeof setting === 'number' || /^\d+$/.test(String(setting))) {
    const hops = Number(setting);
    if (!Number.isInteger(hops) || hops < 0) throw new Error(`--trust-proxy hops must be a whole number, got "${setting}"`);
    // Hop 0 is the socket's peer, hop 1 the address it appended, and so on.
    return (_address, hop) => hop < hops;
  }
  const list = (Array.isArray(setting) ? setting : String(setting).split(',')).map((a) => a.trim()).filter(Boolean);
  const bad = list.find((a) => !/^[\d.]+(\/\d+)?$|^[\da-f:.]*:[\da-f:.]*(\/\d+)?$/i.test(a));
  if (bad) throw new Error(`--trust-proxy takes a number of hops or proxy addresses/CIDRs, got "${bad}"`);
  return list;
}

/**
 * The key the per-client limits count under: an IPv4 address as is (IPv4-mapped IPv6
 * too), an IPv6 address as its /64 prefix.
 */
export function clientKey(ip: string) {
  if (!ip.includes(':')) return ip;
  const address = ip.split('%')[0].toLowerCase(); // no zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1];
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}
