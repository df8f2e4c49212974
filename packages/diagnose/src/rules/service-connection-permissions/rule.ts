import type { Facts } from '../../report/schema';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { explainServiceConnection } from './explain';

// The variable-group banner ("Get, List" in quotes), AzureKeyVault@2's AccessDeniedError and the
// 2017 V1 wording ("Specified Azure endpoint").
const ANCHOR = /[Ss]pecified Azure (?:service connection|endpoint) needs to have "?Get, List"? secret management permissions/g;
// AzureKeyVault@2 writes `<secret name>: "<message>. The specified …"`.
const TASK_SECRET = /^([A-Za-z0-9-]{1,127}): "/;

export default defineRule({
  meta: {
    id: 'service-connection-permissions',
    title: 'Azure DevOps says the service connection needs "Get, List" on the vault',
    description:
      'Azure DevOps (the AzureKeyVault task on any HTTP 403, or a Key Vault-linked variable group) reports that the service connection lacks Get and List secret permissions; the real cause is the Key Vault refusal it wraps, which may be the firewall, Azure RBAC or an access policy.',
    severity: 'error',
    since: '0.1.0',
    rank: 90,
    wrapper: true,
    codes: ['AccessDeniedError'],
    docs: [
      { title: 'Access a private key vault from your pipeline', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access' },
      { title: 'AzureKeyVault@2 task reference', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/tasks/reference/azure-key-vault-v2' },
      { title: 'Variable groups (link secrets from an Azure key vault)', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/library/variable-groups' },
    ],
  },
  markers: ['Get, List'],
  match: (window) =>
    findOccurrences(window, {
      anchor: ANCHOR,
      before: 3,
      after: 3,
      extract: (_block, anchorText) => {
        const name = TASK_SECRET.exec(anchorText)?.[1];
        const facts: Facts = name ? { objectType: 'secret', objectName: name } : {};
        return { facts };
      },
    }),
  explain: explainServiceConnection,
});
