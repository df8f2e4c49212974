import type { AssessContext } from './context';
import type { Verdict } from './verdict';

/**
 * Which authorization system decides today, held against the one that refused. In RBAC mode access
 * policies are ignored, the usual reason for "ForbiddenByRbac although I set an access policy".
 */
export function permissionModelCheck(ctx: AssessContext): Verdict {
  const { model, gate } = ctx;
  const rbac = model.enableRbacAuthorization;
  const deciding = rbac ? 'enableRbacAuthorization true: Azure RBAC decides data access' : 'enableRbacAuthorization false: access policies decide data access';
  if ((gate === 'rbac' && !rbac) || (gate === 'access-policy' && rbac)) {
    const refusedBy = gate === 'rbac' ? 'Azure RBAC (ForbiddenByRbac)' : 'an access policy';
    return {
      check: 'permission-model',
      status: 'unknown',
      evidence: `${deciding}, but the refusal came from ${refusedBy}: the permission model changed after the log was written, or the log is about another vault; the ${rbac ? 'role-assignment' : 'access-policy'} check reflects today`,
    };
  }
  const ignored = rbac && ctx.objectId !== undefined && model.accessPolicies.some((p) => p.objectId.toLowerCase() === ctx.objectId);
  const note = ignored ? `; the access policy for object ${ctx.objectId} is ignored in this mode` : '';
  const matches = gate === 'rbac' || gate === 'access-policy' ? ', as the refusal says' : '';
  return { check: 'permission-model', status: 'pass', evidence: `${deciding}${matches}${note}` };
}
