import { type Finding, type VaultAccessModel } from '@kvdoctor/diagnose';
import { checkFromAzJson, defaultCredential, liveCheck, modelFromAzJson } from '@kvdoctor/live-check';
import pc from 'picocolors';
import { z } from 'zod';
import { toDiagnoseOptions } from '../diagnose-settings';
import { EXIT, type ExitCode } from '../exit-codes';
import { parseFlags } from '../flags';
import { STDIN_NAME } from '../inputs/plan';
import { readSource } from '../inputs/read-source';
import { colorEnabled, type Io, usage, writeOutput } from '../io';
import { type CheckItem, checkText } from '../render/check';
import { readJsonFile } from '../service-tags/load';

const Guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID');

const CheckFlagsSchema = z.object({
  subscription: z.array(Guid).default([]),
  tenant: z.array(Guid).default([]),
  fromAzJson: z.string().min(1).optional(),
  log: z.string().min(1).optional(),
  format: z.enum(['text', 'json']).default('text'),
  out: z.string().min(1).optional(),
});
const FLAG_NAMES = { subscription: '--subscription', tenant: '--tenant', fromAzJson: '--from-az-json', log: '--log', format: '--format', out: '--out' };

type Findings = { ok: true; findings: Finding[] } | { ok: false; message: string };

/** The log's findings about this vault (or naming no vault at all). */
async function logFindings(log: string, vault: string): Promise<Findings> {
  const source = log === '-' ? ({ kind: 'stdin', display: STDIN_NAME, size: 0 } as const) : ({ kind: 'file', path: log, display: log, size: 0 } as const);
  const [result] = await readSource(source, toDiagnoseOptions({}));
  if (result === undefined || !result.ok) return { ok: false, message: `--log ${log}: ${result?.ok === false ? result.error.message : 'nothing read'}` };
  const name = vault.toLowerCase().replace(/^https?:\/\//, '').split('.')[0];
  return { ok: true, findings: result.report.findings.filter((f) => f.facts.vault === undefined || f.facts.vault.toLowerCase() === name) };
}

/** `kvdoctor check <VAULT>`: the log's findings held against the vault's real configuration (live, or from az keyvault show). */
export async function checkCommand(vault: string, rawFlags: unknown, io: Io): Promise<ExitCode> {
  const flags = parseFlags(CheckFlagsSchema, rawFlags, FLAG_NAMES);
  if (!flags.ok) return usage(io, flags.message);
  const { subscription, tenant, fromAzJson, log, format, out } = flags.value;
  let findings: Finding[] = [];
  if (log !== undefined) {
    const read = await logFindings(log, vault);
    if (!read.ok) return usage(io, read.message);
    findings = read.findings;
    if (findings.length === 0) {
      io.stdout.write(`No Key Vault error about ${vault} in ${log}: nothing to check.\n`);
      return EXIT.clean;
    }
  }
  let model: VaultAccessModel | undefined;
  let items: CheckItem[];
  let mode: string;
  if (fromAzJson !== undefined) {
    mode = `from ${fromAzJson} (az keyvault show)`;
    const read = await readJsonFile(fromAzJson);
    if (!read.ok) return usage(io, `--from-az-json ${fromAzJson}: ${read.message}`);
    const built = modelFromAzJson(read.value);
    if (!built.ok) return usage(io, `--from-az-json ${fromAzJson}: ${built.error.message}`);
    model = built.model;
    items = findings.map((finding) => {
      const r = checkFromAzJson(finding, read.value);
      // az keyvault show holds no role assignments or perimeter: the verdicts needing them say unknown.
      return { finding, verdicts: r.ok ? r.verdicts : [], incomplete: [] };
    });
  } else {
    mode = 'live, through Azure Resource Manager';
    if (subscription.length === 0) return usage(io, '--subscription: give the subscription (GUID) that holds the vault; only it will be read');
    const tenants = tenant.length > 0 ? tenant : [...new Set(findings.flatMap((f) => (f.facts.tenantId ? [f.facts.tenantId] : [])))];
    if (tenants.length === 0) return usage(io, `--tenant: ${log === undefined ? 'give' : 'the log names no tenant; give'} the tenant (GUID) of the vault`);
    const credential = defaultCredential(tenants[0]);
    items = [];
    if (log === undefined) {
      // No log: read the vault as configured, to show what decides access today.
      const r = await liveCheck({ vaultName: vault, credential, allowed: { tenants, subscriptions: subscription } });
      if (r.outcome.kind !== 'ok') return usage(io, `live check of ${vault}: ${r.outcome.message}`);
      model = r.model;
    }
    for (const finding of findings) {
      const r = await liveCheck({ finding, vaultName: vault, credential, allowed: { tenants, subscriptions: subscription } });
      if (r.outcome.kind !== 'ok') return usage(io, `live check of ${vault}: ${r.outcome.message}`);
      model ??= r.model;
      items.push({ finding, verdicts: r.verdicts, incomplete: r.outcome.incomplete.map((i) => `${i.read}: ${i.failure.message}`) });
    }
  }
  const text =
    format === 'json'
      ? `${JSON.stringify({ vault, mode, model, checks: items.map((i) => ({ rule: i.finding?.rule, line: i.finding?.evidence[0]?.line, verdicts: i.verdicts, incomplete: i.incomplete })) }, null, 2)}\n`
      : checkText(vault, mode, model, items, pc.createColors(colorEnabled(io.env, io.stdout, out !== undefined)));
  const written = await writeOutput(io, text, out);
  if (!written.ok) return usage(io, written.message);
  return items.some((i) => i.verdicts.some((v) => v.status === 'fail')) ? EXIT.findings : EXIT.clean;
}
