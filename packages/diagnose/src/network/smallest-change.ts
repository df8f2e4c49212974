import type { ClientIpClass, ClientIpOwner } from '../report/schema';
import { geographyInboundRanges, geographyOfRegion } from './azure-devops-ranges';
import { RULE_LIMITS } from './match-rules';
import { parseCidr } from './parse-address';
import type { ServiceTagIndex } from './service-tag-index';

/** One IP rule as each tool wants it: az and PowerShell take a bare address, Bicep and Terraform `/32`. */
export interface RuleValue {
  readonly bare: string;
  readonly cidr: string;
}

export interface SmallestChange {
  /** The rule for the address itself; absent when no IP rule can ever admit it. */
  readonly address?: RuleValue;
  /** Why no IP rule can admit the address, and what does. */
  readonly noIpRule?: { readonly because: 'private' | 'ipv6' | 'not-public'; readonly instead: string };
  /** The owner's published ranges, when allowing them is the right scope (an Azure DevOps geography). */
  readonly ownerRanges?: { readonly scope: string; readonly rules: readonly RuleValue[]; readonly fits: boolean };
  /** A Microsoft-hosted agent's region: how many AzureCloud prefixes an allow list would need. */
  readonly azureCloud?: {
    readonly region: string;
    readonly tag: string;
    readonly regionPrefixes: number;
    readonly geography?: string;
    readonly geographyPrefixes?: number;
    /** IPv4 rules still free in the vault (1000 less the rules it already holds, when known). */
    readonly free: number;
    readonly fits: boolean;
  };
}

export interface ChangeInput {
  readonly address: string;
  readonly cls: ClientIpClass;
  readonly owner?: ClientIpOwner;
  readonly serviceTags?: ServiceTagIndex;
  /** How many IP rules the vault already holds, when a live check knows it. */
  readonly existingIpRules?: number;
}

/** A single address as a rule; never widened to a /31 (older Key Vault docs rejected /31 and /32 ranges). */
export function ruleValue(text: string): RuleValue {
  const parsed = parseCidr(text);
  if (!parsed.ok || parsed.range.prefix < 32) return { bare: text, cidr: text };
  const bare = parsed.range.text.slice(0, -'/32'.length);
  return { bare, cidr: parsed.range.text };
}

const INSTEAD = {
  private:
    'The call came through a virtual network: add the subnet as a virtual-network rule (with the Microsoft.KeyVault service endpoint on it), or give the vault a private endpoint in that network.',
  ipv6: "Key Vault's firewall takes IPv4 rules only: make the client reach the vault over IPv4, or through a private endpoint.",
  'not-public': 'This is not a public address, so the vault cannot have seen it from the internet: find the agent\'s public egress address (for example `curl -s https://api.ipify.org` on the agent) and allow that.',
} as const;

function azureCloud(region: string, index: ServiceTagIndex, free: number): SmallestChange['azureCloud'] {
  const count = (r: string): number => index.tag(`AzureCloud.${r}`)?.ipv4Prefixes ?? 0;
  const regionPrefixes = count(region);
  const geo = geographyOfRegion(region);
  const geographyPrefixes = geo?.regions.reduce((sum, r) => sum + count(r), 0);
  const needed = geographyPrefixes ?? regionPrefixes;
  return { region, tag: `AzureCloud.${region}`, regionPrefixes, geography: geo?.geography, geographyPrefixes, free, fits: needed <= free };
}

/**
 * The smallest firewall change that admits the caller, and when a broader scope is right: an
 * Azure DevOps geography's few published ranges fit easily; a hosted agent's region has hundreds
 * of weekly-changing prefixes, often more than the rules left, so then the answer is a self-hosted
 * agent or a private endpoint rather than an allow list.
 */
export function smallestChange(input: ChangeInput): SmallestChange {
  const { cls, owner } = input;
  if (cls === 'private-ipv4') return { noIpRule: { because: 'private', instead: INSTEAD.private } };
  if (cls === 'public-ipv6' || cls === 'private-ipv6') return { noIpRule: { because: 'ipv6', instead: INSTEAD.ipv6 } };
  if (cls !== 'public-ipv4') return { noIpRule: { because: 'not-public', instead: INSTEAD['not-public'] } };
  const address = ruleValue(input.address);
  const free = Math.max(0, RULE_LIMITS.ipv4 - (input.existingIpRules ?? 0));
  if (owner?.kind === 'azure-devops') {
    const ranges = geographyInboundRanges(owner.geography);
    if (ranges.length === 0) return { address };
    const covered = ranges.some((r) => {
      const p = parseCidr(r);
      const a = parseCidr(address.cidr);
      return p.ok && a.ok && a.range.start >= p.range.start && a.range.end <= p.range.end;
    });
    const rules = [...ranges.map(ruleValue), ...(covered ? [] : [address])];
    return { address, ownerRanges: { scope: `Azure DevOps ${owner.geography}`, rules, fits: rules.length <= free } };
  }
  if (owner?.kind === 'azure' && owner.region !== '' && input.serviceTags !== undefined) {
    return { address, azureCloud: azureCloud(owner.region, input.serviceTags, free) };
  }
  return { address };
}
