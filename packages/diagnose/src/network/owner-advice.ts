import type { ClientIpOwner, Fix } from '../report/schema';
import type { Value } from '../fixes/quote';
import { RULE_LIMITS } from './match-rules';
import { allowRulesFix } from './ip-rules-fix';
import type { SmallestChange } from './smallest-change';
import { azureOwnerName, azureOwnerPlace } from './azure-regions';

/**
 * What the owner of a refused address says about the cause, in words a pipeline author acts on.
 * `ip` is the address as the log gave it.
 */
export function ownerCause(owner: ClientIpOwner, ip: string, haveServiceTags: boolean): string {
  if (owner.kind === 'azure-devops') {
    return `The Azure DevOps service itself read the vault to link or edit a variable group: client address ${ip} is Azure DevOps ${owner.geography} (${owner.list}, ${owner.range}, published ${owner.asOf}). It calls from its geography's published inbound ranges, not from your agent, and Azure DevOps is not a trusted service.`;
  }
  if (owner.kind === 'azure') {
    const where = azureOwnerPlace(owner);
    if (owner.serviceTag.startsWith('AzureDevOps')) {
      return `Client address ${ip} is the Azure DevOps service in ${where}: it read the vault for a variable group or service connection, and Azure DevOps is not a trusted service.`;
    }
    if (owner.serviceTag.startsWith('AzureCloud')) {
      return `Client address ${ip} is in ${where}: a Microsoft-hosted agent or GitHub-hosted runner made the call. Its address changes from run to run, and the ranges change with Microsoft's weekly service-tag update.`;
    }
    return `Client address ${ip} belongs to ${where}: an Azure service that is not a trusted Key Vault service (or a hosted agent) made the call.`;
  }
  const known = haveServiceTags ? 'in no published Azure DevOps or Azure range' : 'in no published Azure DevOps range (no Azure service-tag data was given, so Azure datacenter addresses cannot be told apart)';
  return `Client address ${ip} is ${known}: most likely your self-hosted agent or your office's egress address, which is not in the vault's IP rules.`;
}

const US = 'United States';

/** The fixes an owner adds beyond the single-address rule: the geography's ranges, or why a region's will not do. */
export function ownerFixes(owner: ClientIpOwner, change: SmallestChange, vault: Value, rg: Value | undefined): Fix[] {
  if (owner.kind === 'azure-devops' && change.ownerRanges !== undefined) {
    const { rules, fits } = change.ownerRanges;
    const steps = [
      `These are the published inbound ranges of Azure DevOps ${owner.geography}${owner.geography === US ? ' (for the United States, all US regions: the service may call from any of them)' : ''}, from https://learn.microsoft.com/en-us/azure/devops/organizations/security/allow-list-ip-url#inbound-connections (2024-06-19)${rules.some((r) => r.cidr === change.address?.cidr) ? `, plus ${change.address?.bare ?? ''} itself from the older list` : ''}.`,
      'Check your organisation\'s geography first: Azure DevOps → Organization settings → Overview.',
      'The agent that later runs the pipeline needs its own access too: a self-hosted agent\'s address, or a virtual-network rule / private endpoint.',
    ];
    if (!fits) steps.push(`These ${rules.length} rules do not fit in the IPv4 rules the vault has left (at most ${RULE_LIMITS.ipv4}).`);
    return [allowRulesFix(`Allow the published inbound ranges of Azure DevOps ${owner.geography}`, steps, vault, rules, rg)];
  }
  if (owner.kind === 'azure' && change.azureCloud !== undefined) {
    const c = change.azureCloud;
    const geo = c.geography !== undefined && c.geographyPrefixes !== undefined ? `, and the ${c.geography} geography's regions ${c.geographyPrefixes}` : '';
    const verdict = c.fits
      ? 'they would fit, but they admit every Azure customer in those regions and change every week'
      : 'they cannot fit';
    return [
      {
        title: `Do not allow-list ${azureOwnerName(owner)}: use a self-hosted agent or a private endpoint`,
        steps: [
          `${c.tag} has ${c.regionPrefixes} IPv4 prefixes${geo}, against Key Vault's limit of ${RULE_LIMITS.ipv4} IPv4 rules (${c.free} left): ${verdict}. Hosted agents run anywhere in the organisation's geography.`,
          'Run the job on a self-hosted agent (or Managed DevOps Pools / scale-set agents) in a virtual network that reaches the vault through a private endpoint or a virtual-network rule; or add the agent\'s address at the start of the run and remove it at the end.',
        ],
        commands: [],
      },
    ];
  }
  return [];
}
