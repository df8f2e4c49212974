import type { ClientIpClass } from '../report/schema';
import { type Address, parseAddress, parseCidr } from './parse-address';

interface Block {
  readonly start: number;
  readonly end: number;
  readonly cls: ClientIpClass;
}

function block(cidr: string, cls: ClientIpClass): Block {
  const parsed = parseCidr(cidr);
  // The table below is ours: a bad entry is a bug, caught by the first test that loads this file.
  if (!parsed.ok || parsed.range.version !== 4) throw new Error(`classify: bad built-in range ${cidr}`);
  return { start: parsed.range.start, end: parsed.range.end, cls };
}

/**
 * IPv4 blocks that can never be a Key Vault firewall rule, each with the class that picks the
 * advice: private (RFC 1918) means the call came through a virtual network; CGNAT, loopback,
 * link-local and the IANA special-purpose blocks (RFC 6890) mean the text shows an address from
 * behind a NAT or a placeholder, not what the vault saw from the internet.
 */
const IPV4_BLOCKS: readonly Block[] = [
  block('10.0.0.0/8', 'private-ipv4'),
  block('172.16.0.0/12', 'private-ipv4'),
  block('192.168.0.0/16', 'private-ipv4'),
  block('100.64.0.0/10', 'cgnat'),
  block('127.0.0.0/8', 'loopback'),
  block('169.254.0.0/16', 'link-local'),
  block('0.0.0.0/8', 'reserved-ipv4'),
  block('192.0.0.0/24', 'reserved-ipv4'),
  block('192.0.2.0/24', 'reserved-ipv4'),
  block('198.18.0.0/15', 'reserved-ipv4'),
  block('198.51.100.0/24', 'reserved-ipv4'),
  block('203.0.113.0/24', 'reserved-ipv4'),
  block('224.0.0.0/4', 'reserved-ipv4'),
  block('240.0.0.0/4', 'reserved-ipv4'),
];

/**
 * IPv6 that is not globally routable: unique-local fc00::/7, link-local fe80::/10, multicast
 * ff00::/8, documentation 2001:db8::/32, loopback ::1 and unspecified ::. The report's enum has one
 * non-public IPv6 class because the advice is the same for all of them (and for public IPv6): Key
 * Vault's firewall takes IPv4 rules only.
 */
function isPublicIpv6(value: bigint): boolean {
  const top16 = Number(value >> 112n);
  if (value <= 1n) return false;
  if ((top16 & 0xfe00) === 0xfc00) return false;
  if ((top16 & 0xffc0) === 0xfe80) return false;
  if ((top16 & 0xff00) === 0xff00) return false;
  return !(top16 === 0x2001 && Number((value >> 96n) & 0xffffn) === 0x0db8);
}

export function classifyParsed(address: Address): ClientIpClass {
  if (address.version === 6) return isPublicIpv6(address.value) ? 'public-ipv6' : 'private-ipv6';
  const hit = IPV4_BLOCKS.find((b) => address.value >= b.start && address.value <= b.end);
  return hit?.cls ?? 'public-ipv4';
}

/** Class of a client address; undefined for text that is not an address. */
export function classifyAddress(text: string): ClientIpClass | undefined {
  const address = parseAddress(text);
  return address === undefined ? undefined : classifyParsed(address);
}

/** Only a public IPv4 address can be written as a Key Vault IP rule. */
export function fitsIpRule(cls: ClientIpClass): boolean {
  return cls === 'public-ipv4';
}
