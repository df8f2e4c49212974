import type { Finding } from '../report/schema';
import type { PolicyKind } from './commands';
import { type RequestOperation, requestOperation } from './request-operation';

const PREFIX = 'Microsoft.KeyVault/vaults/';

/** What the caller tried, as an RBAC data action; `assumed` when the log did not say. */
export interface NeededAction {
  readonly action: string;
  readonly assumed: boolean;
  /** The object the request named: an assignment on it (not only on the vault) grants the action. */
  readonly object?: { readonly kind: PolicyKind; readonly name: string };
  /** The request as the log showed it, when the action was read from its URL. */
  readonly request?: string;
}

const BY_OBJECT_TYPE: Readonly<Record<string, string>> = {
  secret: `${PREFIX}secrets/getSecret/action`,
  key: `${PREFIX}keys/read`,
  certificate: `${PREFIX}certificates/read`,
};

const OBJECT_KINDS: Readonly<Record<string, PolicyKind>> = { secret: 'secrets', key: 'keys', certificate: 'certificates' };

function namedObject(finding: Finding): NeededAction['object'] {
  const kind = finding.facts.objectType === undefined ? undefined : OBJECT_KINDS[finding.facts.objectType];
  const name = finding.facts.objectName;
  return kind === undefined || name === undefined ? undefined : { kind, name };
}

/** A request whose operation is known but for which Microsoft documents no RBAC data action. */
export interface UndocumentedAction {
  readonly undocumented: true;
  readonly request: string;
}

function operationOf(finding: Finding): RequestOperation | undefined {
  const { requestUrl, requestMethod } = finding.facts;
  return requestUrl === undefined ? undefined : requestOperation(requestUrl, requestMethod);
}

/**
 * The data action Key Vault checked: the one the refusal names, else the request's (its method and
 * URL: a collection is a list, an object URL a get, …), else the object type's read. The object
 * comes from the URL when it has one, so a list never counts as a request on one object.
 */
export function neededAction(finding: Finding): NeededAction | UndocumentedAction {
  const op = operationOf(finding);
  const urlObject = op?.objectName === undefined ? undefined : { kind: op.kind, name: op.objectName };
  const stated = finding.facts.action;
  if (stated !== undefined && stated.toLowerCase().startsWith(PREFIX.toLowerCase())) {
    const object = op === undefined ? namedObject(finding) : urlObject;
    return { action: stated, assumed: false, ...(object === undefined ? {} : { object }) };
  }
  if (op !== undefined) {
    if (op.action === undefined) return { undocumented: true, request: op.described };
    return { action: op.action, assumed: false, request: op.described, ...(urlObject === undefined ? {} : { object: urlObject }) };
  }
  const byType = finding.facts.objectType === undefined ? undefined : BY_OBJECT_TYPE[finding.facts.objectType];
  const object = namedObject(finding);
  // CI/CD reads secrets far more than anything else, so an unstated operation is taken as a secret read.
  if (byType === undefined) return { action: `${PREFIX}secrets/getSecret/action`, assumed: true };
  return { action: byType, assumed: false, ...(object === undefined ? {} : { object }) };
}

/**
 * The narrowest built-in role that grants a data action (Microsoft's built-in roles reference,
 * security category); Key Vault Administrator covers anything else.
 */
const ROLES: readonly { readonly role: string; readonly actions: readonly string[] }[] = [
  { role: 'Key Vault Secrets User', actions: ['secrets/getSecret/action', 'secrets/readMetadata/action'] },
  { role: 'Key Vault Secrets Officer', actions: ['secrets/*'] },
  { role: 'Key Vault Crypto Service Encryption User', actions: ['keys/read', 'keys/wrap/action', 'keys/unwrap/action'] },
  { role: 'Key Vault Crypto User', actions: ['keys/encrypt/action', 'keys/decrypt/action', 'keys/sign/action', 'keys/verify/action', 'keys/update/action', 'keys/backup/action'] },
  { role: 'Key Vault Crypto Officer', actions: ['keys/*', 'keyrotationpolicies/*'] },
  { role: 'Key Vault Certificate User', actions: ['certificates/read'] },
  { role: 'Key Vault Certificates Officer', actions: ['certificates/*', 'certificatecas/*', 'certificatecontacts/write'] },
];

export function roleFor(action: string): string {
  const hit = ROLES.find((r) => r.actions.some((a) => actionMatches(`${PREFIX}${a}`, action)));
  return hit?.role ?? 'Key Vault Administrator';
}

/** Azure's action wildcard (`*` spans any characters), case-insensitive, without a regex. */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  let pi = 0;
  let ai = 0;
  let star = -1;
  let mark = 0;
  while (ai < a.length) {
    if (pi < p.length && p[pi] !== '*' && p[pi] === a[ai]) {
      pi++;
      ai++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ai;
    } else if (star >= 0) {
      pi = star + 1;
      ai = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** True when an assignment at `scope` applies to `resourceId` (the same scope or an ancestor). */
export function scopeCovers(scope: string, resourceId: string): boolean {
  // A loop, not /\/+$/: that regex is quadratic on a long run of slashes.
  let end = scope.length;
  while (end > 0 && scope[end - 1] === '/') end--;
  const s = scope.slice(0, end).toLowerCase();
  const r = resourceId.toLowerCase();
  return s === '' || r === s || r.startsWith(`${s}/`);
}

/** The access-policy permission the caller lacked, and what documents it. */
export interface NeededPermission {
  readonly kind: PolicyKind;
  readonly permission: string;
  /** Another permission Microsoft's docs name for the same operation: only both are certain to admit. */
  readonly alsoDocumented?: string;
  readonly assumed: boolean;
  readonly request?: string;
}

/** The access-policy permission the caller lacked: the text's own words, else the request's, else from the object type. */
export function neededPermission(finding: Finding): NeededPermission {
  const stated = /^(secrets|keys|certificates) ([a-z]{2,20})$/i.exec(finding.details.permission ?? '');
  const kind = stated?.[1]?.toLowerCase();
  const permission = stated?.[2]?.toLowerCase();
  if ((kind === 'secrets' || kind === 'keys' || kind === 'certificates') && permission !== undefined) return { kind, permission, assumed: false };
  const op = operationOf(finding);
  if (op !== undefined) return { kind: op.kind, permission: op.permission, ...(op.alsoDocumented === undefined ? {} : { alsoDocumented: op.alsoDocumented }), assumed: false, request: op.described };
  const type = finding.facts.objectType;
  if (type === 'key') return { kind: 'keys', permission: 'get', assumed: false };
  if (type === 'certificate') return { kind: 'certificates', permission: 'get', assumed: false };
  return { kind: 'secrets', permission: 'get', assumed: type !== 'secret' };
}
