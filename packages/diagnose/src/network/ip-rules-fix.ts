import type { Fix } from '../report/schema';
import { az } from '../fixes/az';
import { powershell } from '../fixes/powershell';
import { bicepString, hclString, type Value } from '../fixes/quote';
import type { RuleValue } from './smallest-change';

/**
 * Several IP rules in every tool's syntax: one az / PowerShell line per rule with the bare address
 * (or the range), and the `/32` form in Bicep and Terraform, which is how the vault stores it.
 */
export function allowRulesFix(title: string, steps: readonly string[], vault: Value, rules: readonly RuleValue[], rg: Value | undefined): Fix {
  const bare = rules.map((r): Value => ({ known: true, text: r.bare }));
  const cidr = rules.map((r): Value => ({ known: true, text: r.cidr }));
  return {
    title,
    steps: [...steps],
    commands: [
      { tool: 'az', text: bare.map((ip) => az.networkRuleAddIp(vault, ip, rg)).join('\n') },
      { tool: 'powershell', text: bare.map((ip) => powershell.networkRuleAddIp(vault, ip, rg)).join('\n') },
      {
        tool: 'bicep',
        text: `properties: {\n  networkAcls: {\n    defaultAction: 'Deny'\n    bypass: 'AzureServices'\n    ipRules: [\n${cidr.map((c) => `      { value: ${bicepString(c)} }`).join('\n')}\n    ]\n  }\n}`,
      },
      {
        tool: 'terraform',
        text: `resource "azurerm_key_vault" "this" {\n  # …\n  network_acls {\n    default_action = "Deny"\n    bypass         = "AzureServices"\n    ip_rules = [\n${cidr.map((c) => `      ${hclString(c)},`).join('\n')}\n    ]\n  }\n}`,
      },
    ],
  };
}
