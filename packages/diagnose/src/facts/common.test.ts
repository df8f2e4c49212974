import { extractCommon } from './common';

describe('extractCommon: the vault\'s resource group', () => {
  test('comes from the Key Vault resource path, even when the subscription is hand-masked', () => {
    const text = "Resource: '/subscriptions/dXXXXXXXX01/resourcegroups/test-piyush1-rg/providers/microsoft.keyvault/vaults/test-piyush-kv-1011/secrets/7cXXXXXXXX96'";
    expect(extractCommon(text).details).toMatchObject({ resourceGroup: 'test-piyush1-rg' });
    expect(extractCommon(text).details.subscriptionId).toBeUndefined();
  });

  test('never comes from the caller\'s managed identity path', () => {
    const text =
      'Caller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;xms_mirid=/subscriptions/0b1c2d3e-0000-4000-8000-000000000001/resourcegroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-app\r\nVault: kv-x;location=eastus';
    expect(extractCommon(text).details.resourceGroup).toBeUndefined();
    expect(extractCommon(text).details.managedIdentityResourceId).toBe('/subscriptions/0b1c2d3e-0000-4000-8000-000000000001/resourcegroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-app');
  });
});

// Request lines, not error texts: the method as SDK and HTTP-client logs print it next to the URL.
describe('extractCommon: the request method', () => {
  test('is the method just before the URL ("POST https://…")', () => {
    const text = 'POST https://kv-ci.vault.azure.net/keys/cmk/4387e9f3d6e14c459867679a90fd0f79/wrapkey?api-version=7.4';
    expect(extractCommon(text).facts).toMatchObject({ requestMethod: 'POST', objectType: 'key', objectName: 'cmk' });
  });

  test("is azure-core's \"Request method: '…'\" on the line after \"Request URL: '…'\", timestamps included", () => {
    // The format of azure-core's http_logging_policy (Python SDKs) as CI logs print it.
    const text = "2025-12-22T17:42:57.3142856Z INFO:azure.core.pipeline.policies.http_logging_policy:Request URL: 'https://kv-ci.vault.azure.net/secrets/db-password?api-version=REDACTED'\n2025-12-22T17:42:57.3143072Z Request method: 'PUT'\n";
    expect(extractCommon(text).facts.requestMethod).toBe('PUT');
  });

  test('is absent when no method stands next to the URL', () => {
    expect(extractCommon('Request URL: https://kv-ci.vault.azure.net/secrets/db-password?api-version=7.4').facts.requestMethod).toBeUndefined();
    expect(extractCommon('XGET https://kv-ci.vault.azure.net/secrets/db-password').facts.requestMethod).toBeUndefined();
  });
});
