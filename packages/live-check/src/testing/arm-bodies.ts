/**
 * ARM response bodies shaped as ARM sends them. Shapes follow the REST API examples in
 * Azure/azure-rest-api-specs (Microsoft.KeyVault 2023-07-01 getVault.json and
 * listPrivateEndpointConnection.json) and the built-in role definitions Microsoft publishes
 * (azure-docs role-based-access-control/built-in-roles/security.md).
 */
export const SUB = '0b1f6471-1bf0-4dda-aec3-111122223333';
export const OTHER_SUB = '7c2e9a10-55d4-4c1b-9e0f-444455556666';
export const TENANT = 'a1a2578a-8fd3-4595-bb18-7d17df8944b0';
export const RG = 'rg-migrate-cc';

export function vaultId(name: string, rg = RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}`;
}

export interface VaultShape {
  name: string;
  rg?: string;
  sub?: string;
  publicNetworkAccess?: string;
  networkAcls?: { bypass: string; defaultAction: string; ipRules: string[]; virtualNetworkRules?: string[] } | null;
  enableRbacAuthorization?: boolean;
  accessPolicies?: unknown[];
  privateEndpointConnections?: { name: string; status: string }[];
  tenant?: string;
  location?: string;
}

export function vaultBody(v: VaultShape): Record<string, unknown> {
  const id = vaultId(v.name, v.rg, v.sub);
  return {
    id,
    name: v.name,
    type: 'Microsoft.KeyVault/vaults',
    location: v.location ?? 'canadacentral',
    tags: {},
    systemData: { createdBy: 'keyVaultUser1', createdByType: 'User', createdAt: '2020-01-01T12:00:00.0000000Z', lastModifiedBy: 'keyVaultUser2', lastModifiedByType: 'User', lastModifiedAt: '2020-01-01T12:00:00.0000000Z' },
    properties: {
      sku: { family: 'A', name: 'standard' },
      tenantId: v.tenant ?? TENANT,
      ...(v.networkAcls === null || v.networkAcls === undefined
        ? {}
        : {
            networkAcls: {
              bypass: v.networkAcls.bypass,
              defaultAction: v.networkAcls.defaultAction,
              ipRules: v.networkAcls.ipRules.map((value) => ({ value })),
              virtualNetworkRules: (v.networkAcls.virtualNetworkRules ?? []).map((subnet) => ({ id: subnet, ignoreMissingVnetServiceEndpoint: false })),
            },
          }),
      accessPolicies: v.accessPolicies ?? [],
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: v.enableRbacAuthorization ?? false,
      vaultUri: `https://${v.name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: v.publicNetworkAccess ?? 'Enabled',
      privateEndpointConnections: (v.privateEndpointConnections ?? []).map((c) => ({
        id: `${id}/privateEndpointConnections/${c.name}`,
        properties: {
          provisioningState: 'Succeeded',
          privateEndpoint: { id: `/subscriptions/${SUB}/resourceGroups/rg-agents/providers/Microsoft.Network/privateEndpoints/${c.name}` },
          privateLinkServiceConnectionState: { status: c.status, description: '', actionsRequired: 'None' },
        },
      })),
    },
  };
}

export function endpointConnectionBody(vault: string, name: string, status: string): Record<string, unknown> {
  return {
    id: `${vault}/privateEndpointConnections/${name}`,
    name,
    type: 'Microsoft.KeyVault/vaults/privateEndpointConnections',
    etag: '',
    properties: {
      provisioningState: 'Succeeded',
      privateEndpoint: { id: `/subscriptions/${SUB}/resourceGroups/rg-agents/providers/Microsoft.Network/privateEndpoints/${name}` },
      privateLinkServiceConnectionState: { status, description: 'This was automatically approved by user1234@contoso.com', actionsRequired: 'None' },
    },
  };
}

export function accessPolicyBody(objectId: string, secrets: string[], tenantId = TENANT): Record<string, unknown> {
  return { tenantId, objectId, permissions: { keys: [], secrets, certificates: [] } };
}

