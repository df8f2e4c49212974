import type { PolicyKind } from './commands';

const PREFIX = 'Microsoft.KeyVault/vaults/';

/**
 * One data-plane operation as both permission systems name it: the access-policy permission (the
 * Key Vault REST reference's "This operation requires the … permission") and the RBAC data action
 * (Microsoft's "Azure permissions for Security", Microsoft.KeyVault). `objectName` is absent for
 * collection and deleted-object operations, which no object-scoped role assignment is documented to grant.
 */
export interface RequestOperation {
  readonly kind: PolicyKind;
  readonly permission: string;
  /**
   * A second access-policy permission Microsoft documents for the same operation (the REST reference
   * and the access-policy permission list disagree): only both together are certain to admit.
   */
  readonly alsoDocumented?: string;
  /** The RBAC data action; absent where Microsoft documents none (deleted-object reads, reading contacts). */
  readonly action?: string;
  readonly objectName?: string;
  /** What the request was, for evidence: "GET /secrets (list)". */
  readonly described: string;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** `{n}` an object name, `{v}` a version, anything else a literal segment (case-insensitive). */
type Segment = '{n}' | '{v}' | (string & {});

interface Route {
  readonly method: HttpMethod;
  readonly collection: 'secrets' | 'keys' | 'certificates' | 'deletedsecrets' | 'deletedkeys' | 'deletedcertificates';
  readonly path: readonly Segment[];
  readonly permission: string;
  readonly alsoDocumented?: string;
  readonly action?: string;
}

const r = (method: HttpMethod, collection: Route['collection'], path: readonly Segment[], permission: string, action?: string, alsoDocumented?: string): Route => ({
  method,
  collection,
  path,
  permission,
  ...(action === undefined ? {} : { action: `${PREFIX}${action}` }),
  ...(alsoDocumented === undefined ? {} : { alsoDocumented }),
});

// Key operations that Key Vault exposes as POST /keys/{name}/{version}/{op}; names as the REST API spells them.
const KEY_OPERATIONS: readonly (readonly [string, string, string])[] = [
  ['encrypt', 'encrypt', 'keys/encrypt/action'],
  ['decrypt', 'decrypt', 'keys/decrypt/action'],
  ['wrapkey', 'wrapKey', 'keys/wrap/action'],
  ['unwrapkey', 'unwrapKey', 'keys/unwrap/action'],
  ['sign', 'sign', 'keys/sign/action'],
  ['verify', 'verify', 'keys/verify/action'],
  ['release', 'release', 'keys/release/action'],
];

/**
 * Every route the live check can tell apart, first match wins (literal routes before `{n}` ones).
 * Reading an object or its list: access policies split get and list, RBAC has one data action for
 * both except secrets, whose value (getSecret) is apart from their metadata (readMetadata).
 */
const ROUTES: readonly Route[] = [
  r('GET', 'secrets', [], 'list', 'secrets/readMetadata/action'),
  r('POST', 'secrets', ['restore'], 'restore', 'secrets/restore/action'),
  r('GET', 'secrets', ['{n}', 'versions'], 'list', 'secrets/readMetadata/action'),
  r('POST', 'secrets', ['{n}', 'backup'], 'backup', 'secrets/backup/action'),
  r('GET', 'secrets', ['{n}'], 'get', 'secrets/getSecret/action'),
  r('GET', 'secrets', ['{n}', '{v}'], 'get', 'secrets/getSecret/action'),
  r('PUT', 'secrets', ['{n}'], 'set', 'secrets/setSecret/action'),
  r('PATCH', 'secrets', ['{n}'], 'set', 'secrets/update/action'),
  r('PATCH', 'secrets', ['{n}', '{v}'], 'set', 'secrets/update/action'),
  r('DELETE', 'secrets', ['{n}'], 'delete', 'secrets/delete'),
  // Deleted objects: Microsoft documents no data action for reading them.
  r('GET', 'deletedsecrets', [], 'list'),
  r('GET', 'deletedsecrets', ['{n}'], 'get'),
  r('DELETE', 'deletedsecrets', ['{n}'], 'purge', 'secrets/purge/action'),
  r('POST', 'deletedsecrets', ['{n}', 'recover'], 'recover', 'secrets/recover/action'),
  r('GET', 'keys', [], 'list', 'keys/read'),
  r('POST', 'keys', ['restore'], 'restore', 'keys/restore/action'),
  r('GET', 'keys', ['{n}', 'versions'], 'list', 'keys/read'),
  r('POST', 'keys', ['{n}', 'create'], 'create', 'keys/create/action'),
  r('POST', 'keys', ['{n}', 'backup'], 'backup', 'keys/backup/action'),
  r('POST', 'keys', ['{n}', 'rotate'], 'rotate', 'keys/rotate/action'),
  // The REST reference says keys/get and keys/update; access policies have getrotationpolicy and setrotationpolicy.
  r('GET', 'keys', ['{n}', 'rotationpolicy'], 'getrotationpolicy', 'keyrotationpolicies/read', 'get'),
  r('PUT', 'keys', ['{n}', 'rotationpolicy'], 'setrotationpolicy', 'keyrotationpolicies/write', 'update'),
  ...KEY_OPERATIONS.flatMap(([op, permission, action]) => [r('POST', 'keys', ['{n}', op], permission, action), r('POST', 'keys', ['{n}', '{v}', op], permission, action)]),
  r('GET', 'keys', ['{n}'], 'get', 'keys/read'),
  r('GET', 'keys', ['{n}', '{v}'], 'get', 'keys/read'),
  r('PUT', 'keys', ['{n}'], 'import', 'keys/import/action'),
  r('PATCH', 'keys', ['{n}'], 'update', 'keys/update/action'),
  r('PATCH', 'keys', ['{n}', '{v}'], 'update', 'keys/update/action'),
  r('DELETE', 'keys', ['{n}'], 'delete', 'keys/delete'),
  r('GET', 'deletedkeys', [], 'list'),
  r('GET', 'deletedkeys', ['{n}'], 'get'),
  r('DELETE', 'deletedkeys', ['{n}'], 'purge', 'keys/purge/action'),
  r('POST', 'deletedkeys', ['{n}', 'recover'], 'recover', 'keys/recover/action'),
  r('GET', 'certificates', [], 'list', 'certificates/read'),
  // The REST reference names getissuers for listing issuers; access policies also have listissuers.
  r('GET', 'certificates', ['issuers'], 'listissuers', 'certificatecas/read', 'getissuers'),
  r('GET', 'certificates', ['issuers', '{n}'], 'getissuers', 'certificatecas/read'),
  r('PUT', 'certificates', ['issuers', '{n}'], 'setissuers', 'certificatecas/write'),
  r('PATCH', 'certificates', ['issuers', '{n}'], 'setissuers', 'certificatecas/write'),
  r('DELETE', 'certificates', ['issuers', '{n}'], 'deleteissuers', 'certificatecas/delete'),
  r('GET', 'certificates', ['contacts'], 'managecontacts'),
  r('PUT', 'certificates', ['contacts'], 'managecontacts', 'certificatecontacts/write'),
  r('DELETE', 'certificates', ['contacts'], 'managecontacts', 'certificatecontacts/write'),
  r('POST', 'certificates', ['restore'], 'restore', 'certificates/restore/action'),
  r('GET', 'certificates', ['{n}', 'versions'], 'list', 'certificates/read'),
  r('POST', 'certificates', ['{n}', 'create'], 'create', 'certificates/create/action'),
  r('POST', 'certificates', ['{n}', 'import'], 'import', 'certificates/import/action'),
  r('POST', 'certificates', ['{n}', 'backup'], 'backup', 'certificates/backup/action'),
  r('GET', 'certificates', ['{n}', 'policy'], 'get', 'certificates/read'),
  r('PATCH', 'certificates', ['{n}', 'policy'], 'update', 'certificates/update/action'),
  r('GET', 'certificates', ['{n}'], 'get', 'certificates/read'),
  r('GET', 'certificates', ['{n}', '{v}'], 'get', 'certificates/read'),
  r('PATCH', 'certificates', ['{n}'], 'update', 'certificates/update/action'),
  r('PATCH', 'certificates', ['{n}', '{v}'], 'update', 'certificates/update/action'),
  r('DELETE', 'certificates', ['{n}'], 'delete', 'certificates/delete'),
  r('GET', 'deletedcertificates', [], 'list'),
  r('GET', 'deletedcertificates', ['{n}'], 'get'),
  r('DELETE', 'deletedcertificates', ['{n}'], 'purge', 'certificates/purge/action'),
  r('POST', 'deletedcertificates', ['{n}', 'recover'], 'recover', 'certificates/recover/action'),
];

const KIND_OF: Readonly<Record<Route['collection'], PolicyKind>> = {
  secrets: 'secrets',
  deletedsecrets: 'secrets',
  keys: 'keys',
  deletedkeys: 'keys',
  certificates: 'certificates',
  deletedcertificates: 'certificates',
};
const NAME = /^[A-Za-z0-9-]{1,127}$/;
const VERSION = /^[0-9a-fA-F]{32}$/;
const METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'];

/** The path of a vault URL, without host, query and empty segments, in its original case. */
function pathSegments(requestUrl: string): string[] {
  const noQuery = requestUrl.split(/[?#]/, 1)[0] ?? '';
  const afterScheme = noQuery.replace(/^[a-z]+:\/\/[^/]*/i, '');
  return afterScheme.split('/').filter((s) => s !== '');
}

function matches(template: readonly Segment[], rest: readonly string[]): boolean {
  if (template.length !== rest.length) return false;
  return template.every((t, i) => {
    const s = rest[i] ?? '';
    if (t === '{n}') return NAME.test(s);
    if (t === '{v}') return VERSION.test(s);
    return t === s.toLowerCase();
  });
}

/**
 * What a Key Vault request asked for. Logs carry the URL more often than the method: without one,
 * a URL only one method serves (…/wrapkey, …/recover) is that method's, and any other is taken as
 * the GET every CI reader sends. URLs and methods this does not recognise give undefined.
 */
export function requestOperation(requestUrl: string, method?: string): RequestOperation | undefined {
  const [first, ...rest] = pathSegments(requestUrl);
  const collection = first?.toLowerCase();
  const stated = METHODS.find((m) => m === method?.toUpperCase());
  if (method !== undefined && stated === undefined) return undefined;
  const candidates = ROUTES.filter((route) => route.collection === collection && matches(route.path, rest));
  const route = stated !== undefined ? candidates.find((c) => c.method === stated) : (candidates.find((c) => c.method === 'GET') ?? (candidates.length === 1 ? candidates[0] : undefined));
  if (route === undefined) return undefined;
  const live = route.collection === 'secrets' || route.collection === 'keys' || route.collection === 'certificates';
  const at = route.path.indexOf('{n}');
  const name = live && at >= 0 && route.path[0] !== 'issuers' ? rest[at] : undefined;
  const list = route.permission === 'list' || route.permission === 'listissuers' ? ' (list)' : '';
  const described = `${route.method} /${[route.collection, ...rest].join('/')}${list}`;
  return {
    kind: KIND_OF[route.collection],
    permission: route.permission,
    ...(route.alsoDocumented === undefined ? {} : { alsoDocumented: route.alsoDocumented }),
    ...(route.action === undefined ? {} : { action: route.action }),
    ...(name === undefined ? {} : { objectName: name }),
    described,
  };
}
