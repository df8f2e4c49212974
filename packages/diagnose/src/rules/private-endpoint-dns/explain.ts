import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import type { Fix } from '../../report/schema';
import { cloudNames, privateLink, vaultHost } from '../../fixes/private-link';
import { sh, value, type Value } from '../../fixes/quote';
import { hostAdvice } from '../../platform/host-advice';

// The matched words name the privatelink host: the client was configured with it directly.
const PRIVATELINK = /privatelink\./;

export function explainPrivateEndpointDns({ facts, details, platform }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const host = vaultHost(vault, details.cloud);
  const { zone } = cloudNames(details.cloud);
  const dnsRg: Value = { known: false, text: '<dns-zone-resource-group>' };
  const privatelinkName = details.message !== undefined && PRIVATELINK.test(details.message);

  const summary = privatelinkName
    ? `The client was pointed at the private-link name of ${vault.text} instead of ${host.text}: the token audience and the TLS certificate only work with the vault's public name, so the request failed before Key Vault saw it.`
    : `The name ${host.text} did not resolve where the job ran, so the request never reached Key Vault (this is DNS, not a permission problem).`;

  const causes: string[] = [];
  if (privatelinkName) {
    causes.push(
      `Clients must always call https://${host.text}/; private DNS makes that name a CNAME to ${vault.text}.${zone} and on to the private address. Used directly, the privatelink name breaks token audience derivation (AADSTS500011: resource https://${zone} not found) and TLS (the certificate covers *.vault.azure.net and *.vaultcore.azure.net, not *.${zone}).`,
    );
  } else {
    const resolver = hostAdvice(platform)?.resolver;
    if (resolver !== undefined) causes.push(resolver);
    causes.push(
      'The vault name is misspelled (check the URL, keyVaultName or --vault-name input), or the vault was deleted.',
      `The agent uses DNS that cannot resolve the vault: custom virtual-network or on-premises DNS servers that do not forward ${zone} (or all of vault.azure.net) to Azure DNS 168.63.129.16, for example through a DNS private resolver.`,
      `With a private endpoint, the private DNS zone ${zone} is missing, not linked to the agent's virtual network, or has no A record for the vault.`,
      'An HTTP(S) proxy resolves names for the job and cannot see the private zone: exclude .vault.azure.net with NO_PROXY so the agent resolves and connects directly.',
      'The URL uses another cloud\'s suffix (US Government vaults are <name>.vault.usgovcloudapi.net, Azure China <name>.vault.azure.cn).',
    );
  }

  const fixes: Fix[] = [];
  if (privatelinkName) {
    fixes.push({
      title: `Use https://${host.text}/ in the client configuration`,
      steps: [
        `Replace the ${zone} host with ${host.text} in the vault URL (Terraform, Helm values, SDK client, task input).`,
        'Request tokens for the resource https://vault.azure.net (scope https://vault.azure.net/.default); private DNS still routes the public name to the private endpoint.',
      ],
      commands: [],
    });
  }
  fixes.push(
    {
      title: `Resolve ${host.text} from the agent itself`,
      steps: [
        `Inside the virtual network the answer must be the alias ${vault.text}.${zone} and a private address (10.x, 172.16–31.x, 192.168.x). NXDOMAIN means a wrong name, a deleted vault or DNS that does not forward; a public address means the private zone is not used.`,
      ],
      commands: [
        { tool: 'bash', text: privateLink.nslookup(host) },
        { tool: 'bash', text: privateLink.dig(host) },
      ],
    },
    {
      title: 'Confirm the vault exists under that exact name',
      steps: ['If show fails with "not found", look for the name among deleted vaults: a deleted vault must be recovered (or purged) before its name resolves again.'],
      commands: [
        { tool: 'az', text: `az keyvault show --name ${sh(vault)} --query "{name: name, vaultUri: properties.vaultUri, publicNetworkAccess: properties.publicNetworkAccess}"` },
        { tool: 'az', text: 'az keyvault list-deleted --query "[].name"' },
      ],
    },
    {
      title: `Link the ${zone} zone to the agent's virtual network`,
      steps: [
        `The zone needs an A record named ${vault.text} with the private endpoint's address, and a virtual-network link to every network whose agents call the vault (or to the network your DNS resolver forwards from).`,
        'Custom DNS servers: add a conditional forwarder for the zone to 168.63.129.16 from inside Azure (an Azure DNS private resolver inbound endpoint for on-premises agents).',
      ],
      commands: [
        { tool: 'az', text: privateLink.dnsRecords(zone, dnsRg) },
        { tool: 'az', text: privateLink.dnsZoneCreate(zone, dnsRg) },
        { tool: 'az', text: privateLink.dnsLink(zone, dnsRg, { known: false, text: '<agent-vnet-resource-id>' }) },
      ],
    },
  );
  return { summary, causes, fixes };
}