/** Built-in roles with the data actions Microsoft publishes for them. */
export const ROLES = {
  secretsUser: { guid: '4633458b-17de-408a-b874-0445c86b69e6', name: 'Key Vault Secrets User', dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'] },
  cryptoServiceEncryptionUser: {
    guid: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    name: 'Key Vault Crypto Service Encryption User',
    dataActions: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action'],
  },
  reader: { guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', name: 'Reader', dataActions: [] },
  contributor: { guid: 'b24988ac-6180-42a0-ab88-20f7382dd24c', name: 'Contributor', dataActions: [] },
} as const;

export type RoleKey = keyof typeof ROLES;
const ROLE_KEYS: readonly RoleKey[] = ['secretsUser', 'cryptoServiceEncryptionUser', 'reader', 'contributor'];

function roleDefinitionBody(key: RoleKey, sub = SUB): Record<string, unknown> {
  const r = ROLES[key];
  return {
    id: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${r.guid}`,
    name: r.guid,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: { roleName: r.name, type: 'BuiltInRole', description: '', assignableScopes: ['/'], permissions: [{ actions: [], notActions: [], dataActions: [...r.dataActions], notDataActions: [] }] },
  };
}

export function roleDefinitions(sub = SUB): Record<string, unknown> {
  return Object.fromEntries(ROLE_KEYS.map((k) => [ROLES[k].guid, roleDefinitionBody(k, sub)]));
}

export function roleAssignmentBody(key: RoleKey, principalId: string, scope: string, sub = SUB): Record<string, unknown> {
  const name = `${ROLES[key].guid.slice(0, 8)}-0000-4000-8000-${principalId.slice(-12)}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLES[key].guid}`,
      principalId,
      principalType: 'ServicePrincipal',
      scope,
      condition: null,
      conditionVersion: null,
      createdOn: '2024-05-16T10:00:00.0000000Z',
      updatedOn: '2024-05-16T10:00:00.0000000Z',
    },
  };
}

export function perimeterId(name: string, rg = 'rg-network', sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/networkSecurityPerimeters/${name}`;
}

export function perimeterBody(name: string, rg = 'rg-network', sub = SUB): Record<string, unknown> {
  return { id: perimeterId(name, rg, sub), name, type: 'Microsoft.Network/networkSecurityPerimeters', location: 'canadacentral', properties: { provisioningState: 'Succeeded', perimeterGuid: '8f1b0c8e-6b2a-4d3e-9f1a-0a1b2c3d4e5f' } };
}

/** An association; a profile or access mode left out is one ARM did not name. */
export function associationBody(perimeter: string, resourceId: string, profile: string | undefined, accessMode: string | undefined): Record<string, unknown> {
  return {
    id: `${perimeter}/resourceAssociations/kv-association`,
    name: 'kv-association',
    type: 'Microsoft.Network/networkSecurityPerimeters/resourceAssociations',
    properties: {
      privateLinkResource: { id: resourceId },
      ...(profile === undefined ? {} : { profile: { id: `${perimeter}/profiles/${profile}` } }),
      ...(accessMode === undefined ? {} : { accessMode }),
      provisioningState: 'Succeeded',
      hasProvisioningIssues: 'no',
    },
  };
}

export interface AccessRuleShape {
  readonly name: string;
  readonly direction?: 'Inbound' | 'Outbound';
  readonly addressPrefixes?: readonly string[];
  /** Subscription GUIDs; ARM holds them as `/subscriptions/<guid>` ids. */
  readonly subscriptions?: readonly string[];
  readonly serviceTags?: readonly string[];
  readonly perimeters?: readonly string[];
  readonly fqdns?: readonly string[];
}

/** An access rule of a profile, as NetworkSecurityPerimeterAccessRules_List returns it (2024-07-01 NspAccessRuleList example). */
export function accessRuleBody(profileId: string, r: AccessRuleShape): Record<string, unknown> {
  return {
    id: `${profileId}/accessRules/${r.name}`,
    name: r.name,
    type: 'Microsoft.Network/networkSecurityPerimeters/profiles/accessRules',
    properties: {
      provisioningState: 'Succeeded',
      direction: r.direction ?? 'Inbound',
      addressPrefixes: [...(r.addressPrefixes ?? [])],
      fullyQualifiedDomainNames: [...(r.fqdns ?? [])],
      subscriptions: (r.subscriptions ?? []).map((sub) => ({ id: `/subscriptions/${sub}` })),
      networkSecurityPerimeters: (r.perimeters ?? []).map((id) => ({ id, perimeterGuid: '00000000-0000-4000-8000-000000000001', location: 'canadacentral' })),
      emailAddresses: [],
      phoneNumbers: [],
      serviceTags: [...(r.serviceTags ?? [])],
    },
  };
}
