import { ps, sh, value } from '../../fixes/quote';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';

// Managed HSM grants data-plane access only through its own local RBAC (role assignments stored in
// the HSM, at scope / or /keys or /keys/<name>); Azure RBAC on the resource and access policies grant
// none. Commands as in Microsoft's "Managed HSM role management" (az) and New-AzKeyVaultRoleAssignment.
export function explainManagedHsm({ facts }: ExplainInput): Explanation {
  const hsm = value(facts.vault, 'hsm-name');
  const key = value(facts.objectName, 'key-name');
  const principal = value(facts.objectId ?? facts.appId, 'principal-object-id');
  return {
    summary: `Managed HSM ${hsm.text} refused the request (403 Forbidden), but the client printed no response body, so the log does not say which gate refused it.`,
    causes: [
      'The caller has no local role in the HSM for this operation: managed HSM keys are governed by local RBAC assigned inside the HSM (Managed HSM Crypto User to use keys, Managed HSM Crypto Officer to manage them); Azure RBAC roles on the HSM resource (even Owner) and access policies grant no key access.',
      'A local role exists but at a scope that does not cover the key: an assignment at /keys/<key-name> covers only that key, /keys or / cover all of them.',
      "The HSM's network rules refused the caller's address (public network access disabled, or the firewall's default action Deny).",
    ],
    fixes: [
      {
        title: `See the refusal and ${hsm.text}'s local role assignments`,
        steps: ['Repeat the call with debug output from the same identity: the response body names the gate. List the caller\'s local role assignments in the HSM (these never appear under the resource\'s Access control (IAM)).'],
        commands: [
          { tool: 'az', text: `az keyvault key show --hsm-name ${sh(hsm)} --name ${sh(key)} --debug` },
          { tool: 'az', text: `az keyvault role assignment list --hsm-name ${sh(hsm)} --assignee ${sh(principal)}` },
        ],
      },
      {
        title: `Assign a local role in ${hsm.text}`,
        steps: [
          'Use Managed HSM Crypto User for key use (wrap, unwrap, sign, encrypt), Managed HSM Crypto Officer to create or delete keys; scope /keys for all keys or /keys/<key-name> for one.',
          'Local roles are data-plane assignments made inside the HSM by a Managed HSM Administrator; ARM templates and Bicep cannot create them.',
        ],
        commands: [
          { tool: 'az', text: `az keyvault role assignment create --hsm-name ${sh(hsm)} --role "Managed HSM Crypto User" --assignee ${sh(principal)} --scope /keys` },
          { tool: 'powershell', text: `New-AzKeyVaultRoleAssignment -HsmName ${ps(hsm)} -RoleDefinitionName "Managed HSM Crypto User" -ObjectId ${ps(principal)} -Scope /keys` },
        ],
      },
    ],
  };
}
