import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { InvalidInput } from '@cogov/decider';

/**
 * Addresses a production webhook may not reach: loopback, private, link-local, carrier-grade NAT,
 * unspecified, multicast, documentation and reserved ranges, in IPv4 and IPv6 (IPv4-mapped IPv6
 * addresses are checked as the IPv4 address they carry). Otherwise a partner could make the
 * platform call its own internals (SSRF).
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPublicAddress(mapped[1]!);
    return !NOT_PUBLIC.check(address, 'ipv6');
  }
  return !NOT_PUBLIC.check(address, 'ipv4');
}

export type Resolve = (host: string) => Promise<string[]>;

const resolveAll: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * A webhook URL the platform may call: http(s), no credentials in it; and in production https
 * and every address its host resolves to public. Development (and tests) may use loopback.
 * Checked again before each delivery: a name can be re-pointed after registration.
 */
export async function checkWebhookUrl(
  raw: string,
  requirePublicHttps: boolean,
  resolve: Resolve = resolveAll,
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidInput(`webhook url ${raw} is not a URL`, { field: 'url' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InvalidInput('a webhook url must be http or https', { field: 'url' });
  if (url.username || url.password)
    throw new InvalidInput('a webhook url may not carry credentials', { field: 'url' });
  if (!requirePublicHttps) return url;
  if (url.protocol !== 'https:')
    throw new InvalidInput('a webhook url must be https in production', { field: 'url' });
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw new InvalidInput(`the webhook url's host ${host} does not resolve`, { field: 'url', host });
  }
  const blocked = addresses.filter((address) => !isPublicAddress(address));
  if (addresses.length === 0 || blocked.length > 0) {
    throw new InvalidInput(
      `the webhook url's host ${host} resolves to an address that is not public (loopback, private or link-local)`,
      { field: 'url', host, addresses: blocked },
    );
  }
  return url;
}
