import type { VaultAccessModel } from '@kvdoctor/diagnose';
import type { Deadline } from '../deadline';
import { GuidSchema } from '../guid';
import type { Read } from '../outcome';
import { attempt } from './attempt';
import { type ArmSettings, authorizationClient } from './client';
import { assignedTo, reachesVault } from './read-roles';
import { scopeOf } from './resource-id';

type DenyEntry = NonNullable<VaultAccessModel['denyAssignments']>[number];

/**
 * Deny assignments that ARM lists for one object id (its groups included) and that reach the vault
 * or its objects. Azure creates them (managed applications, deployment stacks); a role assignment
 * cannot outweigh one, so a role check that skipped them would pass callers Key Vault refuses.
 */
export async function readDenies(s: ArmSettings, vaultId: string, objectId: string, deadline: Deadline): Promise<Read<DenyEntry[]>> {
  if (!GuidSchema.safeParse(objectId).success) {
    return { ok: false, failure: { kind: 'not-supported', message: `object id ${JSON.stringify(objectId.slice(0, 40))} is not a GUID` } };
  }
  const client = authorizationClient(s, scopeOf(vaultId).subscriptionId);
  return attempt(
    { what: `listing deny assignments of ${objectId} on the vault`, needs: 'Reader on the vault (Microsoft.Authorization/denyAssignments/read)' },
    deadline,
    async () => {
      const out: DenyEntry[] = [];
      for await (const d of client.denyAssignments.listForScope(vaultId.replace(/^\/+/, ''), { filter: assignedTo(objectId), abortSignal: deadline.signal })) {
        if (!d.scope || !reachesVault(d.scope, vaultId)) continue;
        const permissions = d.permissions ?? [];
        out.push({
          name: d.denyAssignmentName ?? d.name ?? 'unnamed deny assignment',
          scope: d.scope,
          dataActions: permissions.flatMap((p) => p.dataActions ?? []),
          notDataActions: permissions.flatMap((p) => p.notDataActions ?? []),
          excludePrincipals: (d.excludePrincipals ?? []).flatMap((p) => (p.id ? [p.id] : [])),
          doNotApplyToChildScopes: d.doNotApplyToChildScopes ?? false,
          ...(d.condition ? { condition: d.condition } : {}),
        });
      }
      return out;
    },
  );
}
