import type { Finding, VaultAccessModel, Verdict } from '@kvdoctor/diagnose';
import type { Colors } from 'picocolors/types';
import { TOOL_NAMES } from './labels';
import { safe } from './sanitize';

/** One finding of the log held against the vault, or why it could not be. */
export interface CheckItem {
  readonly finding: Finding | undefined;
  readonly verdicts: readonly Verdict[];
  /** Reads that failed (verdicts needing them say unknown), as one-line reasons. */
  readonly incomplete: readonly string[];
}

const MARK: Record<Verdict['status'], (c: Colors) => string> = {
  pass: (c) => c.green('✔ pass   '),
  fail: (c) => c.red('✖ fail   '),
  unknown: (c) => c.yellow('? unknown'),
};

/** The gates that decide access, as configured: what `check` shows without a log. */
export function modelLines(m: VaultAccessModel): string[] {
  const acl = m.networkAcls;
  return [
    `  Public network access  ${m.publicNetworkAccess}`,
    `  Firewall               default ${acl.defaultAction}, trusted services ${acl.bypass === 'AzureServices' ? 'allowed' : 'not allowed'}, ${acl.ipRules.length} IP rules, ${acl.virtualNetworkRules.length} virtual-network rules`,
    `  Private endpoints      ${m.privateEndpointConnections.length === 0 ? 'none' : m.privateEndpointConnections.map((p) => `${p.name} (${p.status})`).join(', ')}`,
    `  Permission model       ${m.enableRbacAuthorization ? 'Azure RBAC' : `access policies (${m.accessPolicies.length} entries)`}`,
    ...(m.nsp === undefined ? [] : [`  Perimeter              ${m.nsp.associated ? `associated (${m.nsp.mode ?? 'mode unknown'})` : 'none'}`]),
  ];
}

export function checkText(vault: string, mode: string, model: VaultAccessModel | undefined, items: readonly CheckItem[], c: Colors): string {
  const out = [c.bold(`Key Vault ${vault}`) + c.dim(`  ${mode}`)];
  if (model) out.push(...modelLines(model));
  for (const item of items) {
    const f = item.finding;
    out.push('', c.bold(f ? `${f.title}  ${c.dim(`${f.rule} · line ${f.evidence[0]?.line ?? '?'}`)}` : 'The vault as configured'));
    for (const v of item.verdicts) {
      out.push(`  ${MARK[v.status](c)}  ${v.check.padEnd(21)} ${safe(v.evidence)}`);
      if (v.command) out.push(c.dim(`             ${TOOL_NAMES[v.command.tool]}:`), c.cyan(`             ${safe(v.command.text)}`));
    }
    for (const reason of item.incomplete) out.push(c.yellow(`  could not read: ${reason}`));
  }
  return `${out.join('\n')}\n`;
}
