import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import type { Fix } from '../../report/schema';
import { az } from '../../fixes/az';
import { powershell } from '../../fixes/powershell';
import { cloudNames, privateLink, vaultHost } from '../../fixes/private-link';
import { bicepString, hclString, value, type Value } from '../../fixes/quote';
import { trustedServicesFix } from '../../fixes/trusted-services';
import { vaultResourceId } from '../../fixes/vault-id';
import { hostAdvice } from '../../platform/host-advice';

/** The Azure CLI's own first-party application: a person signed in with `az login`, never a pipeline identity. */
export const AZURE_CLI_APP_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

const HOSTED = new Set(['microsoft-hosted', 'github-hosted', 'gitlab-hosted']);

const PRIVATE_ONLY = 'IP rules and virtual-network (service endpoint) rules are ignored while public network access is Disabled: adding the agent\'s address or subnet does not help.';

function connectionFix(vault: Value, zone: string): Fix {
  return {
    title: `Check ${vault.text}'s private endpoint connection and its DNS record`,
    steps: [
      'The connection must be Approved (and provisioning Succeeded).',
      `The zone ${zone} needs an A record named after the vault pointing at the endpoint's private address, and a virtual-network link to the agent's network.`,
    ],
    commands: [
      { tool: 'az', text: privateLink.connections(vault) },
      { tool: 'az', text: privateLink.dnsRecords(zone, { known: false, text: '<dns-zone-resource-group>' }) },
      { tool: 'az', text: privateLink.dnsLink(zone, { known: false, text: '<dns-zone-resource-group>' }, { known: false, text: '<agent-vnet-resource-id>' }) },
    ],
  };
}

function reopenFix(vault: Value): Fix {
  // The resource group is left to az: a group found in the message may be the caller's, not the vault's.
  const cidr: Value = { known: false, text: '<client-ip>/32' };
  return {
    title: `Or re-enable public access to ${vault.text}, behind its firewall`,
    steps: [
      'Only if a private-endpoint-only vault is not a requirement: turn public network access back on and keep the firewall denying by default, so only the addresses you list get in.',
      'This is a control-plane change, so it works from outside the network; add the runner\'s address afterwards (hosted runners change address every run).',
      'An Azure Policy with a Modify or Deny effect on Key Vault public network access can block or revert this: check Policy → Compliance for the vault first.',
    ],
    commands: [
      { tool: 'az', text: az.publicAccessEnabledDeny(vault) },
      { tool: 'az', text: az.networkRuleAddIp(vault, { known: false, text: '<client-ip>' }) },
      { tool: 'powershell', text: powershell.publicAccessEnabled(vault) },
      {
        tool: 'bicep',
        text: `properties: {\n  publicNetworkAccess: 'Enabled'\n  networkAcls: {\n    defaultAction: 'Deny'\n    bypass: 'AzureServices'\n    ipRules: [\n      { value: ${bicepString(cidr)} }\n    ]\n  }\n}`,
      },
      {
        tool: 'terraform',
        text: `resource "azurerm_key_vault" "this" {\n  # …\n  public_network_access_enabled = true\n  network_acls {\n    default_action = "Deny"\n    bypass         = "AzureServices"\n    ip_rules       = [${hclString(cidr)}]\n  }\n}`,
      },
    ],
  };
}

export function explainPublicNetworkDisabled({ facts, details, platform }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const host = vaultHost(vault, details.cloud);
  const { zone } = cloudNames(details.cloud);
  const bypassOff = details.bypass === 'None';
  const hosted = HOSTED.has(platform.agent);

  const summary = `Key Vault ${vault.text} has public network access disabled, and this request did not arrive through an approved private endpoint${bypassOff ? ' (trusted-service bypass is off as well)' : ''}.`;

  // A hosting service (CSI driver, App Service reference, linked service, secret scope) has its own
  // path to a private endpoint, or passes as a trusted service: its advice replaces the agent advice.
  const advice = hostAdvice(platform);
  if (advice) {
    const net = advice.network(vault, true);
    return { summary, causes: [net.cause, PRIVATE_ONLY], fixes: [net.fix, connectionFix(vault, zone)] };
  }

  const causes: string[] = [];
  if (facts.appId === AZURE_CLI_APP_ID) {
    causes.push(
      `The caller's appid ${AZURE_CLI_APP_ID} is the Azure CLI itself: a person signed in with \`az login\` (or Terraform/azd using Azure CLI authentication) made this call, not the pipeline's service principal or managed identity, so it came from a workstation or agent outside the vault's network.`,
    );
  }
  if (details.managedIdentityResourceId) {
    causes.push(
      `The caller is the managed identity of ${details.managedIdentityResourceId}: that service is not on Key Vault's trusted-services list (Container Apps, AKS and App Service apps are not), so it needs a private endpoint path like any other client.`,
    );
  }
  causes.push(
    `${hosted ? 'The job ran on a hosted agent, which is never inside your network' : 'The job ran outside the vault\'s virtual network (a Microsoft-hosted agent, a GitHub- or GitLab-hosted runner, a workstation)'}: with public network access Disabled only traffic through an approved private endpoint is admitted.`,
    `The agent is inside the network but ${host.text} resolves to the public address: the private DNS zone ${zone} is missing, not linked to the agent's virtual network, has no A record for the vault, or custom DNS does not forward to Azure DNS.`,
    'The private endpoint connection is Pending or Rejected, or sits in a virtual network the agent cannot route to (no peering); a rejected connection cannot be approved, create a new one.',
    PRIVATE_ONLY,
    bypassOff
      ? 'Trusted Microsoft services are refused as well: bypass is not AzureServices.'
      : 'Without a private endpoint only trusted Microsoft services pass (and only with bypass AzureServices); Azure DevOps, GitHub and GitLab runners are not trusted services.',
    'An Azure Policy with a Modify effect can switch public access off after deployment, even in the middle of a Terraform apply.',
  );

  const fixes: Fix[] = [
    {
      title: 'Run the job where the private endpoint is reachable',
      steps: [
        'Use a self-hosted agent or runner (or Managed DevOps Pools / scale-set agents) in the vault\'s virtual network or one peered with it, using DNS that resolves the private zone.',
        `From that agent, ${host.text} must resolve through the alias ${vault.text}.${zone} to a private address (10.x, 172.16–31.x, 192.168.x).`,
      ],
      commands: [{ tool: 'bash', text: privateLink.nslookup(host) }],
    },
    connectionFix(vault, zone),
    {
      title: `Create a private endpoint for ${vault.text} if it has none`,
      steps: [
        'Create it in the agent\'s virtual network (or one peered with it) with target sub-resource "vault", then approve the connection if it was requested manually.',
        'The subscription that holds the endpoint must have the Microsoft.KeyVault provider registered, or approval fails with AuthorizationFailed.',
      ],
      commands: [
        { tool: 'az', text: privateLink.registerProvider() },
        { tool: 'az', text: privateLink.endpointCreate(vaultResourceId(facts, {}), undefined) },
        { tool: 'az', text: privateLink.approve(vault, undefined) },
      ],
    },
    reopenFix(vault),
  ];
  if (bypassOff) {
    fixes.push(trustedServicesFix(vault, undefined, 'Azure DevOps, GitHub and GitLab runners, AKS and Container Apps are not trusted services: this does not admit a pipeline.'));
  }
  return { summary, causes, fixes };
}
