import type { Command } from '../report/schema';
import { az } from './az';
import { powershell } from './powershell';
import type { Principal } from './principal';
import { bicepString, hclString, type Value } from './quote';

export type PolicyKind = 'secret' | 'key' | 'certificate' | 'storage';

/** Permissions for one object kind, as Key Vault names them (`get`, `list`, `wrapKey`, …). */
export interface PolicyGrant {
  readonly kind: PolicyKind;
  readonly permissions: readonly string[];
}

const PS_PARAM: Readonly<Record<PolicyKind, string>> = {
  secret: '-PermissionsToSecrets',
  key: '-PermissionsToKeys',
  certificate: '-PermissionsToCertificates',
  storage: '-PermissionsToStorage',
};

const PLURAL: Readonly<Record<PolicyKind, string>> = { secret: 'secrets', key: 'keys', certificate: 'certificates', storage: 'storage' };

function capitalised(permission: string): string {
  return permission.charAt(0).toUpperCase() + permission.slice(1);
}

/**
 * One access-policy entry in each tool's syntax. Bicep uses the `accessPolicies/add` child resource
 * so a redeployment adds the entry instead of replacing every policy on the vault.
 */
export function accessPolicyCommands(vault: Value, vaultId: Value, principal: Principal, grant: PolicyGrant): Command[] {
  const azFlag = principal.assigneeKind === 'app-id' ? '--spn' : '--object-id';
  const psFlag = principal.assigneeKind === 'app-id' ? '-ServicePrincipalName' : '-ObjectId';
  const bicep = [
    "resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {",
    `  name: ${bicepString(vault)}`,
    '}',
    '',
    "resource addPolicy 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01' = {",
    '  parent: keyVault',
    "  name: 'add'",
    '  properties: {',
    '    accessPolicies: [',
    '      {',
    `        tenantId: ${bicepString(principal.tenantId)}`,
    `        objectId: ${bicepString(principal.objectId)}`,
    '        permissions: {',
    `          ${PLURAL[grant.kind]}: [ ${grant.permissions.map((p) => `'${p}'`).join(', ')} ]`,
    '        }',
    '      }',
    '    ]',
    '  }',
    '}',
  ].join('\n');
  const terraform = [
    'resource "azurerm_key_vault_access_policy" "pipeline" {',
    `  key_vault_id = ${hclString(vaultId)}`,
    `  tenant_id    = ${hclString(principal.tenantId)}`,
    `  object_id    = ${hclString(principal.objectId)}`,
    '',
    `  ${grant.kind}_permissions = [${grant.permissions.map((p) => `"${capitalised(p)}"`).join(', ')}]`,
    '}',
  ].join('\n');
  return [
    { tool: 'az', text: az.setPolicy(vault, azFlag, principal.assignee, grant.kind, grant.permissions) },
    { tool: 'powershell', text: powershell.setPolicy(vault, psFlag, principal.assignee, PS_PARAM[grant.kind], grant.permissions) },
    { tool: 'bicep', text: bicep },
    { tool: 'terraform', text: terraform },
  ];
}
