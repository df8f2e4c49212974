/**
 * `az keyvault show` output, real-shaped: az prints ARM's vault body with items flattened the way
 * its Python SDK models them, a top-level `resourceGroup`, and `null` for unset fields.
 */

/** Microsoft's REST example for Vaults - Get (2023-07-01) as az prints it (networkAcls unset → null). */
export const SAMPLE_VAULT = {
  source: 'https://github.com/Azure/azure-rest-api-specs/blob/f005270b22d59ecc33c96d248543f069c9f75f5e/specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/getVault.json',
  json: `{
  "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/sample-resource-group/providers/Microsoft.KeyVault/vaults/sample-vault",
  "location": "westus",
  "name": "sample-vault",
  "properties": {
    "accessPolicies": [
      {
        "applicationId": null,
        "objectId": "00000000-0000-0000-0000-000000000000",
        "permissions": {
          "certificates": ["get", "list", "delete", "create", "import", "update", "managecontacts", "getissuers", "listissuers", "setissuers", "deleteissuers", "manageissuers", "recover", "purge"],
          "keys": ["encrypt", "decrypt", "wrapKey", "unwrapKey", "sign", "verify", "get", "list", "create", "update", "import", "delete", "backup", "restore", "recover", "purge"],
          "secrets": ["get", "list", "set", "delete", "backup", "restore", "recover", "purge"],
          "storage": null
        },
        "tenantId": "00000000-0000-0000-0000-000000000000"
      }
    ],
    "createMode": null,
    "enablePurgeProtection": null,
    "enableRbacAuthorization": null,
    "enableSoftDelete": null,
    "enabledForDeployment": true,
    "enabledForDiskEncryption": true,
    "enabledForTemplateDeployment": true,
    "hsmPoolResourceId": "00000000-0000-0000-0000-000000000000",
    "networkAcls": null,
    "privateEndpointConnections": null,
    "provisioningState": "Succeeded",
    "publicNetworkAccess": "Enabled",
    "sku": { "family": "A", "name": "standard" },
    "softDeleteRetentionInDays": null,
    "tenantId": "00000000-0000-0000-0000-000000000000",
    "vaultUri": "https://sample-vault.vault.azure.net"
  },
  "resourceGroup": "sample-resource-group",
  "systemData": {
    "createdAt": "2020-01-01T12:00:00+00:00",
    "createdBy": "keyVaultUser1",
    "createdByType": "User",
    "lastModifiedAt": "2020-01-01T12:00:00+00:00",
    "lastModifiedBy": "keyVaultUser2",
    "lastModifiedByType": "User"
  },
  "tags": {},
  "type": "Microsoft.KeyVault/vaults"
}`,
};

/** The seed blog's vault behind a firewall, in the field order and casing of azure-cli#25655's body. */
export const FIREWALLED_VAULT = {
  source: 'https://github.com/Azure/azure-cli/issues/25655',
  json: `{
  "id": "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-hyperv-migration/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv",
  "location": "canadacentral",
  "name": "hypervmigratio98a5kv",
  "properties": {
    "accessPolicies": [
      {
        "applicationId": null,
        "objectId": "f54370a6-bc53-4e02-8d73-63de4c317b54",
        "permissions": { "certificates": [], "keys": [], "secrets": ["Get", "List"], "storage": null },
        "tenantId": "a1a2578a-8fd3-4595-bb18-7d17df8944b0"
      }
    ],
    "createMode": null,
    "enablePurgeProtection": null,
    "enableRbacAuthorization": false,
    "enableSoftDelete": true,
    "enabledForDeployment": false,
    "enabledForDiskEncryption": false,
    "enabledForTemplateDeployment": false,
    "hsmPoolResourceId": null,
    "networkAcls": {
      "bypass": "AzureServices",
      "defaultAction": "Deny",
      "ipRules": [{ "value": "52.228.82.0/24" }, { "value": "52.237.19.6/32" }],
      "virtualNetworkRules": []
    },
    "privateEndpointConnections": null,
    "provisioningState": "Succeeded",
    "publicNetworkAccess": "Enabled",
    "sku": { "family": "A", "name": "standard" },
    "softDeleteRetentionInDays": 90,
    "tenantId": "a1a2578a-8fd3-4595-bb18-7d17df8944b0",
    "vaultUri": "https://hypervmigratio98a5kv.vault.azure.net/"
  },
  "resourceGroup": "rg-hyperv-migration",
  "systemData": null,
  "tags": {},
  "type": "Microsoft.KeyVault/vaults"
}`,
};

/** A private RBAC vault with an approved endpoint (az flattens each connection and adds resourceGroup). */
export const PRIVATE_RBAC_VAULT = {
  source: 'https://github.com/Azure/azure-rest-api-specs/blob/c2367fa1ca7c1d3508f7d9a41965287ac69664d2/specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/listPrivateEndpointConnection.json',
  json: `{
  "id": "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/sample-group/providers/Microsoft.KeyVault/vaults/sample-vault",
  "location": "westus",
  "name": "sample-vault",
  "properties": {
    "accessPolicies": [],
    "enablePurgeProtection": true,
    "enableRbacAuthorization": true,
    "enableSoftDelete": true,
    "networkAcls": { "bypass": "None", "defaultAction": "Deny", "ipRules": [], "virtualNetworkRules": [] },
    "privateEndpointConnections": [
      {
        "etag": "",
        "id": "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/sample-group/providers/Microsoft.KeyVault/vaults/sample-vault/privateEndpointConnections/sample-pec",
        "privateEndpoint": {
          "id": "/subscriptions/00000000-0000-0000-1234-000000000000/resourceGroups/sample-group/providers/Microsoft.Network/privateEndpoints/sample-pe",
          "resourceGroup": "sample-group"
        },
        "privateLinkServiceConnectionState": { "actionsRequired": "None", "description": "This was automatically approved by user1234@contoso.com", "status": "Approved" },
        "provisioningState": "Succeeded",
        "resourceGroup": "sample-group"
      }
    ],
    "provisioningState": "Succeeded",
    "publicNetworkAccess": "Disabled",
    "sku": { "family": "A", "name": "standard" },
    "tenantId": "a1a2578a-8fd3-4595-bb18-7d17df8944b0",
    "vaultUri": "https://sample-vault.vault.azure.net/"
  },
  "resourceGroup": "sample-group",
  "tags": {},
  "type": "Microsoft.KeyVault/vaults"
}`,
};
