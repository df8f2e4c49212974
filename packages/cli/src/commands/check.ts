import { type Finding, type VaultAccessModel } from '@kvdoctor/diagnose';
import { checkFromAzJson, modelFromAzJson } from '@kvdoctor/live-check/az-json';
import pc from 'picocolors';
import { z } from 'zod';
import { toDiagnoseOptions } from '../diagnose-settings';
import { EXIT, type ExitCode } from '../exit-codes';
import { parseFlags } from '../flags';
import { STDIN_NAME } from '../inputs/plan';
import { readJsonFile } from '../inputs/read-json-file';
import { readSource } from '../inputs/read-source';
import { colorEnabled, type Io, usage, warn, writeOutput } from '../io';
import { type CheckItem, checkText } from '../render/check';
import { jsonEnvelope } from '../render/envelope';
import { safe } from '../render/sanitize';
import { sameVault, VaultArgSchema } from '../vault-arg';
import { loadLiveCheck } from './load-live-check';

const Guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID');

const CheckFlagsSchema = z.object({
  subscription: z.array(Guid).default([]),
  tenant: z.array(Guid).default([]),
  fromAzJson: z.string().min(1).optional(),
  log: z.string().min(1).optional(),
  format: z.enum(['text', 'json']).default('text'),
  out: z.string().min(1).optional(),
});
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const FLAG_NAMES = { subscription: '--subscription', tenant: '--tenant', fromAzJson: '--from-az-json', log: '--log', format: '--format', out: '--out' };

type Failure = { ok: false; message: string };
/** The log's findings about this vault (or naming no vault at all), and the other vaults it names. */
type LogFindings = { ok: true; findings: Finding[]; elsewhere: Map<string, number> } | Failure;
type AzJson = { ok: true; file: string; model: VaultAccessModel; json: unknown } | Failure;

async function logFindings(log: string, vault: string): Promise<LogFindings> {
  const source = log === '-' ? ({ kind: 'stdin', display: STDIN_NAME, size: 0 } as const) : ({ kind: 'file', path: log, display: log, size: 0 } as const);
  const [result] = await readSource(source, toDiagnoseOptions({}));
  if (result === undefined || !result.ok) return { ok: false, message: `--log ${log}: ${result?.ok === false ? result.error.message : 'nothing read'}` };
  const findings: Finding[] = [];
  const elsewhere = new Map<string, number>();
  for (const f of result.report.findings) {
    const named = f.facts.vault;
    if (named === undefined || sameVault(named, vault)) findings.push(f);
    else elsewhere.set(named, (elsewhere.get(named) ?? 0) + 1);
  }
  return { ok: true, findings, elsewhere };
}

/** `az keyvault show` output of this vault: JSON of another would be assessed under the wrong name. */
async function azJsonModel(file: string, vault: string): Promise<AzJson> {
  const read = await readJsonFile(file);
  if (!read.ok) return { ok: false, message: `--from-az-json ${file}: ${read.message}` };
  const built = modelFromAzJson(read.value);
  if (!built.ok) return { ok: false, message: `--from-az-json ${file}: ${built.error.message}` };
  if (!sameVault(built.model.name, vault)) {
    return { ok: false, message: `--from-az-json ${file}: describes vault ${safe(built.model.name)}, not ${vault}: give the output of az keyvault show --name ${vault}` };
  }
  return { ok: true, file, model: built.model, json: read.value };
}

