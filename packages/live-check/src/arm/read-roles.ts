import type { VaultAccessModel } from '@kvdoctor/diagnose';
import type { Deadline } from '../deadline';
import { GuidSchema } from '../guid';
import type { Failure, Read } from '../outcome';
import { attempt } from './attempt';
import { type ArmSettings, authorizationClient, trimEnd } from './client';
import { scopeOf } from './resource-id';

type RoleEntry = NonNullable<VaultAccessModel['roleAssignments']>[number];


/** At the vault or above: ARM's principal filter also returns assignments on child resources. */
function atOrAbove(scope: string, vaultId: string): boolean {
  const s = trimEnd(scope.toLowerCase());
  const v = vaultId.toLowerCase();
  return s === '' || v === s || v.startsWith(`${s}/`);
}

export interface RolesRead {
  readonly entries: RoleEntry[];
  /** A role definition that could not be read leaves its entry without data actions. */
  readonly definitionFailure?: Failure;
}

/**
 * Role assignments of one object id that apply to the vault, with each role's data actions. Group
 * memberships are not expanded: ARM's filter matches the principal id only.
 */
export async function readRoles(s: ArmSettings, vaultId: string, objectId: string, deadline: Deadline): Promise<Read<RolesRead>> {
  if (!GuidSchema.safeParse(objectId).success) {
    // The id goes into an OData filter; anything but a GUID is refused before a request is built.
    return { ok: false, failure: { kind: 'not-supported', message: `object id ${JSON.stringify(objectId.slice(0, 40))} is not a GUID` } };
  }
  const { subscriptionId } = scopeOf(vaultId);
  // The SDK's paths are "/{scope}/…" and "/{roleId}": an id's own leading slash would double it.
  const bare = (id: string): string => id.replace(/^\/+/, '');
  const client = authorizationClient(s, subscriptionId);
  const assignments = await attempt(
    { what: `listing role assignments of ${objectId} on the vault`, needs: 'Reader on the vault (Microsoft.Authorization/roleAssignments/read)' },
    deadline,
    async () => {
      const out: { roleDefinitionId: string; scope: string; principalId: string }[] = [];
      for await (const a of client.roleAssignments.listForScope(bare(vaultId), { filter: `principalId eq '${objectId}'`, abortSignal: deadline.signal })) {
        if (a.roleDefinitionId && a.scope && a.principalId && atOrAbove(a.scope, vaultId)) {
          out.push({ roleDefinitionId: a.roleDefinitionId, scope: a.scope, principalId: a.principalId });
        }
      }
      return out;
    },
  );
  if (!assignments.ok) return assignments;
  const ids = [...new Set(assignments.value.map((a) => a.roleDefinitionId))];
  const definitions = await Promise.all(
    ids.map((id) =>
      attempt({ what: `reading role definition ${id.split('/').pop() ?? id}`, needs: 'Reader (Microsoft.Authorization/roleDefinitions/read)' }, deadline, () =>
        client.roleDefinitions.getById(bare(id), { abortSignal: deadline.signal }),
      ),
    ),
  );
  const byId = new Map(ids.map((id, i) => [id, definitions[i]]));
  const entries = assignments.value.map((a): RoleEntry => {
    const def = byId.get(a.roleDefinitionId);
    const guid = a.roleDefinitionId.split('/').pop() ?? a.roleDefinitionId;
    if (def === undefined || !def.ok) return { ...a, roleName: guid };
    const dataActions = (def.value.permissions ?? []).flatMap((p) => p.dataActions ?? []);
    return { ...a, roleName: def.value.roleName ?? guid, dataActions };
  });
  const failed = definitions.find((d) => !d.ok);
  return { ok: true, value: { entries, ...(failed && !failed.ok ? { definitionFailure: failed.failure } : {}) } };
}
