import type { Command } from '../report/schema';
import { az } from './az';
import type { BuiltInRole } from './key-vault-roles';
import { powershell } from './powershell';
import type { Principal } from './principal';
import { bicepString, hclString, type Value } from './quote';

function snake(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

/**
 * One Azure role assignment on a vault, in each tool's syntax. Bicep and Terraform take the
 * principal's object id (the service principal's, never the app registration's); az and
 * PowerShell take the app id when the log gave one.
 */
export function roleAssignmentCommands(role: BuiltInRole, principal: Principal, scope: Value, vault: Value): Command[] {
  const psParam = principal.assigneeKind === 'app-id' ? '-ApplicationId' : '-ObjectId';
  const bicep = [
    "resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {",
    `  name: ${bicepString(vault)}`,
    '}',
    '',
    "resource kvRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {",
    `  name: guid(keyVault.id, ${bicepString(principal.objectId)}, '${role.id}')`,
    '  scope: keyVault',
    '  properties: {',
    `    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${role.id}')`,
    `    principalId: ${bicepString(principal.objectId)}`,
    `    principalType: '${principal.principalType}'`,
    '  }',
    '}',
  ].join('\n');
  const terraform = [
    `resource "azurerm_role_assignment" "${snake(role.name)}" {`,
    `  scope                = ${hclString(scope)}`,
    `  role_definition_name = ${hclString({ known: true, text: role.name })}`,
    `  principal_id         = ${hclString(principal.objectId)}`,
    '}',
  ].join('\n');
  return [
    { tool: 'az', text: az.roleAssign(role.name, principal.assignee, scope) },
    { tool: 'powershell', text: powershell.roleAssign(role.name, psParam, principal.assignee, scope) },
    { tool: 'bicep', text: bicep },
    { tool: 'terraform', text: terraform },
  ];
}
