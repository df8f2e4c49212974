import { assess, type Finding, type ServiceTagIndex, type VaultAccessModel, type Verdict } from '@kvdoctor/diagnose';
import { armSettings, PUBLIC_ARM_ENDPOINT, trimEnd, type ArmSettings, type TokenCredential } from './arm/client';
import { findVault } from './arm/find-vault';
import { readNsp } from './arm/read-nsp';
import { readEndpointConnections } from './arm/read-vault';
import { readDenies } from './arm/read-denies';
import { readRoles } from './arm/read-roles';
import { type Deadline, startDeadline } from './deadline';
import type { Failure, Outcome, Read, ReadName } from './outcome';
import { isFailure, NO_CREDENTIAL, preflight } from './preflight';
import { defaultVaultIdCache, type VaultIdCache } from './vault-cache';
import { type ArmVault, toModel } from './vault-json';

export interface LiveCheckOptions {
  /** The refusal to hold against the vault; without one, only the configuration is read (no verdicts). */
  readonly finding?: Finding;
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
  readonly verdicts: Verdict[];
}

const DEFAULT_TIMEOUT_MS = 20_000;

function hintOf(finding: Finding | undefined): { subscriptionId: string; resourceGroup: string } | undefined {
  if (finding === undefined) return undefined;
  const { subscriptionId, resourceGroup } = finding.details;
  return subscriptionId && resourceGroup ? { subscriptionId, resourceGroup } : undefined;
}

function failed(failure: Failure): LiveCheckResult {
  return { outcome: failure, verdicts: [] };
}

/**
 * Reads the vault's access configuration through ARM and holds the finding against it. The vault
 * is found first (by name alone if need be); private endpoints, role assignments and perimeter
 * associations are then read in parallel. A read that fails leaves its verdicts `unknown` and is
 * listed in `outcome.incomplete`; the other verdicts still count.
 */
export async function liveCheck(options: LiveCheckOptions): Promise<LiveCheckResult> {
  const endpoint = trimEnd(options.endpoint ?? PUBLIC_ARM_ENDPOINT);
  const pre = preflight(options.finding, options.vaultName, options.allowed, options.credential !== undefined, endpoint);
  if (isFailure(pre)) return failed(pre);
  const { credential } = options;
  // Preflight has refused a missing credential already; this narrows the type.
  if (credential === undefined) return failed(NO_CREDENTIAL);
  const settings = armSettings(credential, endpoint, options);
  const deadline = startDeadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const hint = hintOf(options.finding);
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
    return await readTheRest(settings, vault, options.finding, pre.allowed.subscriptions, deadline, options.serviceTags);
  } finally {
    deadline.dispose();
  }
}

async function readTheRest(
  s: ArmSettings,
  vault: ArmVault,
  finding: Finding | undefined,
  subscriptions: readonly string[],
  deadline: Deadline,
  serviceTags: ServiceTagIndex | undefined,
): Promise<LiveCheckResult> {
  const objectId = finding?.facts.objectId;
  // Role assignments matter only in RBAC mode, and only for a caller the log names.
  const wantRoles = vault.properties.enableRbacAuthorization === true && objectId !== undefined;
  const [endpoints, roles, denies, nsp] = await Promise.all([
    readEndpointConnections(s, vault, deadline),
    wantRoles ? readRoles(s, vault.id, objectId, deadline) : Promise.resolve(undefined),
    wantRoles ? readDenies(s, vault.id, objectId, deadline) : Promise.resolve(undefined),
    readNsp(s, subscriptions, vault.id, deadline),
  ]);
  const incomplete: { read: ReadName; failure: Failure }[] = [];
  const note = <T>(read: ReadName, r: Read<T> | undefined): T | undefined => {
    if (r === undefined) return undefined;
    if (r.ok) return r.value;
    incomplete.push({ read, failure: r.failure });
    return undefined;
  };
  const connections = note('private-endpoints', endpoints);
  const roleRead = note('role-assignments', roles);
  if (roleRead?.definitionFailure) incomplete.push({ read: 'role-definitions', failure: roleRead.definitionFailure });
  const denyRead = note('deny-assignments', denies);
  const perimeter = note('nsp', nsp);
  const built = toModel(vault, {
    ...(connections ? { privateEndpointConnections: connections } : {}),
    ...(roleRead ? { roleAssignments: roleRead.entries, groupsExpanded: true } : {}),
    ...(denyRead ? { denyAssignments: denyRead } : {}),
    ...(perimeter ? { nsp: perimeter } : {}),
  });
  if (!built.ok) return failed({ kind: 'not-supported', message: `the vault's configuration could not be read into the model (${built.message})` });
  return { outcome: { kind: 'ok', vaultId: vault.id, incomplete }, model: built.model, verdicts: finding === undefined ? [] : assess(finding, built.model, serviceTags === undefined ? {} : { serviceTags }) };
}
