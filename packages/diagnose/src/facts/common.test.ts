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
