import type { Details } from '../../report/schema';
import { HOST_DOCS } from '../../platform/host-advice';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { explainFirewall } from './explain';

// Service texts (bypass AzureServices / None), the docs' paraphrases, and the portal banner.
const ANCHOR =
  /Client address (?:\(\S{1,45}\) )?is(?:n't| not) authorized and caller (?:is(?:n't| not) a trusted service|was ignored because bypass is set to None)|Firewall is turned on and your client IP address is not authorized to access this key vault/g;
const SUPPORT = /ForbiddenByFirewall/g;
const BYPASS_NONE = /bypass is set to None/;
const TRUSTED = /caller is(?:n't| not) a trusted service/;
const UNKNOWN_SUBNET = /Client address: \S{1,45} from unknown subnet/;

export default defineRule({
  meta: {
    id: 'firewall',
    title: 'Key Vault firewall refused the client address',
    description:
      "The vault's firewall (networkAcls.defaultAction Deny) refused the request: the client address is in none of its IP or virtual-network rules, and the caller is not a trusted Microsoft service.",
    severity: 'error',
    since: '0.1.0',
    rank: 20,
    codes: ['ForbiddenByFirewall'],
    docs: [
      { title: 'Configure Azure Key Vault networking settings', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security' },
      { title: 'Virtual network service endpoints for Azure Key Vault (trusted services)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/overview-vnet-service-endpoints' },
      { title: 'Access a private key vault from your pipeline', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access' },
      { title: 'Azure DevOps allowed IP addresses (inbound connections)', url: 'https://learn.microsoft.com/en-us/azure/devops/organizations/security/allow-list-ip-url#inbound-connections' },
      ...HOST_DOCS,
    ],
  },
  markers: ['ForbiddenByFirewall', 'Client address', 'client IP address is not authorized'],
  match: (window) =>
    findOccurrences(window, {
      anchor: ANCHOR,
      support: SUPPORT,
      extract: (block) => {
        const details: Details = {};
        if (BYPASS_NONE.test(block)) details.bypass = 'None';
        else if (TRUSTED.test(block)) details.bypass = 'AzureServices';
        if (UNKNOWN_SUBNET.test(block)) details.subnet = 'unknown subnet';
        return { details };
      },
    }),
  explain: explainFirewall,
});
