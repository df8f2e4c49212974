import { ps, type Value } from './quote';

function rgParam(rg: Value | undefined): string {
  return rg?.known ? ` -ResourceGroupName ${ps(rg)}` : '';
}

export const powershell = {
  networkRuleAddIp: (vault: Value, ip: Value, rg?: Value): string =>
    `Add-AzKeyVaultNetworkRule -VaultName ${ps(vault)}${rgParam(rg)} -IpAddressRange ${ps(ip)}`,
  networkRuleRemoveIp: (vault: Value, ipCidr: Value, rg?: Value): string =>
    `Remove-AzKeyVaultNetworkRule -VaultName ${ps(vault)}${rgParam(rg)} -IpAddressRange ${ps(ipCidr)}`,
  bypassAzureServices: (vault: Value, rg?: Value): string =>
    `Update-AzKeyVaultNetworkRuleSet -VaultName ${ps(vault)}${rgParam(rg)} -Bypass AzureServices`,
  publicAccessEnabled: (vault: Value, rg?: Value): string =>
    `Update-AzKeyVault -VaultName ${ps(vault)}${rgParam(rg)} -PublicNetworkAccess Enabled`,
  roleAssign: (role: string, principalParam: '-ApplicationId' | '-ObjectId', principal: Value, scope: Value): string =>
    `New-AzRoleAssignment -RoleDefinitionName ${ps({ known: true, text: role })} ${principalParam} ${ps(principal)} -Scope ${ps(scope)}`,
  setPolicy: (vault: Value, principalParam: '-ServicePrincipalName' | '-ObjectId', principal: Value, param: string, permissions: readonly string[]): string =>
    `Set-AzKeyVaultAccessPolicy -VaultName ${ps(vault)} ${principalParam} ${ps(principal)} ${param} ${permissions.join(',')}`,
};
