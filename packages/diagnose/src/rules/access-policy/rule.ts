import { extractRequest } from '../../facts/request-url';
import { HOST_DOCS } from '../../platform/host-advice';
import { defineRule } from '../../rule-kit/define-rule';
import { inLineOrder } from '../../rule-kit/occurrence-lists';
import { findOccurrences } from '../../rule-kit/occurrences';
import type { Occurrence } from '../../rule-kit/rule';
import type { Window } from '../../rule-kit/window';
import { explainAccessPolicy } from './explain';
import { extractAccessPolicy } from './extract';

// Current wording, the ≤2020 wordings, the OBO (compound identity) refusal, and Az PowerShell's
// warning that a new vault has no access policy at all.
const ANCHOR =
  /does not have (?:secrets|keys|certificates|storage) [A-Za-z]{1,40} permission on key vault|does not have [a-z]{1,20} permissions for (?:secrets|keys|certificates) within Key Vault|Caller was not found on any access policy|Operation is not allowed\.\s{0,4}Operation: "|to use on-behalf-of \(OBO\) flow|Access policy is not set\. No user or application have access permission/g;
// The inner error code alone ("Access denied" with InnerError AccessDenied, truncated bodies).
const SUPPORT =
  /(?:"inner_?error"\s?:\s?\{\s{0,40}"code"\s?:\s?"|InnerError=\{"code":"|Inner error: \{\s{0,40}"code": ")(?:AccessDenied|ForbiddenByPolicy)"/gi;

// Before 2019 the service said only "Access denied" (no inner code) when the caller had no policy
// entry; "Access denied" alone is far too common, so it counts only in a Key Vault client's words.
const LEGACY = /Message="Access denied"|KeyVaultErrorException: Access denied\b|"message"\s?:\s?"Access denied\.?"/g;
const KEY_VAULT_CLIENT = /keyvault\.BaseClient#|KeyVaultErrorException|Microsoft\.Azure\.KeyVault|\.vault\.azure\.net/;

function legacy(window: Window, current: readonly Occurrence[]): Occurrence[] {
  return findOccurrences(window, { anchor: LEGACY, confidence: 'medium', extract: (block) => extractAccessPolicy(block, extractRequest(block).objectType) }).filter(
    (o) => KEY_VAULT_CLIENT.test(window.slice(o.from, o.to)) && !current.some((c) => o.anchor >= c.from && o.anchor <= c.to),
  );
}

export default defineRule({
  meta: {
    id: 'access-policy',
    title: 'Key Vault access policy does not grant the permission',
    description:
      'The vault uses the access-policy permission model and no access-policy entry grants the caller the permission it used (AccessDenied), an entry exists without it or demands on-behalf-of flow (ForbiddenByPolicy), or the vault has no access policy at all.',
    severity: 'error',
    since: '0.1.0',
    rank: 41,
    codes: ['AccessDenied', 'ForbiddenByPolicy'],
    docs: [
      { title: 'Assign a Key Vault access policy (legacy)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/assign-access-policy' },
      { title: 'Troubleshooting Azure Key Vault access policy issues', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/troubleshooting-access-issues' },
      { title: 'Azure Key Vault REST API error codes (403 and compound identity)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/rest-error-codes' },
      { title: 'Migrate to Azure role-based access control', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-migration' },
      ...HOST_DOCS,
    ],
  },
  markers: ['permission on key vault', 'not found on any access policy', 'Operation is not allowed', 'on-behalf-of', 'Access policy is not set', 'AccessDenied', 'ForbiddenByPolicy', 'Access denied', 'within Key Vault'],
  match: (window) => {
    const current = findOccurrences(window, {
      anchor: ANCHOR,
      support: SUPPORT,
      extract: (block) => extractAccessPolicy(block, extractRequest(block).objectType),
    });
    return inLineOrder(current, legacy(window, current));
  },
  explain: explainAccessPolicy,
});
