import { az } from '../../fixes/az';
import { powershell } from '../../fixes/powershell';
import { value } from '../../fixes/quote';
import { vaultResourceId } from '../../fixes/vault-id';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';

export function explainForbiddenWithoutReason({ facts, details }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const secret = value(facts.objectName, 'secret-name');
  const app = value(facts.appId, 'app-id');
  return {
    summary: `Key Vault ${vault.text} refused the request (403 Forbidden), but the client printed no response body, so the log does not say which gate refused it.`,
    causes: [
      'The caller has no access-policy entry with the permission it used: the usual cause with track-1 SDKs and Az PowerShell, which mostly met vaults that use access policies.',
      'The vault uses Azure RBAC and the caller has no data-plane role (Owner and Contributor grant none; reading secrets needs Key Vault Secrets User).',
      "The vault's firewall, or disabled public network access, refused the caller's address.",
      'The object is disabled.',
      'For an App Service or Functions Key Vault reference (AccessToKeyVaultDenied): the app\'s managed identity lacks the permission, or the vault\'s network rules do not admit the app (a Consumption plan has no virtual-network integration, and App Service is not a trusted service for references).',
    ],
    fixes: [
      {
        title: 'See the refusal itself',
        steps: [
          'Repeat the call from the same agent and identity with debug output: the response body names the gate (ForbiddenByFirewall, ForbiddenByConnection, ForbiddenByRbac, AccessDenied, SecretDisabled); paste that into kvdoctor.',
          'Or move to the current SDK (Azure.Security.KeyVault.Secrets, @azure/keyvault-secrets, azure-keyvault-secrets), whose errors print the body; or read the vault\'s AuditEvent diagnostic logs.',
        ],
        commands: [
          { tool: 'az', text: `az keyvault secret show --vault-name ${vault.text} --name ${secret.text} --debug` },
          { tool: 'az', text: az.showNetwork(vault) },
        ],
      },
      {
        title: 'Grant the permission in the vault\'s permission model',
        steps: ['If the vault uses access policies (enableRbacAuthorization false), add a policy; if it uses Azure RBAC, assign a data-plane role. The az keyvault show command above tells which.'],
        commands: [
          { tool: 'az', text: az.setPolicy(vault, '--spn', app, 'secret', ['get', 'list']) },
          { tool: 'powershell', text: powershell.setPolicy(vault, '-ServicePrincipalName', app, '-PermissionsToSecrets', ['get', 'list']) },
          { tool: 'az', text: az.roleAssign('Key Vault Secrets User', app, vaultResourceId(facts, details)) },
        ],
      },
    ],
  };
}
