import { defineRule } from '../../rule-kit/define-rule';
import { HOST_DOCS } from '../../platform/host-advice';
import { findOccurrences } from '../../rule-kit/occurrences';
import { explainRbac } from './explain';
import { extractRbac } from './extract';

// The current text, the 2020 wording, and Microsoft's troubleshooting paraphrase that names the
// action inline (only for Key Vault actions, so other services' RBAC texts stay out).
const ANCHOR =
  /Caller is not authorized to perform action on resource|The operation is not allowed by RBAC|Caller is not authorized to perform action 'Microsoft\.KeyVault\/|Not authorized to access Microsoft\.KeyVault\/managedHsm\//g;
// The inner (or ARM-proxied top-level) code alone, for truncated or wrapped texts.
const SUPPORT = /ForbiddenByRbac/g;

export default defineRule({
  meta: {
    id: 'rbac',
    title: 'Azure RBAC refused the Key Vault data action',
    description:
      'The vault uses the Azure RBAC permission model and no role assignment (at vault, resource group or subscription scope) grants the caller the data action it attempted; or a deny assignment blocks it.',
    severity: 'error',
    since: '0.1.0',
    rank: 40,
    codes: ['ForbiddenByRbac', 'DeniedWithNoValidRBAC'],
    docs: [
      { title: 'Provide access to Key Vault keys, certificates, and secrets with Azure RBAC', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-guide' },
      { title: 'Troubleshooting Azure Key Vault access policy and RBAC issues', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/troubleshooting-access-issues' },
      { title: 'Azure built-in roles for Security (Key Vault data-plane roles)', url: 'https://learn.microsoft.com/en-us/azure/role-based-access-control/built-in-roles/security' },
      { title: 'Access a private key vault from your pipeline (service connection permissions)', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access' },
      ...HOST_DOCS,
    ],
  },
  // Managed HSM's local RBAC says "(AccessDenied) Not authorized to access Microsoft.KeyVault/managedHsm/…".
  markers: ['ForbiddenByRbac', 'Caller is not authorized to perform action', 'not allowed by RBAC', 'Not authorized to access Microsoft.KeyVault/managedHsm/'],
  match: (window) =>
    findOccurrences(window, {
      anchor: ANCHOR,
      support: SUPPORT,
      extract: (block) => extractRbac(block),
    }),
  explain: explainRbac,
});
