import type { Fix } from '../report/schema';
import { az } from './az';
import { powershell } from './powershell';
import { bicepString, hclString, type Value } from './quote';

/**
 * The fix that admits one public IPv4 address: bare for az and PowerShell, `/32` for Bicep and
 * Terraform (the vault stores single addresses as /32; writing it that way avoids a perpetual diff).
 */
export function allowIpFix(vault: Value, ip: Value, rg: Value | undefined): Fix {
  const cidr: Value = { known: ip.known, text: `${ip.text}/32` };
  return {
    title: `Allow ${ip.text} in the firewall of ${vault.text}`,
    steps: [
      `Azure portal: Key vault ${vault.text} → Settings → Networking → Firewalls and virtual networks → "Allow public access from specific virtual networks and IP addresses" → add ${ip.text} under Firewall → Apply.`,
      'If an Azure Policy with a Deny or Modify effect governs Key Vault network rules, it can block or revert this change: check Policy → Compliance for the vault first.',
    ],
    commands: [
      { tool: 'az', text: az.networkRuleAddIp(vault, ip, rg) },
      { tool: 'powershell', text: powershell.networkRuleAddIp(vault, ip, rg) },
      {
        tool: 'bicep',
        text: `properties: {\n  networkAcls: {\n    defaultAction: 'Deny'\n    bypass: 'AzureServices'\n    ipRules: [\n      { value: ${bicepString(cidr)} }\n    ]\n  }\n}`,
      },
      {
        tool: 'terraform',
        text: `resource "azurerm_key_vault" "this" {\n  # …\n  network_acls {\n    default_action = "Deny"\n    bypass         = "AzureServices"\n    ip_rules       = [${hclString(cidr)}]\n  }\n}`,
      },
    ],
  };
}
