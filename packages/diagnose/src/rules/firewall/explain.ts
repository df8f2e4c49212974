import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import type { Fix } from '../../report/schema';
import { allowIpFix } from '../../fixes/ip-rule';
import { temporaryIpRuleFix } from '../../fixes/temporary-ip-rule';
import { trustedServicesFix } from '../../fixes/trusted-services';
import { value } from '../../fixes/quote';
import { az } from '../../fixes/az';
import { ownerCause, ownerFixes } from '../../network/owner-advice';
import { smallestChange } from '../../network/smallest-change';
import { hostAdvice } from '../../platform/host-advice';

const HOSTED = new Set(['microsoft-hosted', 'github-hosted', 'gitlab-hosted']);
const SECURE_BY_DEFAULT =
  'The vault was created locked down ("secure by default", or an Azure Policy that forces networkAcls.defaultAction Deny); public network access Enabled does not reopen a firewall that denies by default.';

export function explainFirewall({ facts, details, platform, serviceTags }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const ip = value(facts.clientIp, 'client-ip');
  const rg = details.resourceGroup ? value(details.resourceGroup, 'resource-group') : undefined;
  const cls = facts.clientIpClass;
  const throughVnet = cls === 'private-ipv4' || details.subnet !== undefined;
  const ipv6 = cls === 'public-ipv6' || cls === 'private-ipv6';
  const variableGroup = details.via === 'variable-group';
  const hosted = HOSTED.has(platform.agent);
  const owner = facts.clientIpOwner;
  // A hosted agent's region: its next run calls from another of the region's hundreds of prefixes.
  const azureCloud = owner?.kind === 'azure' && owner.serviceTag.startsWith('AzureCloud');
  // Only a classed address gets network advice; without one the fixes keep their placeholders.
  const change = facts.clientIp !== undefined && cls !== undefined ? smallestChange({ address: facts.clientIp, cls, owner, serviceTags }) : undefined;

  const who = facts.clientIp ? `client address ${facts.clientIp}` : 'the client address';
  const trusted = details.bypass === 'None' ? 'and trusted-service bypass is off (bypass None)' : 'and the caller is not a trusted Microsoft service';
  const summary = `The firewall of Key Vault ${vault.text} refused ${who}: it matches none of the vault's IP or virtual-network rules, ${trusted}.`;

  // A hosting service (CSI driver, App Service reference, linked service, secret scope) has its own
  // network path to the vault: its advice replaces the agent and runner advice below.
  const advice = hostAdvice(platform);
  if (advice) {
    const net = advice.network(vault, false);
    return { summary, causes: [net.cause, SECURE_BY_DEFAULT], fixes: [net.fix] };
  }

  const causes: string[] = [];
  if (owner?.kind === 'azure-devops' && facts.clientIp !== undefined) {
    causes.push(ownerCause(owner, facts.clientIp, serviceTags?.status === 'loaded'));
  } else if (variableGroup) {
    causes.push(
      "The Azure DevOps service itself read the vault to link or edit a variable group; it calls from its organisation geography's published inbound IP ranges, not from your agent, and Azure DevOps is not a trusted service.",
    );
  }
  if (throughVnet) {
    causes.push(
      `The request came through a virtual network (${details.subnet ? 'from a subnet not in the vault\'s virtual-network rules' : 'a private address'}): an IP rule can never admit it; the subnet needs a virtual-network rule with the Microsoft.KeyVault service endpoint, or the vault a private endpoint.`,
    );
  }
  if (ipv6) causes.push("The client reached the vault over IPv6: Key Vault's firewall takes IPv4 rules only, so no IP rule can admit this address.");
  if (change?.noIpRule?.because === 'not-public') {
    causes.push(`Client address ${facts.clientIp ?? ''} is not a public address (${cls ?? 'unknown class'}): the log shows an address from behind a NAT or a placeholder, not one an IP rule can admit.`);
  }
  if (owner?.kind === 'azure' && facts.clientIp !== undefined) {
    causes.push(ownerCause(owner, facts.clientIp, true));
  } else if (hosted) {
    causes.push('The job ran on a hosted agent: its public address comes from the weekly Azure datacenter ranges of its region and changes from run to run, so a rule for one address will not hold.');
  }
  if (owner?.kind === 'unknown' && facts.clientIp !== undefined) causes.push(ownerCause(owner, facts.clientIp, serviceTags?.status === 'loaded'));
  else if (!azureCloud) causes.push('The agent, runner or workstation that made the call (self-hosted agent, office egress, Terraform operator machine) is not in the vault\'s IP rules.');
  if (details.bypass === 'None') causes.push('Trusted Microsoft services cannot pass either: "Allow trusted Microsoft services to bypass this firewall" is off (bypass None).');
  causes.push(SECURE_BY_DEFAULT);
  if (!hosted && !variableGroup && owner?.kind !== 'azure' && owner?.kind !== 'azure-devops') {
    causes.push('A hosted agent or cloud service (App Service, Container Apps, AKS) called from an address that is not listed and is not a trusted service.');
  }

  const fixes: Fix[] = [];
  // Never an IP rule for a private, IPv6 or otherwise non-public address, nor a lasting one for a hosted agent's.
  if (!azureCloud && (change === undefined ? !throughVnet && !ipv6 : change.address !== undefined && !throughVnet)) fixes.push(allowIpFix(vault, ip, rg));
  if (owner !== undefined && change !== undefined) fixes.push(...ownerFixes(owner, change, vault, rg));
  if (change?.noIpRule !== undefined && change.noIpRule.because !== 'private') {
    fixes.push({ title: change.noIpRule.because === 'ipv6' ? 'Reach the vault over IPv4 or a private endpoint' : "Find the agent's public address", steps: [change.noIpRule.instead], commands: [] });
  }
  if ((variableGroup || owner?.kind === 'azure-devops') && change?.ownerRanges === undefined) {
    fixes.push({
      title: 'Allow your Azure DevOps geography\'s inbound ranges',
      steps: [
        'Azure DevOps → Organization settings → Overview: note the organisation\'s geography.',
        'Add that geography\'s published inbound IPv4 ranges to the vault firewall (for the United States, the ranges of all US regions); see "Azure DevOps allowed IP addresses".',
        'The agent that later runs the pipeline needs its own access too: a self-hosted agent\'s address, or a virtual-network rule / private endpoint.',
      ],
      commands: [],
    });
  }
  // The Azure DevOps service calls at link time, outside any run: a per-run rule cannot admit it.
  if ((hosted || platform.agent === 'unknown' || owner?.kind === 'azure') && owner?.kind !== 'azure-devops' && !throughVnet && !ipv6) fixes.push(temporaryIpRuleFix(vault, platform));
  if (throughVnet) {
    fixes.push({
      title: `Admit the agent's subnet to ${vault.text}`,
      steps: [
        'Enable the Microsoft.KeyVault service endpoint on the agent\'s subnet (it can take up to 15 minutes to take effect).',
        `Add the subnet to ${vault.text}'s virtual-network rules; or create a private endpoint for the vault in that virtual network and link the privatelink.vaultcore.azure.net DNS zone.`,
      ],
      commands: [
        { tool: 'az', text: az.subnetServiceEndpoint(value(undefined, 'vnet-resource-group'), value(undefined, 'vnet-name'), value(undefined, 'subnet-name')) },
        { tool: 'az', text: az.networkRuleAddSubnet(vault, value(undefined, 'subnet-resource-id'), rg) },
      ],
    });
  }
  fixes.push({
    title: 'Run the job where the vault can see it',
    steps: [
      'Use a self-hosted agent (or Managed DevOps Pools / scale-set agents) inside a virtual network that reaches the vault through a private endpoint or a virtual-network rule; hosted agents are not trusted services.',
    ],
    commands: [],
  });
  if (details.bypass === 'None') {
    fixes.push(trustedServicesFix(vault, rg, 'Azure DevOps, GitHub and GitLab runners are not trusted services: this does not admit a pipeline.'));
  }
  return { summary, causes, fixes };
}
