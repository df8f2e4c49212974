import { parseAddress } from '@kvdoctor/diagnose';

const IPV4_LOOPBACK_FIRST = 127 * 2 ** 24;
const IPV4_LOOPBACK_END = 128 * 2 ** 24;

/** 127.0.0.0/8, ::1 (and ::ffff:127.x, which parseAddress reads as IPv4) or `localhost`. */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const address = parseAddress(host);
  if (address === undefined) return false;
  return address.version === 4 ? address.value >= IPV4_LOOPBACK_FIRST && address.value < IPV4_LOOPBACK_END : address.value === 1n;
}
