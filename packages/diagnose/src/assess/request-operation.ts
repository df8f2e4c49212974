import type { PolicyKind } from './commands';

const PREFIX = 'Microsoft.KeyVault/vaults/';

/**
 * One data-plane operation as both permission systems name it: the access-policy permission and the
 * RBAC data action (Microsoft's "Azure RBAC for Key Vault data plane operations" and the Key Vault
 * REST reference). `objectName` is absent for collection operations (list), which no object-scoped
 * role assignment can grant.
 */
export interface RequestOperation {
  readonly kind: PolicyKind;
  readonly permission: string;
  readonly action: string;
  readonly objectName?: string;
  /** What the request was, for evidence: "GET /secrets (list)". */
  readonly described: string;
}

// Key operations that Key Vault exposes as POST /keys/{name}/{version}/{op}; names as the REST API spells them.
const KEY_OPERATIONS: Readonly<Record<string, { permission: string; action: string }>> = {
  encrypt: { permission: 'encrypt', action: 'keys/encrypt/action' },
  decrypt: { permission: 'decrypt', action: 'keys/decrypt/action' },
  wrapkey: { permission: 'wrapKey', action: 'keys/wrap/action' },
  unwrapkey: { permission: 'unwrapKey', action: 'keys/unwrap/action' },
  sign: { permission: 'sign', action: 'keys/sign/action' },
  verify: { permission: 'verify', action: 'keys/verify/action' },
};

// Reading an object or its list: access policies split get and list, RBAC has one data action for both
// except secrets, whose value (getSecret) is apart from their metadata (readMetadata).
const READS: Readonly<Record<PolicyKind, { get: string; list: string }>> = {
  secrets: { get: 'secrets/getSecret/action', list: 'secrets/readMetadata/action' },
  keys: { get: 'keys/read', list: 'keys/read' },
  certificates: { get: 'certificates/read', list: 'certificates/read' },
};

const KINDS: readonly PolicyKind[] = ['secrets', 'keys', 'certificates'];
const NAME = /^[A-Za-z0-9-]{1,127}$/;
const VERSION = /^[0-9a-fA-F]{32}$/;

function isKind(segment: string | undefined): segment is PolicyKind {
  return KINDS.some((k) => k === segment);
}

/** The path of a vault URL, without host, query and empty segments, in its original case. */
function pathSegments(requestUrl: string): string[] {
  const noQuery = requestUrl.split(/[?#]/, 1)[0] ?? '';
  const afterScheme = noQuery.replace(/^[a-z]+:\/\/[^/]*/i, '');
  return afterScheme.split('/').filter((s) => s !== '');
}

function read(kind: PolicyKind, which: 'get' | 'list', name: string | undefined, described: string): RequestOperation {
  return { kind, permission: which, action: `${PREFIX}${READS[kind][which]}`, ...(name === undefined ? {} : { objectName: name }), described };
}

/**
 * What a Key Vault request URL asked for. Logs carry the URL but rarely the method, so an object URL
 * is taken as the GET every CI reader sends; URLs this does not recognise give undefined.
 */
export function requestOperation(requestUrl: string): RequestOperation | undefined {
  const [first, name, third, fourth, ...rest] = pathSegments(requestUrl);
  const kind = first?.toLowerCase();
  if (!isKind(kind) || rest.length > 0) return undefined;
  if (name === undefined) return read(kind, 'list', undefined, `GET /${kind} (list)`);
  if (!NAME.test(name)) return undefined;
  if (third === undefined) return read(kind, 'get', name, `GET /${kind}/${name}`);
  // SDKs leave the version empty ("/keys/name//sign") for the latest one.
  if (fourth === undefined && kind === 'keys' && KEY_OPERATIONS[third.toLowerCase()] !== undefined) return keyOperation(name, '', third);
  if (third.toLowerCase() === 'versions' && fourth === undefined) return read(kind, 'list', name, `GET /${kind}/${name}/versions (list)`);
  if (!VERSION.test(third)) return undefined;
  if (fourth === undefined) return read(kind, 'get', name, `GET /${kind}/${name}/${third}`);
  return kind === 'keys' ? keyOperation(name, `${third}/`, fourth) : undefined;
}

function keyOperation(name: string, version: string, segment: string): RequestOperation | undefined {
  const op = KEY_OPERATIONS[segment.toLowerCase()];
  if (op === undefined) return undefined;
  return { kind: 'keys', permission: op.permission, action: `${PREFIX}${op.action}`, objectName: name, described: `POST /keys/${name}/${version}${segment}` };
}
