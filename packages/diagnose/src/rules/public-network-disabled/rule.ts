import type { Details } from '../../report/schema';
import { HOST_DOCS } from '../../platform/host-advice';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { explainPublicNetworkDisabled } from './explain';

// The 2022–2025 text and the 2025+ text; both carry innererror ForbiddenByConnection. Anchored on
// their first words only, so terminal wrapping inside the sentence does not lose the match.
const ANCHOR = /Public network access is disabled and request is not from a trusted service|Connection is not an approved private link/g;
const SUPPORT = /ForbiddenByConnection/g;
// Only the newer text says why trusted services were refused too.
const BYPASS_NOT_AZURE = /bypass is not set to 'AzureServices'/;

export default defineRule({
  meta: {
    id: 'public-network-disabled',
    title: 'Key Vault public network access is disabled',
    description:
      'The vault has public network access Disabled (private endpoint only): Key Vault admits only requests that arrive through an approved private endpoint, plus trusted Microsoft services when bypass is AzureServices. IP and virtual-network rules do not apply.',
    severity: 'error',
    since: '0.1.0',
    rank: 10,
    codes: ['ForbiddenByConnection'],
    docs: [
      { title: 'Configure Azure Key Vault networking settings', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security' },
      { title: 'Integrate Key Vault with Azure Private Link', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/private-link-service' },
      { title: 'Diagnose private links configuration issues on Azure Key Vault', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/private-link-diagnostics' },
      { title: 'Access a private key vault from your pipeline', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access' },
      ...HOST_DOCS,
    ],
  },
  markers: ['ForbiddenByConnection', 'Public network access is disabled', 'not an approved private link'],
  match: (window) =>
    findOccurrences(window, {
      anchor: ANCHOR,
      support: SUPPORT,
      extract: (block) => {
        const details: Details = {};
        if (BYPASS_NOT_AZURE.test(block)) details.bypass = 'None';
        return { details };
      },
    }),
  explain: explainPublicNetworkDisabled,
});
