import { value } from '../fixes/quote';
import { commands } from './commands';
import { type AssessContext, plural, predates } from './context';
import { neededPermission } from './data-actions';
import type { Verdict } from './verdict';

/** Access-policy vaults: does an entry for the caller's object grant the permission it used? */
export function policyCheck(ctx: AssessContext): Verdict {
  const { model } = ctx;
  const need = neededPermission(ctx.finding);
  const wanted = `${need.kind} ${need.permission}${need.assumed ? ' (assumed: the log does not name the operation)' : ''}${need.request === undefined ? '' : ` for ${need.request}`}`;
  const oid = value(ctx.objectId, 'object-id');
  // Pipelines list before they get (Azure DevOps asks for "Get, List"), so a secret read gets both.
  const base = need.kind === 'secrets' && need.permission === 'get' ? ['get', 'list'] : [need.permission];
  if (ctx.objectId === undefined) {
    return {
      check: 'access-policy',
      status: 'unknown',
      evidence: `access-policy mode: the log names no object id, so no access policy can be matched; the caller needs ${wanted}`,
      command: commands.setPolicy(model, oid, need.kind, base),
    };
  }
  const mine = model.accessPolicies.filter((p) => p.objectId.toLowerCase() === ctx.objectId);
  // "All access policy entries and roles assignments are also tied to this tenant ID" (Key Vault's
  // move-subscription guide): an entry naming another tenant, left behind by a tenant move, grants nothing.
  const vaultTenant = model.tenantId.toLowerCase();
  const entries = mine.filter((p) => p.tenantId.toLowerCase() === vaultTenant);
  const foreign = mine.filter((p) => p.tenantId.toLowerCase() !== vaultTenant);
  const plain = entries.filter((p) => p.applicationId === undefined);
  const granted = plain.flatMap((p) => p.permissions[need.kind].map((x) => x.toLowerCase()));
  const has = (p: string): boolean => granted.includes(p.toLowerCase()) || granted.includes('all');
  // Microsoft documents two permissions for the operation: holding one of them settles nothing.
  if (need.alsoDocumented !== undefined && has(need.permission) !== has(need.alsoDocumented)) {
    const [held, missing] = has(need.permission) ? [need.permission, need.alsoDocumented] : [need.alsoDocumented, need.permission];
    return {
      check: 'access-policy',
      status: 'unknown',
      evidence: `access-policy mode, object ${ctx.objectId} has ${need.kind} [${[...new Set(granted)].join(', ')}]: ${wanted}; Microsoft documents both ${need.permission} and ${need.alsoDocumented} for it, and the entry has ${held} but not ${missing}`,
      command: commands.setPolicy(model, oid, need.kind, [...new Set([...granted, need.permission, need.alsoDocumented])]),
    };
  }
  if (has(need.permission)) {
    return {
      check: 'access-policy',
      status: 'pass',
      evidence: `access-policy mode, object ${ctx.objectId} has ${need.kind} [${[...new Set(granted)].join(', ')}]: ${need.permission} is now granted${predates(ctx, 'access-policy', 'policy')}`,
    };
  }
  const permissions = [...new Set([...granted, ...base, ...(need.alsoDocumented === undefined ? [] : [need.alsoDocumented])])];
  const command = commands.setPolicy(model, oid, need.kind, permissions);
  if (plain.length === 0) {
    const compound = entries.length > 0 ? `; its only entry names application ${entries[0]?.applicationId ?? ''}, which admits on-behalf-of calls alone` : '';
    const stale =
      foreign.length > 0
        ? `; its entry names tenant ${foreign[0]?.tenantId ?? ''}, not the vault's tenant ${model.tenantId}, so it grants nothing (left from a tenant move: add a new entry, remove the old)`
        : '';
    return {
      check: 'access-policy',
      status: 'fail',
      evidence: `access-policy mode, object ${ctx.objectId} has no access policy${foreign.length > 0 ? ' in the vault\'s tenant' : ''} (${plural(model.accessPolicies.length, 'policy', 'policies')} on the vault)${compound}${stale}; it needs ${wanted}`,
      command,
    };
  }
  return {
    check: 'access-policy',
    status: 'fail',
    evidence: `access-policy mode, object ${ctx.objectId} has ${need.kind} [${[...new Set(granted)].join(', ')}] but not ${need.permission}; it needs ${wanted}`,
    command,
  };
}