/** `kvdoctor check <VAULT>`: the log's findings held against the vault's real configuration (live, or from az keyvault show). */
export async function checkCommand(vaultArg: string, rawFlags: unknown, io: Io): Promise<ExitCode> {
  const flags = parseFlags(CheckFlagsSchema, rawFlags, FLAG_NAMES);
  if (!flags.ok) return usage(io, flags.message);
  const { subscription, tenant, fromAzJson, log, format, out } = flags.value;
  const named = VaultArgSchema.safeParse(vaultArg);
  if (!named.success) return usage(io, `<vault>: ${named.error.issues[0]?.message ?? 'invalid'}`);
  const vault = named.data;
  // Read before the log, which may be large: a wrong file is refused at once.
  const offline = fromAzJson === undefined ? undefined : await azJsonModel(fromAzJson, vault);
  if (offline?.ok === false) return usage(io, offline.message);
  let findings: Finding[] = [];
  if (log !== undefined) {
    const read = await logFindings(log, vault);
    if (!read.ok) return usage(io, read.message);
    findings = read.findings;
    const others = [...read.elsewhere.keys()].join(', ');
    if (findings.length === 0 && others !== '') return usage(io, `--log ${log}: its Key Vault errors are about ${others}, not ${vault}: check that vault, or give the log of ${vault}`);
    if (findings.length === 0) {
      const written = await writeOutput(io, `No Key Vault error about ${vault} in ${log}: nothing to check.\n`, out);
      return written.ok ? EXIT.clean : usage(io, written.message);
    }
    if (others !== '') warn(io, `--log ${log}: ${plural([...read.elsewhere.values()].reduce((a, b) => a + b, 0), 'finding')} about ${others} left out (not the vault checked)`);
  }
  let model: VaultAccessModel | undefined;
  let items: CheckItem[];
  let mode: string;
  if (offline !== undefined) {
    mode = `from ${offline.file} (az keyvault show)`;
    model = offline.model;
    items = findings.map((finding) => {
      const r = checkFromAzJson(finding, offline.json);
      // az keyvault show holds no role assignments or perimeter: the verdicts needing them say unknown.
      return { finding, verdicts: r.ok ? r.verdicts : [], incomplete: [] };
    });
  } else {
    mode = 'live, through Azure Resource Manager';
    if (subscription.length === 0) return usage(io, '--subscription: give the subscription (GUID) that holds the vault; only it will be read');
    const tenants = tenant.length > 0 ? tenant : [...new Set(findings.flatMap((f) => (f.facts.tenantId ? [f.facts.tenantId] : [])))];
    if (tenants.length === 0) return usage(io, `--tenant: ${log === undefined ? 'give' : 'the log names no tenant; give'} the tenant (GUID) of the vault`);
    const loaded = await loadLiveCheck();
    if (!loaded.ok) return usage(io, loaded.message);
    const { defaultCredential, liveCheck } = loaded.live;
    const credential = defaultCredential(tenants[0]);
    items = [];
    // The live check is given the argument as typed: it tells a Managed HSM by its host name.
    if (log === undefined) {
      // No log: read the vault as configured, to show what decides access today.
      const r = await liveCheck({ vaultName: vaultArg, credential, allowed: { tenants, subscriptions: subscription } });
      if (r.outcome.kind !== 'ok') return usage(io, `live check of ${vault}: ${r.outcome.message}`);
      model = r.model;
    }
    if (findings.length > 0) {
      // One live check for the vault, however many refusals the log holds: one token, one read.
      const r = await liveCheck({ findings, vaultName: vaultArg, credential, allowed: { tenants, subscriptions: subscription } });
      if (r.outcome.kind !== 'ok') return usage(io, `live check of ${vault}: ${r.outcome.message}`);
      model = r.model;
      const incomplete = r.outcome.incomplete.map((i) => `${i.read}: ${i.failure.message}`);
      items = r.checks.map((c) => ({ finding: c.finding, verdicts: c.verdicts, incomplete }));
    }
  }
  const text =
    format === 'json'
      ? jsonEnvelope('check', { vault, mode, model, checks: items.map((i) => ({ rule: i.finding?.rule, line: i.finding?.evidence[0]?.line, verdicts: i.verdicts, incomplete: i.incomplete })) })
      : checkText(vault, mode, model, items, pc.createColors(colorEnabled(io.env, io.stdout, out !== undefined)));
  const written = await writeOutput(io, text, out);
  if (!written.ok) return usage(io, written.message);
  return items.some((i) => i.verdicts.some((v) => v.status === 'fail')) ? EXIT.findings : EXIT.clean;
}
