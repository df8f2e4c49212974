import type { VaultAccessModel } from '@kvdoctor/diagnose';
import type { ReadName } from '../outcome';
import { accessRuleBody, associationBody, perimeterBody, vaultBody } from './arm-bodies';
import { authorizationFailed, type ArmData, type Reply, type Seen } from './arm-server';
import { assignment, customRoleDefinition, denyAssignment } from './rbac-bodies';

/** ARM's subject for a deny assignment that names everyone (what Azure-created denies use). */
const ALL_PRINCIPALS = '00000000-0000-0000-0000-000000000000';

/** The fake ARM state that makes `liveCheck` read back the model a pure scenario states. */
export interface ArmState {
  readonly data: ArmData;
  /** Only these are on the allow-list (a model's `searchedSubscriptions`, else the vault's own). */
  readonly subscriptions: readonly string[];
  /** Answers 403 to the reads the model says were unreadable. */
  readonly override: ((req: Seen) => Reply | undefined) | undefined;
  /** The reads the live check must then report as incomplete, in the order it reports them. */
  readonly incomplete: readonly ReadName[];
}

/** Why a model cannot come out of ARM, or undefined when it can. */
export function inexpressible(model: VaultAccessModel, objectId: string | undefined): string | undefined {
  const { nsp } = model;
  if (nsp?.associated === true && nsp.perimeter === undefined) return 'an association without a perimeter id: ARM lists associations under their perimeter';
  const others = (model.roleAssignments ?? []).filter((a) => a.principalId.toLowerCase() !== objectId && a.principalType?.toLowerCase() !== 'group');
  if (model.enableRbacAuthorization && others.length > 0) return "another principal's assignment: ARM's assignedTo() filter never lists it";
  const unnamed = (model.roleAssignments ?? []).filter((a) => a.dataActions === undefined && a.roleName !== guidOf(a.roleDefinitionId));
  if (model.enableRbacAuthorization && unnamed.length > 0) return 'an unreadable role definition with a name: ARM names a role only in its definition';
  if (model.enableRbacAuthorization && model.roleAssignments !== undefined && model.groupsExpanded !== true) return 'assignments listed without groups: the live check always lists with assignedTo()';
  return undefined;
}

/**
 * The model as the live check reads it: it searches the allow-listed subscriptions only, so "no
 * perimeter" always comes with the subscriptions searched (here the vault's own).
 */
export function asRead(model: VaultAccessModel): VaultAccessModel {
  const { nsp } = model;
  if (nsp === undefined || nsp.associated || nsp.searchedSubscriptions !== undefined) return model;
  return { ...model, nsp: { associated: false, searchedSubscriptions: [model.subscriptionId] } };
}

function guidOf(id: string): string {
  return id.split('/').pop() ?? id;
}

const lower = (s: string): string => s.toLowerCase();

