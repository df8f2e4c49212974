import type { Deadline } from '../deadline';
import type { Failure, Read } from '../outcome';
import type { VaultIdCache } from '../vault-cache';
import type { ArmVault } from '../vault-json';
import { attempt } from './attempt';
import { type ArmSettings, keyVaultClient } from './client';
import { readVault } from './read-vault';
import { scopeOf } from './resource-id';

export interface Locate {
  readonly name: string;
  /** Allow-listed subscriptions: the only ones searched or read. */
  readonly subscriptions: readonly string[];
  /** Where the log says the vault lives (an RBAC message's Resource line), if it says. */
  readonly hint?: { readonly subscriptionId: string; readonly resourceGroup: string };
  readonly cache: VaultIdCache;
}

// When no subscription could be searched, the most actionable reason wins.
const PRIORITY: readonly Failure['kind'][] = ['timeout', 'no-credentials', 'throttled', 'network-error', 'forbidden', 'not-supported', 'not-found'];

/**
 * The vault's id, found by name in one subscription. The generic resources list filtered by type
 * (what `vaults.list` sends) carries each vault's id, name, location and tags only: no other vault's
 * access policies or network rules are read on the way to this one.
 */
function searchOne(s: ArmSettings, subscriptionId: string, name: string, deadline: Deadline): Promise<Read<string | undefined>> {
  const want = name.toLowerCase();
  return attempt(
    {
      what: `listing vaults in subscription ${subscriptionId}`,
      needs: `Reader on subscription ${subscriptionId} (Microsoft.Resources/subscriptions/resources/read), or Reader on the vault`,
    },
    deadline,
    async () => {
      for await (const vault of keyVaultClient(s, subscriptionId).vaults.list({ abortSignal: deadline.signal })) {
        if (vault.name?.toLowerCase() === want && vault.id !== undefined) return vault.id;
      }
      return undefined;
    },
  );
}

async function readKnown(s: ArmSettings, id: string, name: string, deadline: Deadline): Promise<Read<ArmVault>> {
  const { subscriptionId, resourceGroup } = scopeOf(id);
  return readVault(s, subscriptionId, resourceGroup, name, deadline);
}

/** Finds a vault by name alone: the cached id, the log's hint, then every allowed subscription. */
export async function findVault(s: ArmSettings, req: Locate, deadline: Deadline): Promise<Read<ArmVault>> {
  const allowed = new Set(req.subscriptions.map((x) => x.toLowerCase()));
  const known = [req.cache.get(s.endpoint, req.name)];
  if (req.hint && allowed.has(req.hint.subscriptionId.toLowerCase())) {
    known.push(`/subscriptions/${req.hint.subscriptionId}/resourceGroups/${req.hint.resourceGroup}/providers/Microsoft.KeyVault/vaults/${req.name}`);
  }
  for (const id of known) {
    if (id === undefined || !allowed.has(scopeOf(id).subscriptionId.toLowerCase())) continue;
    const read = await readKnown(s, id, req.name, deadline);
    if (read.ok) {
      req.cache.set(s.endpoint, req.name, read.value.id);
      return read;
    }
    if (read.failure.kind !== 'not-found') return read;
    req.cache.delete(s.endpoint, req.name);
  }
  const results = await Promise.all(req.subscriptions.map((sub) => searchOne(s, sub, req.name, deadline)));
  for (const r of results) {
    if (r.ok && r.value !== undefined) {
      const vault = await readKnown(s, r.value, req.name, deadline);
      if (vault.ok) req.cache.set(s.endpoint, req.name, vault.value.id);
      return vault;
    }
  }
  const failures = results.flatMap((r) => (r.ok ? [] : [r.failure]));
  const timedOut = failures.find((f) => f.kind === 'timeout');
  if (timedOut) return { ok: false, failure: timedOut };
  const searched = results.length - failures.length;
  if (searched === 0) {
    const worst = [...failures].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind))[0];
    if (worst) return { ok: false, failure: worst };
  }
  const unread = failures.length === 0 ? '' : `; ${failures.length} more could not be searched (${failures.map((f) => f.kind).join(', ')})`;
  return {
    ok: false,
    failure: { kind: 'not-found', message: `no vault named ${req.name} in the ${searched} allowed subscription${searched === 1 ? '' : 's'} searched${unread}; a soft-deleted vault is not listed (az keyvault list-deleted)` },
  };
}
