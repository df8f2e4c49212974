import { value } from '../../fixes/quote';
import { vaultResourceId } from '../../fixes/vault-id';
import { hostAdvice } from '../../platform/host-advice';
import type { Fix } from '../../report/schema';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';

/** App Service's Key Vault reference status for an app without a managed identity. */
const MSI_NOT_ENABLED = 'MSINotEnabled';

/** An App Service or Functions app without an identity: turn one on, then grant it the read. */
function explainReference({ facts, details, platform }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const cli = platform.host === 'functions' ? 'functionapp' : 'webapp';
  const grant = hostAdvice(platform.host === 'functions' ? platform : { ...platform, host: 'app-service' });
  const fixes: Fix[] = [
    {
      title: "Turn on the app's managed identity",
      steps: [
        'Key Vault references use the system-assigned identity, or the user-assigned identity whose resource ID is in `keyVaultReferenceIdentity`; that identity must be attached to the app.',
        cli === 'webapp' ? 'For a function app the commands are `az functionapp identity …`.' : 'The reference re-resolves when the app settings change or the app restarts.',
      ],
      commands: [
        { tool: 'az', text: `az ${cli} identity assign --resource-group <resource-group> --name <app-name>` },
        { tool: 'az', text: `az ${cli} show --resource-group <resource-group> --name <app-name> --query keyVaultReferenceIdentity --output tsv` },
      ],
    },
  ];
  if (grant) fixes.push(grant.grant(vault, vaultResourceId(facts, details), facts));
  return {
    summary: `App Service could not resolve the Key Vault reference because the app has no managed identity (status MSINotEnabled), so no token was requested and Key Vault ${vault.text} was never called.`,
    causes: [
      'The app has no system-assigned managed identity, and `keyVaultReferenceIdentity` does not name a user-assigned identity attached to it.',
      'The identity was turned off, or the app (or a deployment slot) was created without it: each slot has its own identity.',
    ],
    fixes,
  };
}

/** The managed identity endpoint has no identity with the requested client ID. */
function explainIdentityNotFound({ platform }: ExplainInput): Explanation {
  const csi = platform.host === 'aks-csi-driver';
  const causes = csi
    ? [
        'The `userAssignedIdentityID` in the SecretProviderClass is not the client ID of an identity assigned to the node pool (with `useVMManagedIdentity: "true"` the provider asks the node\'s managed identity endpoint for that client ID).',
      ]
    : [];
  causes.push(
    'The client ID the caller asked for (ManagedIdentityCredential, AZURE_CLIENT_ID, a `client_id` setting) belongs to no user-assigned identity assigned to this VM or scale set.',
    'The identity was removed from the machine, or deleted and re-created with a new client ID.',
  );
  const fixes: Fix[] = [];
  if (csi) {
    fixes.push({
      title: 'Point the SecretProviderClass at the add-on identity',
      steps: ['Set `userAssignedIdentityID` to the client ID of the identity the add-on assigned to the node pool (or of another identity you assigned to its scale set), and grant that identity the read on the vault.'],
      commands: [
        { tool: 'bash', text: 'kubectl get secretproviderclass <secretproviderclass-name> --namespace <namespace> --output yaml' },
        { tool: 'az', text: 'az aks show --resource-group <resource-group> --name <cluster-name> --query addonProfiles.azureKeyvaultSecretsProvider.identity.clientId --output tsv' },
      ],
    });
  }
  fixes.push({
    title: 'Assign the identity to the machine that calls',
    steps: ['Assign the user-assigned identity to the VM or scale set the code runs on, or ask for the client ID of one that is assigned.'],
    commands: [
      { tool: 'az', text: 'az vmss identity assign --resource-group <resource-group> --name <scale-set-name> --identities <identity-resource-id>' },
      { tool: 'az', text: 'az vm identity assign --resource-group <resource-group> --name <vm-name> --identities <identity-resource-id>' },
      { tool: 'az', text: 'az identity show --resource-group <resource-group> --name <identity-name> --query clientId --output tsv' },
    ],
  });
  return {
    summary: 'The managed identity endpoint found no identity with the client ID the caller asked for ("Identity not found"), so no token was issued and Key Vault was never called.',
    causes,
    fixes,
  };
}

// The status is a fact of the log (errorCode) or the code asked about (`kvdoctor explain MSINotEnabled`).
function isReference({ facts }: ExplainInput): boolean {
  return facts.errorCode === MSI_NOT_ENABLED || facts.innerErrorCode === MSI_NOT_ENABLED;
}

export function explainManagedIdentityMissing(input: ExplainInput): Explanation {
  return isReference(input) ? explainReference(input) : explainIdentityNotFound(input);
}
