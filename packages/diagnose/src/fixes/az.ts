import { sh, type Value } from './quote';

/** `--resource-group` only when the log told us the group; az resolves a vault by name otherwise. */
function rgFlag(rg: Value | undefined): string {
  return rg?.known ? ` --resource-group ${sh(rg)}` : '';
}

export const az = {
  networkRuleAddIp: (vault: Value, ip: Value, rg?: Value): string =>
    `az keyvault network-rule add --name ${sh(vault)}${rgFlag(rg)} --ip-address ${sh(ip)}`,
  networkRuleRemoveIp: (vault: Value, ip: Value, rg?: Value): string =>
    `az keyvault network-rule remove --name ${sh(vault)}${rgFlag(rg)} --ip-address ${sh(ip)}`,
  networkRuleAddSubnet: (vault: Value, subnetId: Value, rg?: Value): string =>
    `az keyvault network-rule add --name ${sh(vault)}${rgFlag(rg)} --subnet ${sh(subnetId)}`,
  subnetServiceEndpoint: (rg: Value, vnet: Value, subnet: Value): string =>
    `az network vnet subnet update --resource-group ${sh(rg)} --vnet-name ${sh(vnet)} --name ${sh(subnet)} --service-endpoints Microsoft.KeyVault`,
  bypassAzureServices: (vault: Value, rg?: Value): string => `az keyvault update --name ${sh(vault)}${rgFlag(rg)} --bypass AzureServices`,
  showNetwork: (vault: Value): string =>
    `az keyvault show --name ${sh(vault)} --query "{publicNetworkAccess: properties.publicNetworkAccess, networkAcls: properties.networkAcls, rbac: properties.enableRbacAuthorization}"`,
  publicAccessEnabledDeny: (vault: Value, rg?: Value): string =>
    `az keyvault update --name ${sh(vault)}${rgFlag(rg)} --public-network-access Enabled --default-action Deny`,
  roleAssign: (role: string, assignee: Value, scope: Value): string =>
    `az role assignment create --role ${sh({ known: true, text: role })} --assignee ${sh(assignee)} --scope ${sh(scope)}`,
  setPolicy: (vault: Value, principalFlag: '--spn' | '--object-id', principal: Value, kind: string, permissions: readonly string[]): string =>
    `az keyvault set-policy --name ${sh(vault)} ${principalFlag} ${sh(principal)} --${kind}-permissions ${permissions.join(' ')}`,
};
