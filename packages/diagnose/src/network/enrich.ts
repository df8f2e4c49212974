import { IPv4, IPv4CidrRange, Validator } from 'ip-num';
import type { ClientIpClass, Facts } from '../report/schema';

const IPV4_CLASSES: readonly { cidr: string; cls: ClientIpClass }[] = [
  { cidr: '10.0.0.0/8', cls: 'private-ipv4' },
  { cidr: '172.16.0.0/12', cls: 'private-ipv4' },
  { cidr: '192.168.0.0/16', cls: 'private-ipv4' },
  { cidr: '100.64.0.0/10', cls: 'cgnat' },
  { cidr: '127.0.0.0/8', cls: 'loopback' },
  { cidr: '169.254.0.0/16', cls: 'link-local' },
];

/** Class of a client address; undefined for text that is not an address. */
export function classifyAddress(ip: string): ClientIpClass | undefined {
  if (Validator.isValidIPv4String(ip)[0]) {
    const addr = IPv4.fromString(ip);
    const hit = IPV4_CLASSES.find((c) => IPv4CidrRange.fromCidr(c.cidr).contains(IPv4CidrRange.fromCidr(`${addr.toString()}/32`)));
    return hit?.cls ?? 'public-ipv4';
  }
  if (Validator.isValidIPv6String(ip)[0]) {
    const lower = ip.toLowerCase();
    return lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80') || lower === '::1' ? 'private-ipv6' : 'public-ipv6';
  }
  return undefined;
}

/** Adds `clientIpClass` to facts that carry a client address. */
export function enrichNetwork(facts: Facts): Facts {
  if (facts.clientIp === undefined) return facts;
  const cls = classifyAddress(facts.clientIp);
  return cls === undefined ? facts : { ...facts, clientIpClass: cls };
}
