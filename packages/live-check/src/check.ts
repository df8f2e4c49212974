import { assess, type Finding, type ServiceTagIndex, type VaultAccessModel, type Verdict } from '@kvdoctor/diagnose';
import { armSettings, PUBLIC_ARM_ENDPOINT, trimEnd, type ArmSettings, type TokenCredential } from './arm/client';
import { findVault } from './arm/find-vault';
import { readNsp } from './arm/read-nsp';
import { readEndpointConnections } from './arm/read-vault';
import { readDenies } from './arm/read-denies';
import { readRoles } from './arm/read-roles';
import { type Deadline, startDeadline } from './deadline';
import type { Failure, Outcome, Read, ReadName } from './outcome';
import { type Checked, isFailure, NO_CREDENTIAL, preflight } from './preflight';
import { defaultVaultIdCache, type VaultIdCache } from './vault-cache';
import { type ArmVault, toModel } from './vault-json';

export interface LiveCheckOptions {
  /** The refusal to hold against the vault; without one, only the configuration is read (no verdicts). */
  readonly finding?: Finding;
  /**
   * Several refusals of this one vault (a job's log): the vault is found and read once, role and
   * deny assignments once per caller the refusals name, with the same one token; each refusal gets
   * its verdicts in `checks`. Takes the place of `finding`.
   */
  readonly findings?: readonly Finding[];
  /** The vault's name (or its https://<name>.vault.azure.net URL). */
  readonly vaultName: string;
  readonly credential: TokenCredential | undefined;
  /** Only these are read; anything else is refused before a request is sent. */
  readonly allowed: { readonly tenants: readonly string[]; readonly subscriptions: readonly string[] };
  /** ARM endpoint; defaults to the public cloud's. */
  readonly endpoint?: string;
  /** Extra trusted CA certificates (PEM). */
  readonly ca?: string;
  /** One deadline for all requests together; default 20 s. */
  readonly timeoutMs?: number;
  /** Retries per request (ARM 429/5xx); default 0, so the result comes within the deadline. */
  readonly maxRetries?: number;
  readonly cache?: VaultIdCache;
  /** Azure's service tags (`refreshServiceTags`, or a cache the CLI loads): the firewall verdict then names a hosted agent's region. */
  readonly serviceTags?: ServiceTagIndex;
}

