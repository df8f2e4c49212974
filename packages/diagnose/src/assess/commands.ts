import { sh, type Value } from '../fixes/quote';
import type { Command } from '../report/schema';
import type { VaultAccessModel } from './model';

const known = (text: string): Value => ({ known: true, text });

/** The vault as az addresses it: the real resource group first, then the name. */
function target(m: VaultAccessModel): string {
  return `--resource-group ${sh(known(m.resourceGroup))} --name ${sh(known(m.name))}`;
}

const azCommand = (text: string): Command => ({ tool: 'az', text });

/** Resource group and name of an ARM resource id (`/subscriptions/…/resourceGroups/<rg>/…/<name>`). */
export function idParts(id: string): { resourceGroup: string | undefined; name: string | undefined } {
  const parts = id.split('/');
  const rgAt = parts.findIndex((p) => p.toLowerCase() === 'resourcegroups');
  return { resourceGroup: rgAt < 0 ? undefined : parts[rgAt + 1], name: parts[parts.length - 1] || undefined };
}

export const commands = {
  addIpRule: (m: VaultAccessModel, ip: Value): Command => azCommand(`az keyvault network-rule add ${target(m)} --ip-address ${sh(ip)}`),
  /** Remove the rule as the vault holds it, then add its network: one line, so the vault never loses the range for long. */
  rewriteIpRule: (m: VaultAccessModel, rule: string, network: string): Command =>
    azCommand(
      `az keyvault network-rule remove ${target(m)} --ip-address ${sh(known(rule))} && az keyvault network-rule add ${target(m)} --ip-address ${sh(known(network))}`,
    ),
  addSubnetRule: (m: VaultAccessModel): Command =>
    azCommand(`az keyvault network-rule add ${target(m)} --subnet <subnet-resource-id>`),
  reopenBehindFirewall: (m: VaultAccessModel): Command =>
    azCommand(`az keyvault update ${target(m)} --public-network-access Enabled --default-action Deny`),
  approveEndpoint: (m: VaultAccessModel, connection: string): Command =>
    azCommand(
      `az keyvault private-endpoint-connection approve --resource-group ${sh(known(m.resourceGroup))} --vault-name ${sh(known(m.name))} --name ${sh(known(connection))}`,
    ),
  createEndpoint: (m: VaultAccessModel): Command =>
    azCommand(
      `az network private-endpoint create --resource-group <vnet-resource-group> --name <private-endpoint-name> --vnet-name <vnet-name> --subnet <subnet-name> --private-connection-resource-id ${sh(known(m.id))} --group-id vault --connection-name <connection-name>`,
    ),
  assignRole: (role: string, objectId: Value, scope: string): Command =>
    azCommand(`az role assignment create --role ${sh(known(role))} --assignee ${sh(objectId)} --scope ${sh(known(scope))}`),
  listRoles: (objectId: Value, scope: string): Command =>
    azCommand(`az role assignment list --assignee ${sh(objectId)} --scope ${sh(known(scope))} --include-inherited --include-groups`),
  setPolicy: (m: VaultAccessModel, objectId: Value, kind: PolicyKind, permissions: readonly string[]): Command =>
    azCommand(`az keyvault set-policy ${target(m)} --object-id ${sh(objectId)} --${POLICY_FLAG[kind]}-permissions ${permissions.join(' ')}`),
  /**
   * An inbound IP rule on the profile (the nsp extension's `az network perimeter`, list arguments in
   * its shorthand syntax); `/32` admits one address.
   */
  perimeterAccessRule: (perimeterId: string, profile: string | undefined, ip: Value): Command | undefined => {
    const { resourceGroup, name } = idParts(perimeterId);
    if (resourceGroup === undefined || name === undefined) return undefined;
    const rule = ip.known ? sh(known(`allow-${ip.text.replace(/[.:]/g, '-')}`)) : '<rule-name>';
    const prefixes = ip.known ? sh(known(`[${ip.text}/${ip.text.includes(':') ? 128 : 32}]`)) : "'[<client-ip>/32]'";
    const profileName = profile === undefined ? '<profile-name>' : sh(known(profile));
    return azCommand(
      `az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group ${sh(known(resourceGroup))} --perimeter-name ${sh(known(name))} --profile-name ${profileName} --name ${rule} --direction Inbound --address-prefixes ${prefixes}`,
    );
  },
};

export type PolicyKind = 'secrets' | 'keys' | 'certificates';
const POLICY_FLAG: Readonly<Record<PolicyKind, string>> = { secrets: 'secret', keys: 'key', certificates: 'certificate' };
