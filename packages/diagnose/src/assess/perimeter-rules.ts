import { parseAddress, parseCidr } from '../network/parse-address';
import type { PerimeterAccessRule } from './model';

/**
 * What a profile's inbound access rules say of one caller. Perimeter docs: an IP rule "allows inbound
 * from any IP address in the range"; a subscription rule "allows inbound access authenticated using
 * any managed identity from the subscription". A log shows the caller's address but never its
 * subscription (nor its service tag or perimeter), so those rules can admit it without that showing.
 */
export type PerimeterRuleMatch =
  | { readonly kind: 'admits'; readonly rule: string; readonly prefix: string }
  /** No address rule holds the caller; rules on attributes the log does not show might. */
  | { readonly kind: 'maybe'; readonly by: readonly string[] }
  | { readonly kind: 'refuses' };

/** True when the CIDR prefix (or bare address) holds the address, both of one IP version. */
function holds(prefix: string, address: string): boolean {
  const ip = parseAddress(address);
  const range = parseCidr(prefix);
  if (ip === undefined || !range.ok) return false;
  if (ip.version === 4 && range.range.version === 4) return ip.value >= range.range.start && ip.value <= range.range.end;
  if (ip.version === 6 && range.range.version === 6) return ip.value >= range.range.start && ip.value <= range.range.end;
  return false;
}

/** The caller's fate under the rules; `address` is the public address the log stated. */
export function matchPerimeterRules(rules: readonly PerimeterAccessRule[], address: string): PerimeterRuleMatch {
  for (const rule of rules) {
    const prefix = rule.addressPrefixes.find((p) => holds(p, address));
    if (prefix !== undefined) return { kind: 'admits', rule: rule.name, prefix };
  }
  const by = rules.flatMap((r) => [
    ...r.subscriptions.map((s) => `rule ${r.name} admits managed identities of subscription ${s}`),
    ...r.serviceTags.map((t) => `rule ${r.name} admits service tag ${t}`),
    ...r.perimeters.map((p) => `rule ${r.name} admits resources of perimeter ${p.split('/').pop() ?? p}`),
  ]);
  return by.length > 0 ? { kind: 'maybe', by } : { kind: 'refuses' };
}

/** Every address prefix of the rules, for evidence. */
export function allPrefixes(rules: readonly PerimeterAccessRule[]): string[] {
  return rules.flatMap((r) => r.addressPrefixes);
}
