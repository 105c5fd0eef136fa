/**
 * Where a webhook may not go: a target is checked after DNS resolution, on every address
 * its name resolves to, and the request connects to the address checked (send.ts), so a
 * name that resolves to the cloud metadata service or the collector's own network is
 * refused however it is spelled.
 */
import { BlockList, isIP } from 'node:net';

/** Ranges no webhook may reach without `--webhook-allow-private`, with the reason a refusal names. */
const ranges: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata)'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'private'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const lists = ranges.map(([network, prefix, family, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, reason };
});

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 one. */
const unmapped = (address: string) => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;

/** Why `address` (an IP literal) may not be reached, or undefined when it may. */
export function forbiddenReason(address: string): string | undefined {
  const ip = unmapped(address);
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return lists.find(({ list }) => list.check(ip, family))?.reason;
}
