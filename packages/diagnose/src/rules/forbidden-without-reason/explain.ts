import { az } from '../../fixes/az';
import { powershell } from '../../fixes/powershell';
import { value, type Value } from '../../fixes/quote';
import { vaultResourceId } from '../../fixes/vault-id';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import { hostAdvice } from '../../platform/host-advice';
import { explainManagedHsm } from './managed-hsm';

/** `details.message` of a refused secure key release (the confidential-containers SKR sidecar). */
export const SECURE_KEY_RELEASE = 'A secure key release was refused.';

const SKR_TROUBLESHOOTING = 'https://github.com/microsoft/confidential-sidecar-containers/blob/main/examples/skr/TROUBLESHOOTING.md';

/** A release refused by the key's release policy or by the identity's key roles: the sidecar prints neither. */
function explainKeyRelease({ facts, details }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const key = value(facts.objectName, 'key-name');
  const identity = value(facts.objectId, 'managed-identity-object-id');
  return {
    summary: `The key vault or managed HSM refused to release key ${key.text} (403 Forbidden); the secure key release sidecar printed only the status.`,
    causes: [
      "The key's release policy did not accept the container's attestation: the confidential container's security policy changed (a new ARM template or image) and its hash no longer matches the `x-ms-sevsnpvm-hostdata` claim the policy was imported with.",
      'The managed identity the sidecar uses lacks the key roles: Key Vault Crypto Officer and Key Vault Crypto User on a key vault, or the Managed HSM Crypto Officer and Crypto User local roles for keys on a managed HSM (managed HSM roles are granted inside the HSM, not with Azure RBAC).',
      "The vault's or HSM's network rules refused the container's address.",
    ],
    fixes: [
      {
        title: "Match the key's release policy to the container's security policy",
        steps: [
          'Re-run the confidential containers policy generation whenever the ARM template changes, put the new policy hash in `x-ms-sevsnpvm-hostdata` of importkeyconfig.json, and import the key again with that release policy.',
          `Compare the key's release policy with the attestation claims the container presents (see ${SKR_TROUBLESHOOTING}).`,
        ],
        commands: [
          { tool: 'az', text: `az keyvault key show --vault-name ${vault.text} --name ${key.text} --query releasePolicy` },
          { tool: 'az', text: `az keyvault key show --hsm-name <hsm-name> --name ${key.text} --query releasePolicy` },
        ],
      },
      {
        title: 'Give the sidecar\'s managed identity the key roles',
        steps: ['On a key vault these are Azure RBAC roles at the vault; on a managed HSM they are local roles, assigned inside the HSM at scope /keys.'],
        commands: [
          { tool: 'az', text: az.roleAssign('Key Vault Crypto User', identity, vaultResourceId(facts, details)) },
          { tool: 'az', text: `az keyvault role assignment create --hsm-name <hsm-name> --role "Managed HSM Crypto User" --assignee ${identity.text} --scope /keys` },
        ],
      },
    ],
  };
}

export function explainForbiddenWithoutReason(input: ExplainInput): Explanation {
  if (input.details.message === SECURE_KEY_RELEASE) return explainKeyRelease(input);
  // A managed HSM has neither access policies nor Azure RBAC data roles: its own causes and fixes.
  if (input.details.managedHsm === true) return explainManagedHsm(input);
  const { facts, details } = input;
  const vault = value(facts.vault, 'vault-name');
  const secret = value(facts.objectName, 'secret-name');
  const app = value(facts.appId, 'app-id');
  const scope = vaultResourceId(facts, details);
  const generic = genericExplanation(vault, secret, app, scope);
  // A hosting service (an App Service reference's AccessToKeyVaultDenied, the CSI driver) names
  // neither gate: its identity and its network path are the two things to check.
  const advice = hostAdvice(input.platform);
  if (!advice) return generic;
  // The host's identity and network advice replace the generic grant and the App Service guess.
  const net = advice.network(vault, false);
  const [see] = generic.fixes;
  return {
    summary: generic.summary,
    causes: [advice.caller, net.cause, ...generic.causes.filter((c) => c !== APP_SERVICE_REFERENCE)],
    fixes: [...(see ? [see] : []), advice.grant(vault, scope, facts), net.fix],
  };
}

const APP_SERVICE_REFERENCE =
  "For an App Service or Functions Key Vault reference (AccessToKeyVaultDenied): the app's managed identity lacks the permission, or the vault's network rules do not admit the app (a Consumption plan has no virtual-network integration, and App Service is not a trusted service for references).";

function genericExplanation(vault: Value, secret: Value, app: Value, scope: Value): Explanation {
  return {
    summary: `Key Vault ${vault.text} refused the request (403 Forbidden), but the client printed no response body, so the log does not say which gate refused it.`,
    causes: [
      'The caller has no access-policy entry with the permission it used: the usual cause with track-1 SDKs and Az PowerShell, which mostly met vaults that use access policies.',
      'The vault uses Azure RBAC and the caller has no data-plane role (Owner and Contributor grant none; reading secrets needs Key Vault Secrets User).',
      "The vault's firewall, or disabled public network access, refused the caller's address.",
      'The object is disabled.',
      APP_SERVICE_REFERENCE,
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
          { tool: 'az', text: az.roleAssign('Key Vault Secrets User', app, scope) },
        ],
      },
    ],
  };
}
