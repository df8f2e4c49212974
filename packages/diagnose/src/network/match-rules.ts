import * as z from 'zod/mini';
import { classifyParsed } from './classify';
import { type CidrRange, parseAddress, parseCidr } from './parse-address';
import { ensureEnglishMessages } from '../zod-messages';

ensureEnglishMessages();

/**
 * Documented limits (network-security, 2024-02-20): "A maximum of 200 virtual network rules and 1000
 * IPv4 rules are allowed." Before 2024 the docs and the 2018 announcement said 127 of each.
 */
export const RULE_LIMITS = { ipv4: 1000, virtualNetwork: 200, before2024: { ipv4: 127, virtualNetwork: 127 } } as const;

export type RuleProblemKind =
  | 'malformed'
  | 'host-bits'
  | 'private'
  | 'reserved'
  | 'ipv6'
  | 'slash-31'
  | 'duplicate'
  | 'redundant'
  | 'too-many-ip-rules'
  | 'malformed-subnet-id'
  | 'duplicate-subnet'
  | 'too-many-virtual-network-rules';

/** Something wrong with a vault's rules; `rule` is the text as the vault holds it (absent for limits). */
export interface RuleProblem {
  readonly kind: RuleProblemKind;
  readonly rule?: string;
  readonly message: string;
}

type Checked = { readonly rule: string; readonly range: CidrRange & { version: 4 } } | { readonly rule: string; readonly problem: RuleProblem };

/** One rule as Key Vault would treat it: a usable public IPv4 range, or the reason it admits nothing. */
function checkRule(rule: string): Checked {
  const parsed = parseCidr(rule);
  if (!parsed.ok) {
    const kind = parsed.problem === 'host-bits' ? 'host-bits' : 'malformed';
    const why = parsed.problem === 'host-bits' ? `${parsed.message}; whether Key Vault normalises such a rule or ignores it is not documented, write ${parsed.network ?? 'the network address'}` : parsed.message;
    return { rule, problem: { kind, rule, message: why } };
  }
  const { range } = parsed;
  if (range.version === 6) {
    return { rule, problem: { kind: 'ipv6', rule, message: `"${rule}" is IPv6: Key Vault's firewall supports IPv4 rules only` } };
  }
  const cls = classifyParsed({ version: 4, value: range.start, text: rule });
  if (cls === 'private-ipv4') {
    return { rule, problem: { kind: 'private', rule, message: `"${rule}" is private (RFC 1918): IP rules only admit public addresses; use a virtual-network rule or a private endpoint` } };
  }
  if (cls !== 'public-ipv4') {
    return { rule, problem: { kind: 'reserved', rule, message: `"${rule}" is ${cls}, never seen by the vault as a caller's public address` } };
  }
  return { rule, range };
}

/** The first of the vault's IP rules that admits the address; undefined when none does. */
export function findAdmittingRule(address: string, ipRules: readonly string[]): string | undefined {
  const parsed = parseAddress(address);
  if (parsed === undefined || parsed.version !== 4 || classifyParsed(parsed) !== 'public-ipv4') return undefined;
  for (const rule of ipRules) {
    const checked = checkRule(rule);
    if ('range' in checked && parsed.value >= checked.range.start && parsed.value <= checked.range.end) return rule;
  }
  return undefined;
}

/**
 * A rule with host bits set (`40.82.190.38/23`) whose network would hold the address: Key Vault's
 * docs do not say whether such a rule is normalised to its network or ignored, so it decides nothing.
 */
export function hostBitsRuleCovering(address: string, ipRules: readonly string[]): { rule: string; network: string } | undefined {
  const parsed = parseAddress(address);
  if (parsed === undefined || parsed.version !== 4) return undefined;
  for (const rule of ipRules) {
    const cidr = parseCidr(rule);
    if (cidr.ok || cidr.problem !== 'host-bits' || cidr.network === undefined) continue;
    const network = parseCidr(cidr.network);
    if (network.ok && network.range.version === 4 && parsed.value >= network.range.start && parsed.value <= network.range.end) return { rule, network: cidr.network };
  }
  return undefined;
}