export interface LiveCheckResult {
  readonly outcome: Outcome;
  readonly model?: VaultAccessModel;
  /** The verdicts of `finding` (of the first of `findings`). */
  readonly verdicts: Verdict[];
  /** Each refusal given, in order, with its verdicts. */
  readonly checks: readonly { readonly finding: Finding; readonly verdicts: Verdict[] }[];
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** Where the log says the vault is (its resource id's subscription and group), from the first refusal that says it. */
function hintOf(findings: readonly Finding[]): { subscriptionId: string; resourceGroup: string } | undefined {
  for (const { details } of findings) {
    if (details.subscriptionId && details.resourceGroup) return { subscriptionId: details.subscriptionId, resourceGroup: details.resourceGroup };
  }
  return undefined;
}

function failed(failure: Failure): LiveCheckResult {
  return { outcome: failure, verdicts: [], checks: [] };
}

/**
 * Reads the vault's access configuration through ARM and holds the finding against it. The vault
 * is found first (by name alone if need be); private endpoints, role assignments and perimeter
 * associations are then read in parallel. A read that fails leaves its verdicts `unknown` and is
 * listed in `outcome.incomplete`; the other verdicts still count.
 */
export async function liveCheck(options: LiveCheckOptions): Promise<LiveCheckResult> {
  const endpoint = trimEnd(options.endpoint ?? PUBLIC_ARM_ENDPOINT);
  const findings = options.findings ?? (options.finding === undefined ? [] : [options.finding]);
  // Every refusal's tenant and subscription must be allowed: the first that is not refuses the check.
  const check = (finding: Finding | undefined): Checked | Failure => preflight(finding, options.vaultName, options.allowed, options.credential !== undefined, endpoint);
  let pre = check(findings[0]);
  for (const finding of findings.slice(1)) if (!isFailure(pre)) pre = check(finding);
  if (isFailure(pre)) return failed(pre);
  const { credential } = options;
  // Preflight has refused a missing credential already; this narrows the type.
  if (credential === undefined) return failed(NO_CREDENTIAL);
  const settings = armSettings(credential, endpoint, options);
  const deadline = startDeadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const hint = hintOf(findings);
    const found = await findVault(
      settings,
      { name: pre.name, subscriptions: pre.allowed.subscriptions, cache: options.cache ?? defaultVaultIdCache, ...(hint ? { hint } : {}) },
      deadline,
    );
    if (!found.ok) return failed(found.failure);
    const vault = found.value;
    if (!pre.allowed.tenants.some((t) => t.toLowerCase() === vault.properties.tenantId.toLowerCase())) {
      return failed({ kind: 'not-allowed', message: `vault ${vault.name} belongs to tenant ${vault.properties.tenantId}, which is not on the allow-list` });
    }
    return await readTheRest(settings, vault, findings, pre.allowed.subscriptions, deadline, options.serviceTags);
  } finally {
    deadline.dispose();
  }
}

async function readTheRest(
  s: ArmSettings,
  vault: ArmVault,
  findings: readonly Finding[],
  subscriptions: readonly string[],
  deadline: Deadline,
  serviceTags: ServiceTagIndex | undefined,
): Promise<LiveCheckResult> {
  // Role and deny assignments matter only in RBAC mode, and only for the callers the log names.
  const callers = vault.properties.enableRbacAuthorization === true ? [...new Set(findings.flatMap((f) => (f.facts.objectId ? [f.facts.objectId] : [])))] : [];
  const [endpoints, nsp, perCaller] = await Promise.all([
    readEndpointConnections(s, vault, deadline),
    readNsp(s, subscriptions, vault.id, deadline),
    Promise.all(
      callers.map(async (objectId) => {
        const [roles, denies] = await Promise.all([readRoles(s, vault.id, objectId, deadline), readDenies(s, vault.id, objectId, deadline)]);
        return { objectId, roles, denies };
      }),
    ),
  ]);
  const incomplete: { read: ReadName; failure: Failure }[] = [];
  const note = <T>(read: ReadName, r: Read<T> | undefined): T | undefined => {
    if (r === undefined) return undefined;
    if (r.ok) return r.value;
    incomplete.push({ read, failure: r.failure });
    return undefined;
  };
  const connections = note('private-endpoints', endpoints);
  const nspRead = note('nsp', nsp);
  if (nspRead?.rulesFailure) incomplete.push({ read: 'nsp-access-rules', failure: nspRead.rulesFailure });
  const perimeter = nspRead?.nsp;
  const shared = {
    ...(connections ? { privateEndpointConnections: connections } : {}),
    ...(perimeter ? { nsp: perimeter } : {}),
  };
  // One model per caller: a refusal is held against its own caller's assignments only.
  const models = new Map<string | undefined, VaultAccessModel>();
  const base = toModel(vault, shared);
  if (!base.ok) return failed({ kind: 'not-supported', message: `the vault's configuration could not be read into the model (${base.message})` });
  models.set(undefined, base.model);
  for (const { objectId, roles, denies } of perCaller) {
    const roleRead = note('role-assignments', roles);
    if (roleRead?.definitionFailure) incomplete.push({ read: 'role-definitions', failure: roleRead.definitionFailure });
    const denyRead = note('deny-assignments', denies);
    const built = toModel(vault, {
      ...shared,
      ...(roleRead ? { roleAssignments: roleRead.entries, groupsExpanded: true } : {}),
      ...(denyRead ? { denyAssignments: denyRead } : {}),
    });
    if (built.ok) models.set(objectId, built.model);
  }
  const modelOf = (f: Finding): VaultAccessModel => models.get(f.facts.objectId) ?? base.model;
  const checks = findings.map((finding) => ({ finding, verdicts: assess(finding, modelOf(finding), serviceTags === undefined ? {} : { serviceTags }) }));
  const first = findings[0];
  return {
    outcome: { kind: 'ok', vaultId: vault.id, incomplete },
    model: first === undefined ? base.model : modelOf(first),
    verdicts: checks[0]?.verdicts ?? [],
    checks,
  };
}
