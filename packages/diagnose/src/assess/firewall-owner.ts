import { RULE_LIMITS } from '../network/match-rules';
import { parseCidr } from '../network/parse-address';
import { type RuleValue, ruleValue, type SmallestChange, smallestChange } from '../network/smallest-change';
import type { ClientIpOwner, Command } from '../report/schema';
import { commands } from './commands';
import { type AssessContext, plural } from './context';
import { azureOwnerPlace } from '../network/azure-regions';

/** Who the refused address is, and the one command that admits it at the right scope. */
export interface OwnerVerdict {
  /** Appended to the verdict's evidence: "<ip> is … → …". */
  readonly clause: string;
  readonly command: Command;
}

const known = (text: string) => ({ known: true as const, text });

/** Several IP rules as one az command text, one line per rule (the form the fixes use too). */
function addRules(ctx: AssessContext, rules: readonly RuleValue[]): Command {
  const lines = rules.map((r) => commands.addIpRule(ctx.model, known(r.bare)).text);
  return { tool: 'az', text: lines.join('\n') };
}

/** The rules the vault does not already hold in full (a range inside one of its rules is held). */
function split(rules: readonly RuleValue[], ipRules: readonly string[]): { missing: RuleValue[]; held: RuleValue[] } {
  const existing = ipRules.flatMap((r) => {
    const p = parseCidr(r);
    return p.ok && p.range.version === 4 ? [p.range] : [];
  });
  const missing: RuleValue[] = [];
  const held: RuleValue[] = [];
  for (const rule of rules) {
    const p = parseCidr(rule.cidr);
    const inside = p.ok && p.range.version === 4 && existing.some((e) => e.start <= p.range.start && p.range.end <= e.end);
    (inside ? held : missing).push(rule);
  }
  return { missing, held };
}

function azureDevOps(ctx: AssessContext, ip: string, owner: Extract<ClientIpOwner, { kind: 'azure-devops' }>, change: SmallestChange): OwnerVerdict {
  const who = `${ip} is Azure DevOps ${owner.geography} (${owner.list}, ${owner.range}, published ${owner.asOf}): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent`;
  const single = { bare: ip, cidr: change.address?.cidr ?? ip };
  const ranges = change.ownerRanges;
  if (ranges === undefined) return { clause: `${who} → add this address`, command: addRules(ctx, [single]) };
  const scope = `the published inbound ranges of Azure DevOps ${owner.geography}${owner.geography === 'United States' ? ' (all US regions: the service may call from any)' : ''}`;
  if (!ranges.fits) {
    const free = Math.max(0, RULE_LIMITS.ipv4 - ctx.model.networkAcls.ipRules.length);
    return { clause: `${who} → ${ranges.rules.length} ${scope} do not fit in the ${free} IPv4 rules left (of ${RULE_LIMITS.ipv4}): add this address alone`, command: addRules(ctx, [single]) };
  }
  const withAddress = ranges.rules.some((r) => r.cidr === single.cidr);
  const { missing, held } = split(ranges.rules, ctx.model.networkAcls.ipRules);
  const already = held.length === 0 ? '' : `; ${held.map((r) => r.bare).join(', ')} ${held.length === 1 ? 'is' : 'are'} already allowed`;
  return {
    clause: `${who} → allow ${scope}${withAddress ? ' and this address' : ''}: add ${missing.map((r) => r.bare).join(', ')}${already}`,
    command: addRules(ctx, missing),
  };
}

function azure(ctx: AssessContext, ip: string, owner: Extract<ClientIpOwner, { kind: 'azure' }>, change: SmallestChange): OwnerVerdict {
  const where = azureOwnerPlace(owner);
  if (owner.serviceTag.startsWith('AzureDevOps')) {
    const range = ruleValue(owner.range);
    return { clause: `${ip} is the Azure DevOps service in ${where}, not your agent → allow its published range: add ${range.bare}`, command: addRules(ctx, [range]) };
  }
  if (!owner.serviceTag.startsWith('AzureCloud')) {
    return {
      clause: `${ip} is in ${where}: an Azure service that is not a trusted Key Vault service → add this address`,
      command: addRules(ctx, [{ bare: ip, cidr: change.address?.cidr ?? ip }]),
    };
  }
  const c = change.azureCloud;
  const scale =
    c === undefined
      ? 'the region\'s AzureCloud prefixes (not counted: no service-tag data was given) change weekly and admit every Azure customer there'
      : `${c.tag} has ${plural(c.regionPrefixes, 'IPv4 prefix', 'IPv4 prefixes')}${c.geography !== undefined && c.geographyPrefixes !== undefined ? `, the ${c.geography} geography ${c.geographyPrefixes}` : ''}, against ${c.free} IPv4 rules left (of ${RULE_LIMITS.ipv4}): ${c.fits ? 'they would fit, but admit every Azure customer there and change weekly' : 'they cannot fit in the rule limit'}`;
  return {
    clause: `${ip} is in ${where}: a caller inside Azure, most likely a Microsoft-hosted agent or GitHub-hosted runner, whose address changes from run to run → ${scale}; use a self-hosted agent in a virtual network with a private endpoint to ${ctx.model.name} (or add and remove the agent's address inside each run)`,
    command: commands.createEndpoint(ctx.model),
  };
}

/**
 * The firewall's answer for a refused public IPv4 address, from its owner: an Azure DevOps
 * geography's few inbound ranges, a hosted agent's region (too many, too changeable: a self-hosted
 * agent or private endpoint instead), an Azure service's address, or an unknown address (your own
 * agent or office egress). Follows `smallestChange`, with the vault's existing rules subtracted.
 */
export function ownerVerdict(ctx: AssessContext, ip: string): OwnerVerdict {
  const { owner } = ctx;
  const change = smallestChange({ address: ip, cls: 'public-ipv4', owner, serviceTags: ctx.serviceTags, existingIpRules: ctx.model.networkAcls.ipRules.length });
  if (owner?.kind === 'azure-devops') return azureDevOps(ctx, ip, owner, change);
  if (owner?.kind === 'azure') return azure(ctx, ip, owner, change);
  const ranges = ctx.serviceTags?.status === 'loaded' ? 'Azure DevOps or Azure range' : 'Azure DevOps range';
  return { clause: `${ip} is in no published ${ranges}: likely your self-hosted agent or office egress → add this address`, command: commands.addIpRule(ctx.model, known(ip)) };
}
