import { collapseIPv6Number, IPv6, Validator } from 'ip-num';

/**
 * ip-num behind a small numeric API: ip-num validates (it knows the corner cases of the notation),
 * plain numbers do the arithmetic (an IPv4 address is a uint32; ip-num's own `contains` is ~50x
 * slower than comparing numbers).
 */
export type Address =
  | { readonly version: 4; readonly value: number; readonly text: string }
  | { readonly version: 6; readonly value: bigint; readonly text: string };

export type CidrRange =
  | { readonly version: 4; readonly start: number; readonly end: number; readonly prefix: number; readonly text: string }
  | { readonly version: 6; readonly start: bigint; readonly end: bigint; readonly prefix: number; readonly text: string };

export type CidrProblem = 'not-an-address' | 'bad-prefix' | 'host-bits';

export type CidrParse =
  | { readonly ok: true; readonly range: CidrRange; readonly bare: boolean }
  | { readonly ok: false; readonly problem: CidrProblem; readonly message: string; readonly network?: string };

const IPV6_BITS = 128n;
const IPV6_ALL = (1n << IPV6_BITS) - 1n;
const IPV4_BITS = 0xffffffffn;

/** Dotted text → uint32, for text already validated; undefined otherwise. */
function ipv4Value(text: string): number | undefined {
  if (!Validator.isValidIPv4String(text)[0]) return undefined;
  const parts = text.split('.').map(Number);
  let n = 0;
  for (const p of parts) n = n * 256 + p;
  return n;
}

export function ipv4ToString(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/** First address of the /prefix network holding `n` (uint32 arithmetic without sign trouble). */
export function ipv4NetworkOf(n: number, prefix: number): number {
  const size = 2 ** (32 - prefix);
  return n - (n % size);
}

function ipv6Short(value: bigint): string {
  return collapseIPv6Number(IPv6.fromBigInt(value).toString());
}

/**
 * An address in any usual notation. IPv4-mapped IPv6 (::ffff:0:0/96, in any spelling: a dual-stack
 * listener writes `::ffff:52.1.2.3`) is read as its IPv4 address: that is the caller Key Vault's
 * firewall matches, and the only form its IP rules accept.
 */
export function parseAddress(input: string): Address | undefined {
  const text = input.trim();
  const v4 = ipv4Value(text);
  if (v4 !== undefined) return { version: 4, value: v4, text: ipv4ToString(v4) };
  if (!Validator.isValidIPv6String(text)[0]) return undefined;
  const v6 = IPv6.fromString(text);
  const value = v6.getValue();
  if (v6.isIPv4Mapped()) {
    const mapped = Number(value & IPV4_BITS);
    return { version: 4, value: mapped, text: ipv4ToString(mapped) };
  }
  return { version: 6, value, text: ipv6Short(value) };
}

/** The address as Key Vault writes it when it is IPv4 (mapped IPv6 unwrapped); any other text unchanged. */
export function ipv4Normalised(text: string): string {
  const address = parseAddress(text);
  return address?.version === 4 ? address.text : text;
}

/**
 * A firewall rule or service-tag prefix. A bare address is its /32 (or /128): Key Vault stores
 * single addresses that way. Host bits set (`40.82.190.38/23`) is an error naming the network the
 * writer probably meant: ip-num's `fromCidr` accepts such text silently.
 */
export function parseCidr(input: string): CidrParse {
  const text = input.trim();
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  const address = parseAddress(host);
  if (address === undefined || (address.version === 4 && host.includes(':'))) {
    return { ok: false, problem: 'not-an-address', message: `"${input}" is not an IPv4 or IPv6 address or CIDR range` };
  }
  const max = address.version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (!(prefix >= 0 && prefix <= max)) {
    return { ok: false, problem: 'bad-prefix', message: `"${input}" has a prefix length outside 0–${max}` };
  }
  if (address.version === 4) {
    const start = ipv4NetworkOf(address.value, prefix);
    const network = `${ipv4ToString(start)}/${prefix}`;
    if (!Validator.isValidIPv4CidrRange(`${address.text}/${prefix}`)[0]) {
      return { ok: false, problem: 'host-bits', message: `"${input}" has host bits set: the network is ${network}`, network };
    }
    return { ok: true, bare: prefixText === undefined, range: { version: 4, start, end: start + 2 ** (32 - prefix) - 1, prefix, text: network } };
  }
  const hostMask = (1n << BigInt(128 - prefix)) - 1n;
  const start = address.value & (IPV6_ALL ^ hostMask);
  const network = `${ipv6Short(start)}/${prefix}`;
  if (start !== address.value) {
    return { ok: false, problem: 'host-bits', message: `"${input}" has host bits set: the network is ${network}`, network };
  }
  return { ok: true, bare: prefixText === undefined, range: { version: 6, start, end: start | hostMask, prefix, text: network } };
}

/** Checks an IPv6 prefix without building its numbers (the service-tag index holds IPv4 only). */
export function ipv6CidrProblem(text: string): string | undefined {
  const [ok, messages] = Validator.isValidIPv6CidrRange(text);
  return ok ? undefined : `"${text}" is not a valid IPv6 CIDR range (${messages[0] ?? 'unreadable'})`;
}
