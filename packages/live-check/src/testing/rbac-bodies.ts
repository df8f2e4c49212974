/**
 * ARM bodies for custom roles, conditional and group-held assignments and deny assignments, shaped
 * as Microsoft.Authorization returns them (azure-rest-api-specs: RoleDefinitions_Get,
 * RoleAssignments_ListForScope, DenyAssignments_ListForScope examples).
 */
import { SUB } from './arm-bodies';

export interface RoleShape {
  readonly guid: string;
  readonly name: string;
  readonly dataActions: readonly string[];
  readonly notDataActions?: readonly string[];
}

export function customRoleDefinition(r: RoleShape, sub = SUB): Record<string, unknown> {
  return {
    id: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${r.guid}`,
    name: r.guid,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: r.name,
      type: 'CustomRole',
      description: '',
      assignableScopes: [`/subscriptions/${sub}`],
      permissions: [{ actions: [], notActions: [], dataActions: [...r.dataActions], notDataActions: [...(r.notDataActions ?? [])] }],
    },
  };
}

export interface AssignmentShape {
  readonly role: RoleShape;
  readonly principalId: string;
  readonly scope: string;
  readonly principalType?: string;
  readonly condition?: string;
}

export function assignment(a: AssignmentShape, sub = SUB): Record<string, unknown> {
  const name = `${a.role.guid.slice(0, 8)}-1111-4000-8000-${a.principalId.slice(-12)}`;
  return {
    id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${a.role.guid}`,
      principalId: a.principalId,
      principalType: a.principalType ?? 'ServicePrincipal',
      scope: a.scope,
      condition: a.condition ?? null,
      conditionVersion: a.condition === undefined ? null : '2.0',
      createdOn: '2025-03-11T09:00:00.0000000Z',
      updatedOn: '2025-03-11T09:00:00.0000000Z',
    },
  };
}

export interface DenyShape {
  readonly name: string;
  readonly scope: string;
  readonly dataActions: readonly string[];
  readonly notDataActions?: readonly string[];
  /** Object ids; `00000000-0000-0000-0000-000000000000` (SystemDefined) is All Principals. */
  readonly principals: readonly string[];
  readonly excludePrincipals?: readonly string[];
  readonly doNotApplyToChildScopes?: boolean;
  readonly condition?: string;
}

export function denyAssignment(d: DenyShape): Record<string, unknown> {
  const all = '00000000-0000-0000-0000-000000000000';
  const id = `${d.scope}/providers/Microsoft.Authorization/denyAssignments/${d.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return {
    id,
    name: id.split('/').pop(),
    type: 'Microsoft.Authorization/denyAssignments',
    properties: {
      denyAssignmentName: d.name,
      description: 'Created by Azure',
      permissions: [{ actions: [], notActions: [], dataActions: [...d.dataActions], notDataActions: [...(d.notDataActions ?? [])] }],
      scope: d.scope,
      doNotApplyToChildScopes: d.doNotApplyToChildScopes ?? false,
      principals: d.principals.map((p) => ({ id: p, type: p === all ? 'SystemDefined' : 'ServicePrincipal' })),
      excludePrincipals: (d.excludePrincipals ?? []).map((p) => ({ id: p, type: 'ServicePrincipal' })),
      isSystemProtected: true,
      condition: d.condition ?? null,
      conditionVersion: d.condition === undefined ? null : '2.0',
    },
  };
}
