import type { Details, Fix, Platform } from '../../report/schema';
import { ps, sh, type Value } from '../../fixes/quote';

const RESOURCES: Readonly<Record<NonNullable<Details['cloud']>, string>> = {
  public: 'https://vault.azure.net',
  china: 'https://vault.azure.cn',
  usgov: 'https://vault.usgovcloudapi.net',
  germany: 'https://vault.microsoftazure.de',
};

// A managed HSM accepts only tokens for its own resource, never the vaults' one.
const HSM_RESOURCES: Readonly<Record<NonNullable<Details['cloud']>, string>> = {
  public: 'https://managedhsm.azure.net',
  china: 'https://managedhsm.azure.cn',
  usgov: 'https://managedhsm.usgovcloudapi.net',
  // Azure Germany (closed) never offered managed HSMs.
  germany: 'https://managedhsm.azure.net',
};

/** Key Vault's token resource: the audience the service said it expects, else the vault's (or managed HSM's) cloud. */
export function keyVaultResource(expected: string | undefined, cloud: Details['cloud'], managedHsm = false): string {
  if (expected) return expected.replace(/\/{1,8}$/, '');
  return (managedHsm ? HSM_RESOURCES : RESOURCES)[cloud ?? 'public'];
}

export function tenantFix(tenant: Value, platform: Platform): Fix {
  const commands: Fix['commands'] = [
    { tool: 'az', text: `az login --tenant ${sh(tenant)}` },
    { tool: 'bash', text: `export AZURE_TENANT_ID=${sh(tenant)}` },
    { tool: 'powershell', text: `Connect-AzAccount -Tenant ${ps(tenant)}` },
  ];
  if (platform.ci === 'github-actions') {
    commands.push({
      tool: 'github-actions',
      text: ['- uses: azure/login@v2', '  with:', '    client-id: ${{ secrets.AZURE_CLIENT_ID }}', `    tenant-id: ${tenant.text}`, '    subscription-id: ${{ secrets.AZURE_SUBSCRIPTION_ID }}'].join('\n'),
    });
  }
  return {
    title: `Get the token from the vault's tenant ${tenant.text}`,
    steps: [
      'Sign in to the tenant that owns the vault (the vault\'s tenantId), not your home tenant; for a service principal or managed identity, use one registered in that tenant.',
      'DefaultAzureCredential takes the first credential that works (often az or Visual Studio signed in to the home tenant): set AZURE_TENANT_ID, or pass the tenant in the credential options.',
      'Azure DevOps: the service connection\'s Tenant ID must be the vault\'s tenant; a multitenant app also needs a service principal (admin consent) in that tenant.',
    ],
    commands,
  };
}

export function movedVaultFix(): Fix {
  return {
    title: 'If the subscription moved to another tenant, update the vault',
    steps: [
      'A vault keeps its old tenantId when its subscription moves to another Microsoft Entra directory; every token from the new tenant then fails with AKV10032.',
      'Update the vault\'s tenant ID to the new directory and re-create its access policies or role assignments (Microsoft Learn: "Moving a key vault to a different subscription").',
    ],
    commands: [],
  };
}

export function audienceFix(resource: string): Fix {
  const encoded = encodeURIComponent(resource);
  return {
    title: `Request the token for ${resource}`,
    steps: [
      `Ask for the Key Vault resource ${resource} (scope ${resource}/.default), not the vault's own URL, Azure Resource Manager (https://management.azure.com/) or an spn: identifier.`,
      'Sovereign clouds have their own resource: https://vault.azure.cn (China), https://vault.usgovcloudapi.net (US Government).',
    ],
    commands: [
      { tool: 'az', text: `az account get-access-token --resource ${resource} --query accessToken -o tsv` },
      { tool: 'powershell', text: `Get-AzAccessToken -ResourceUrl ${resource}` },
      { tool: 'bash', text: `curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encoded}"` },
    ],
  };
}

export function missingTokenFix(resource: string): Fix {
  return {
    title: 'Send a Key Vault token with the request',
    steps: [
      'Az PowerShell signed in with -AccessToken has no Key Vault token: pass one with -KeyVaultAccessToken.',
      'A proxy, gateway or redirect that drops the Authorization header, or a credential that returned an empty token, causes the same 401.',
    ],
    commands: [
      { tool: 'az', text: `az account get-access-token --resource ${resource} --query accessToken -o tsv` },
      { tool: 'powershell', text: 'Connect-AzAccount -AccessToken $armToken -KeyVaultAccessToken $kvToken -AccountId <account-id>' },
    ],
  };
}

export function signingKeyFix(): Fix {
  return {
    title: 'Retry with a fresh token',
    steps: [
      'AKV10046 comes from the service\'s cache of token-signing keys and is usually transient: retry with backoff and, if it persists, sign in again to get a new token.',
      'If one region keeps failing, open a support case with the x-ms-request-id, the time and the vault name.',
    ],
    commands: [],
  };
}
