import { defineRule } from '../../rule-kit/define-rule';
import { HOST_DOCS } from '../../platform/host-advice';
import { findOccurrences } from '../../rule-kit/occurrences';
import type { Occurrence } from '../../rule-kit/rule';
import type { Window } from '../../rule-kit/window';
import { explainForbiddenWithoutReason, SECURE_KEY_RELEASE } from './explain';

// Track-1 clients (Microsoft.Azure.KeyVault, Az PowerShell before the body was printed) throw only
// the status; every other Microsoft track-1 SDK (Power BI, ARM) throws the same words, so only Key
// Vault context around the line makes it this family's.
// App Service and Functions report a refused Key Vault reference only as the status
// AccessToKeyVaultDenied, which names no gate either.
// The confidential-containers secure key release sidecar prints only the status of a refused
// release, against a vault or a managed HSM ("AKV").
// A Databricks Key Vault-backed secret scope reports a refused read as INVALID_STATE with only the
// vault's address.
const ANCHOR =
  /Operation returned an invalid status code '?Forbidden'?|\bAccessToKeyVaultDenied\b|AKV response body failed: http response status equal to 403 Forbidden|Databricks could not access keyvault/g;
const SKR = /AKV response body failed/;
const KEY_VAULT_CONTEXT = /KeyVault|Key Vault|keyvault|\.vault\.azure\.net|\bAKV\b|\.managedhsm\.azure\.net/;
// Setting an access policy makes fluent SDKs call Microsoft Graph; Graph's 403 is not the vault's.
const GRAPH = /graph\.windows\.net|graph\.microsoft\.com|Authorization_RequestDenied/;

function withKeyVaultContext(window: Window, occurrences: readonly Occurrence[]): Occurrence[] {
  return occurrences.filter((o) => {
    // The request that failed (a Graph URL, its odata.error) is often printed well after the status.
    return KEY_VAULT_CONTEXT.test(window.slice(o.from, o.to)) && !GRAPH.test(window.slice(o.from, o.anchor + 30));
  });
}

export default defineRule({
  meta: {
    id: 'forbidden-without-reason',
    title: 'Key Vault answered 403 Forbidden, but the client printed no reason',
    description:
      'A Key Vault call was refused with 403 and the client printed only the status, not the response body that names the gate (firewall, RBAC, access policy, disabled object). This finding says how to see the body and what each likely cause needs.',
    severity: 'error',
    since: '0.1.0',
    rank: 95,
    codes: ['AccessToKeyVaultDenied'],
    // Generic: any family that reads the real body of the same error explains it better.
    wrapper: true,
    docs: [
      { title: 'Troubleshooting Azure Key Vault access issues', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/troubleshooting-access-issues' },
      { title: 'Azure Key Vault REST API error codes', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/rest-error-codes' },
      { title: 'Azure Key Vault logging (AuditEvent)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/logging' },
      ...HOST_DOCS,
    ],
  },
  markers: ["invalid status code 'Forbidden'", 'invalid status code Forbidden', 'AccessToKeyVaultDenied', 'AKV response body failed', 'could not access keyvault'],
  match: (window) =>
    withKeyVaultContext(
      window,
      findOccurrences(window, {
        anchor: ANCHOR,
        before: 4,
        after: 6,
        confidence: 'low',
        extract: (_block, anchorText) => (SKR.test(anchorText) ? { details: { message: SECURE_KEY_RELEASE } } : undefined),
      }),
    ),
  explain: explainForbiddenWithoutReason,
});