/** The fake ARM's bodies for a model; call only when `inexpressible` says it can be done. */
export function armStateOf(model: VaultAccessModel, objectId: string | undefined): ArmState {
  const vault = vaultBody({
    name: model.name,
    rg: model.resourceGroup,
    sub: model.subscriptionId,
    tenant: model.tenantId,
    location: model.location,
    publicNetworkAccess: model.publicNetworkAccess,
    networkAcls: { ...model.networkAcls },
    enableRbacAuthorization: model.enableRbacAuthorization,
    accessPolicies: model.accessPolicies.map((p) => ({ tenantId: p.tenantId, objectId: p.objectId, ...(p.applicationId === undefined ? {} : { applicationId: p.applicationId }), permissions: p.permissions })),
    privateEndpointConnections: model.privateEndpointConnections,
  });
  const roles = model.roleAssignments ?? [];
  const groups = roles.filter((a) => a.principalType?.toLowerCase() === 'group').map((a) => a.principalId);
  const definitions = Object.fromEntries(
    roles.flatMap((a) =>
      a.dataActions === undefined
        ? []
        : [[lower(guidOf(a.roleDefinitionId)), customRoleDefinition({ guid: guidOf(a.roleDefinitionId), name: a.roleName, dataActions: a.dataActions, ...(a.notDataActions ? { notDataActions: a.notDataActions } : {}) }, model.subscriptionId)]],
    ),
  );
  const assignments = roles.map((a) =>
    assignment(
      {
        role: { guid: guidOf(a.roleDefinitionId), name: a.roleName, dataActions: [] },
        principalId: a.principalId,
        scope: a.scope,
        ...(a.principalType === undefined ? {} : { principalType: a.principalType }),
        ...(a.condition === undefined ? {} : { condition: a.condition }),
      },
      model.subscriptionId,
    ),
  );
  const denies = (model.denyAssignments ?? []).map((d) =>
    denyAssignment({
      name: d.name,
      scope: d.scope,
      dataActions: d.dataActions,
      notDataActions: d.notDataActions,
      principals: [ALL_PRINCIPALS],
      excludePrincipals: d.excludePrincipals,
      doNotApplyToChildScopes: d.doNotApplyToChildScopes,
      ...(d.condition === undefined ? {} : { condition: d.condition }),
    }),
  );
  const { nsp } = model;
  const perimeter = nsp?.associated === true ? nsp.perimeter : undefined;
  const [, , perimeterSub = '', , perimeterRg = '', , , , perimeterName = ''] = perimeter?.split('/') ?? [];
  const subscriptions = nsp?.searchedSubscriptions ?? [...new Set([model.subscriptionId, ...(perimeter === undefined ? [] : [perimeterSub])])];
  const data: ArmData = {
    vaults: { [model.subscriptionId]: [vault] },
    roleDefinitions: definitions,
    roleAssignments: assignments,
    denyAssignments: denies,
    groups: objectId === undefined ? {} : { [objectId]: groups },
    ...(perimeter === undefined
      ? {}
      : {
          perimeters: { [perimeterSub]: [perimeterBody(perimeterName, perimeterRg, perimeterSub)] },
          associations: { [lower(perimeter)]: [associationBody(perimeter, model.id, nsp?.profile, nsp?.mode)] },
          ...(nsp?.profile === undefined || nsp.accessRules === undefined
            ? {}
            : { accessRules: { [lower(`${perimeter}/profiles/${nsp.profile}`)]: nsp.accessRules.map((r) => accessRuleBody(`${perimeter}/profiles/${nsp.profile ?? ''}`, r)) } }),
        }),
  };
  // In RBAC mode the live check reads role and deny assignments of the finding's caller.
  const rbacReads = model.enableRbacAuthorization && objectId !== undefined;
  const unreadable: { read: ReadName; path: string; action: string }[] = [
    ...(nsp === undefined ? [{ read: 'nsp' as const, path: '/networksecurityperimeters', action: 'Microsoft.Network/networkSecurityPerimeters/read' }] : []),
    ...(perimeter !== undefined && nsp?.profile !== undefined && nsp.accessRules === undefined
      ? [{ read: 'nsp-access-rules' as const, path: '/accessrules', action: 'Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/read' }]
      : []),
    ...(rbacReads && model.roleAssignments === undefined ? [{ read: 'role-assignments' as const, path: '/roleassignments', action: 'Microsoft.Authorization/roleAssignments/read' }] : []),
    ...(rbacReads && model.denyAssignments === undefined ? [{ read: 'deny-assignments' as const, path: '/denyassignments', action: 'Microsoft.Authorization/denyAssignments/read' }] : []),
  ];
  const definitionsUnread = rbacReads && roles.some((a) => a.dataActions === undefined);
  const override =
    unreadable.length === 0
      ? undefined
      : (req: Seen): Reply | undefined => {
          const hit = unreadable.find((u) => lower(req.path).endsWith(u.path));
          return hit === undefined ? undefined : authorizationFailed(hit.action, req.path);
        };
  // The live check notes the shared reads first (nsp), then each caller's (roles, their definitions, denies).
  const order: readonly ReadName[] = ['private-endpoints', 'nsp', 'nsp-access-rules', 'role-assignments', 'role-definitions', 'deny-assignments'];
  const incomplete = [...unreadable.map((u) => u.read), ...(definitionsUnread ? ['role-definitions' as const] : [])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { data, subscriptions, override, incomplete };
}