/** Malformed, private, IPv6, duplicate (a bare IP equals its /32) and redundant rules, and the limit. */
export function auditIpRules(ipRules: readonly string[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Map<string, string>();
  const usable: { rule: string; start: number; end: number }[] = [];
  for (const rule of ipRules) {
    const checked = checkRule(rule);
    if ('problem' in checked) {
      problems.push(checked.problem);
      continue;
    }
    const { range } = checked;
    const first = seen.get(range.text);
    if (first !== undefined) {
      problems.push({ kind: 'duplicate', rule, message: `"${rule}" is the same rule as "${first}" (${range.text})` });
      continue;
    }
    seen.set(range.text, rule);
    if (range.prefix === 31) {
      problems.push({ kind: 'slash-31', rule, message: `"${rule}" is a /31: older Key Vault docs rejected /31 ranges; write its two addresses as single-address rules` });
    }
    usable.push({ rule, start: range.start, end: range.end });
  }
  // Widest first at each start, so a rule inside an earlier one is seen while its cover is open.
  usable.sort((a, b) => a.start - b.start || b.end - a.end);
  let cover: { rule: string; end: number } | undefined;
  for (const u of usable) {
    if (cover !== undefined && u.end <= cover.end) {
      problems.push({ kind: 'redundant', rule: u.rule, message: `"${u.rule}" is already covered by "${cover.rule}"` });
    } else if (cover === undefined || u.end > cover.end) {
      cover = { rule: u.rule, end: u.end };
    }
  }
  if (ipRules.length > RULE_LIMITS.ipv4) {
    problems.push({ kind: 'too-many-ip-rules', message: `${ipRules.length} IP rules: Key Vault allows at most ${RULE_LIMITS.ipv4} (${RULE_LIMITS.before2024.ipv4} before 2024)` });
  }
  return problems;
}

const SUBNET_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]{1,90}\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]{1,80}\/subnets\/[^/]{1,80}$/i;

/** The virtual-network rule naming this subnet (ids compare case-insensitively, as ARM does). */
export function findAdmittingSubnetRule(subnetId: string, virtualNetworkRules: readonly string[]): string | undefined {
  const want = subnetId.toLowerCase();
  return virtualNetworkRules.find((r) => r.toLowerCase() === want);
}

export function auditVirtualNetworkRules(virtualNetworkRules: readonly string[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Map<string, string>();
  for (const rule of virtualNetworkRules) {
    if (!SUBNET_ID.test(rule)) {
      problems.push({ kind: 'malformed-subnet-id', rule, message: `"${rule}" is not a subnet resource id (/subscriptions/…/virtualNetworks/<vnet>/subnets/<subnet>)` });
      continue;
    }
    const first = seen.get(rule.toLowerCase());
    if (first !== undefined) problems.push({ kind: 'duplicate-subnet', rule, message: `"${rule}" is the same subnet as "${first}"` });
    else seen.set(rule.toLowerCase(), rule);
  }
  if (virtualNetworkRules.length > RULE_LIMITS.virtualNetwork) {
    problems.push({
      kind: 'too-many-virtual-network-rules',
      message: `${virtualNetworkRules.length} virtual-network rules: Key Vault allows at most ${RULE_LIMITS.virtualNetwork} (${RULE_LIMITS.before2024.virtualNetwork} before 2024)`,
    });
  }
  return problems;
}

/** The `networkAcls` of a vault as ARM returns it (extra fields ignored). */
export const NetworkAclsSchema = z.object({
  ipRules: z._default(z.array(z.object({ value: z.string() })), []),
  virtualNetworkRules: z._default(z.array(z.object({ id: z.string() })), []),
});
export type NetworkAcls = z.infer<typeof NetworkAclsSchema>;

export interface AclMatch {
  /** The rule that admits the caller (IP rule text or subnet id), or undefined. */
  readonly admittedBy: string | undefined;
  readonly problems: readonly RuleProblem[];
}

export type AclMatchResult = { readonly ok: true; readonly value: AclMatch } | { readonly ok: false; readonly error: { readonly code: 'invalid-network-acls'; readonly message: string } };

/** Matches a caller (its address, and its subnet when it came through one) against vault data. */
export function matchNetworkAcls(address: string, networkAcls: unknown, subnetId?: string): AclMatchResult {
  const parsed = NetworkAclsSchema.safeParse(networkAcls);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `networkAcls.${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid-network-acls', message } };
  }
  const ipRules = parsed.data.ipRules.map((r) => r.value);
  const subnets = parsed.data.virtualNetworkRules.map((r) => r.id);
  const admittedBy = findAdmittingRule(address, ipRules) ?? (subnetId === undefined ? undefined : findAdmittingSubnetRule(subnetId, subnets));
  return { ok: true, value: { admittedBy, problems: [...auditIpRules(ipRules), ...auditVirtualNetworkRules(subnets)] } };
}
