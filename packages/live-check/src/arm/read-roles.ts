import type { VaultAccessModel } from '@kvdoctor/diagnose';
import type { Deadline } from '../deadline';
import { GuidSchema } from '../guid';
import type { Failure, Read } from '../outcome';
import { attempt } from './attempt';
import { type ArmSettings, authorizationClient, trimEnd } from './client';
import { lastSegment, scopeOf } from './resource-id';

type RoleEntry = NonNullable<VaultAccessModel['roleAssignments']>[number];


/**
 * At the vault, above it, or on one of its keys, secrets or certificates (Key Vault honours
 * object-scope assignments). ARM's filter also returns assignments on unrelated child resources of
 * the vault's ancestors, which reach nothing here.
 */
export function reachesVault(scope: string, vaultId: string): boolean {
  const s = trimEnd(scope.toLowerCase());
  const v = vaultId.toLowerCase();
  return s === '' || v === s || v.startsWith(`${s}/`) || s.startsWith(`${v}/`);
}

/** ARM's `assignedTo()` filter (what `az role assignment list --include-groups` sends): the object's own and its groups', transitively. */
export function assignedTo(objectId: string): string {
  return `assignedTo('${objectId}')`;
}

export interface RolesRead {
  readonly entries: RoleEntry[];
  /** A role definition that could not be read leaves its entry without data actions. */
  readonly definitionFailure?: Failure;
}

/**
 * Role assignments of one object id and of the groups it is a member of that apply to the vault or
 * its objects, with each role's data actions, NotDataActions and the assignment's condition.
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
      const out: Omit<RoleEntry, 'roleName'>[] = [];
      for await (const a of client.roleAssignments.listForScope(bare(vaultId), { filter: assignedTo(objectId), abortSignal: deadline.signal })) {
        if (a.roleDefinitionId && a.scope && a.principalId && reachesVault(a.scope, vaultId)) {
          out.push({
            roleDefinitionId: a.roleDefinitionId,
            scope: a.scope,
            principalId: a.principalId,
            ...(a.principalType ? { principalType: a.principalType } : {}),
            ...(a.condition ? { condition: a.condition } : {}),
          });
        }
      }
      return out;
    },
  );
  if (!assignments.ok) return assignments;
  const ids = [...new Set(assignments.value.map((a) => a.roleDefinitionId))];
  const definitions = await Promise.all(
    ids.map((id) =>
      attempt({ what: `reading role definition ${lastSegment(id)}`, needs: 'Reader (Microsoft.Authorization/roleDefinitions/read)' }, deadline, () =>
        client.roleDefinitions.getById(bare(id), { abortSignal: deadline.signal }),
      ),
    ),
  );
  const byId = new Map(ids.map((id, i) => [id, definitions[i]]));
  const entries = assignments.value.map((a): RoleEntry => {
    const def = byId.get(a.roleDefinitionId);
    const guid = lastSegment(a.roleDefinitionId);
    if (def === undefined || !def.ok) return { ...a, roleName: guid };
    const permissions = def.value.permissions ?? [];
    const dataActions = permissions.flatMap((p) => p.dataActions ?? []);
    const notDataActions = permissions.flatMap((p) => p.notDataActions ?? []);
    return { ...a, roleName: def.value.roleName ?? guid, dataActions, ...(notDataActions.length > 0 ? { notDataActions } : {}) };
  });
  const failed = definitions.find((d) => !d.ok);
  return { ok: true, value: { entries, ...(failed && !failed.ok ? { definitionFailure: failed.failure } : {}) } };
}
