import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** What the fake ARM holds, as ARM's own JSON bodies, keyed the way ARM addresses them. */
export interface ArmData {
  /** Vault bodies per subscription id. */
  vaults: Record<string, unknown[]>;
  /** Vaults per page of a subscription's resources listing; later pages come through nextLink. */
  pageSize?: number;
  /** Private endpoint connection bodies per vault id (lower case). */
  endpointConnections?: Record<string, unknown[]>;
  roleAssignments?: unknown[];
  /** Group ids per member object id (lower case): what ARM's assignedTo() expands, transitively already. */
  groups?: Record<string, string[]>;
  /** Deny assignment bodies; assignedTo() returns those naming the object, one of its groups, or All Principals. */
  denyAssignments?: unknown[];
  /** Role definition bodies per definition GUID (lower case). */
  roleDefinitions?: Record<string, unknown>;
  perimeters?: Record<string, unknown[]>;
  /** Association bodies per perimeter id (lower case). */
  associations?: Record<string, unknown[]>;
  /** Access rule bodies per profile id (lower case). */
  accessRules?: Record<string, unknown[]>;
  /** The service-tags answer per subscription id (lower case), whatever the location. */
  serviceTags?: Record<string, unknown>;
}

export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Answer only after this long (the client may give up first). */
  readonly delayMs?: number;
}

export interface ArmServer {
  readonly endpoint: string;
  readonly requests: Seen[];
  /** Consulted before the routes: return a reply to fail or slow a request. */
  override: ((req: Seen) => Reply | undefined) | undefined;
  close(): Promise<void>;
}

const error = (status: number, code: string, message: string, headers?: Record<string, string>): Reply => ({ status, body: { error: { code, message } }, ...(headers ? { headers } : {}) });

/** ARM's AuthorizationFailed body, in the wording ARM uses. */
export function authorizationFailed(action: string, scope: string): Reply {
  return error(
    403,
    'AuthorizationFailed',
    `The client 'kvdoctor-reader' with object id '3f1d6c6a-0000-4000-8000-00000000c0de' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

/** A 429 whose wait is in milliseconds, in one of the two headers ARM and the SDK's throttling policy use. */
export function throttledMs(header: 'retry-after-ms' | 'x-ms-retry-after-ms', ms: number): Reply {
  return error(429, 'SubscriptionRequestsThrottled', "Number of 'read' requests exceeded.", { [header]: String(ms) });
}

export function throttled(seconds: number): Reply {
  return error(429, 'SubscriptionRequestsThrottled', `Number of 'read' requests exceeded. Please try again after '${seconds}' seconds.`, { 'retry-after': String(seconds) });
}

const lower = (s: string): string => s.toLowerCase();
const idOf = (body: unknown): string => (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string' ? lower(body.id) : '');
const propsOf = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && 'properties' in body && typeof body.properties === 'object' && body.properties !== null ? { ...body.properties } : {};

/** What the resources list says of a vault: its body without `properties` (or systemData). */
function trackedResource(body: unknown): Record<string, unknown> {
  const keep = new Set(['id', 'name', 'type', 'location', 'tags']);
  return Object.fromEntries(Object.entries(typeof body === 'object' && body !== null ? body : {}).filter(([k]) => keep.has(k)));
}

const ALL_PRINCIPALS = '00000000-0000-0000-0000-000000000000';

/** The principal ids an ARM filter selects: `principalId eq` one id, `assignedTo()` the id and its groups. */
function principalsOf(data: ArmData, filter: string): string[] | undefined {
  const principal = /principalId eq '([^']+)'/.exec(filter)?.[1]?.toLowerCase();
  if (principal !== undefined) return [principal];
  const member = /assignedTo\('([^']+)'\)/.exec(filter)?.[1]?.toLowerCase();
  return member === undefined ? undefined : [member, ...(data.groups?.[member] ?? []).map(lower)];
}

function route(data: ArmData, req: Seen, endpoint: string): Reply {
  const path = lower(req.path);
  // The generic resources list filtered by type (the SDK's vaults.list): id, name, type, location and
  // tags of each vault, never its properties.
  let m = /^\/subscriptions\/([^/]+)\/resources$/.exec(path);
  if (m) {
    if (req.query.get('$filter') !== "resourceType eq 'Microsoft.KeyVault/vaults'") return error(400, 'InvalidFilterInQueryString', 'only the Key Vault type filter is served here');
    const all = (data.vaults[m[1] ?? ''] ?? []).map(trackedResource);
    const size = data.pageSize ?? 100;
    const skip = Number(req.query.get('$skiptoken') ?? '0');
    const next = skip + size < all.length ? `${endpoint}${req.path}?api-version=${req.query.get('api-version') ?? ''}&$filter=${encodeURIComponent(req.query.get('$filter') ?? '')}&$skiptoken=${skip + size}` : undefined;
    return { status: 200, body: { value: all.slice(skip, skip + size), ...(next ? { nextLink: next } : {}) } };
  }
  m = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.keyvault\/vaults\/([^/]+))(\/privateendpointconnections)?$/.exec(path);
  if (m) {
    const vault = Object.values(data.vaults).flat().find((v) => idOf(v) === m?.[1]);
    if (vault === undefined) {
      return error(404, 'ResourceNotFound', `The Resource 'Microsoft.KeyVault/vaults/${m[2] ?? ''}' under resource group was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
    }
    if (!m[3]) return { status: 200, body: vault };
    // Unless a test says otherwise, the listing agrees with the connections embedded in the vault.
    const embedded = propsOf(vault)['privateEndpointConnections'];
    const derived = (Array.isArray(embedded) ? embedded : []).map((c: unknown) =>
      typeof c === 'object' && c !== null && 'id' in c && typeof c.id === 'string' ? { name: c.id.split('/').pop(), ...c } : c,
    );
    return { status: 200, body: { value: data.endpointConnections?.[m[1] ?? ''] ?? derived } };
  }
  m = /^(.*)\/providers\/microsoft\.authorization\/roleassignments$/.exec(path);
  if (m) {
    const ids = principalsOf(data, req.query.get('$filter') ?? '');
    const value = (data.roleAssignments ?? []).filter((a) => ids === undefined || ids.includes(lower(String(propsOf(a)['principalId'] ?? ''))));
    return { status: 200, body: { value } };
  }
  m = /^(.*)\/providers\/microsoft\.authorization\/denyassignments$/.exec(path);
  if (m) {
    const ids = principalsOf(data, req.query.get('$filter') ?? '');
    const names = (d: unknown): string[] => {
      const principals = propsOf(d)['principals'];
      return (Array.isArray(principals) ? principals : []).map((p: unknown) => (typeof p === 'object' && p !== null && 'id' in p ? lower(String(p.id)) : ''));
    };
    const value = (data.denyAssignments ?? []).filter((d) => ids === undefined || names(d).some((n) => n === ALL_PRINCIPALS || ids.includes(n)));
    return { status: 200, body: { value } };
  }
  m = /\/providers\/microsoft\.authorization\/roledefinitions\/([^/]+)$/.exec(path);
  if (m) {
    const def = data.roleDefinitions?.[m[1] ?? ''];
    return def === undefined ? error(404, 'RoleDefinitionDoesNotExist', 'The specified role definition does not exist.') : { status: 200, body: def };
  }
  m = /^\/subscriptions\/([^/]+)\/providers\/microsoft\.network\/networksecurityperimeters$/.exec(path);
  if (m) return { status: 200, body: { value: data.perimeters?.[m[1] ?? ''] ?? [] } };
  m = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.network\/networksecurityperimeters\/[^/]+)\/resourceassociations$/.exec(path);
  if (m) return { status: 200, body: { value: data.associations?.[m[1] ?? ''] ?? [] } };
  m = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.network\/networksecurityperimeters\/[^/]+\/profiles\/[^/]+)\/accessrules$/.exec(path);
  if (m) return { status: 200, body: { value: data.accessRules?.[m[1] ?? ''] ?? [] } };
  m = /^\/subscriptions\/([^/]+)\/providers\/microsoft\.network\/locations\/[a-z0-9]+\/servicetags$/.exec(path);
  if (m) {
    const body = data.serviceTags?.[m[1] ?? ''];
    return body === undefined ? error(404, 'SubscriptionNotFound', `The subscription '${m[1] ?? ''}' could not be found.`) : { status: 200, body };
  }
  return error(400, 'KvdoctorTestServerUnknownRoute', `no route for ${req.method} ${req.path}`);
}

/** A local HTTPS server on 127.0.0.1 speaking the ARM REST routes the live check's SDK calls use. */
export async function startArmServer(data: ArmData, tls: { key: string; cert: string }): Promise<ArmServer> {
  const requests: Seen[] = [];
  let endpoint = '';
  const server = createServer({ key: tls.key, cert: tls.cert }, (req: IncomingMessage, res: ServerResponse) => {
    // Parsed by hand: `new URL('//subscriptions/…', base)` would read "subscriptions" as a host.
    const raw = req.url ?? '/';
    const at = raw.indexOf('?');
    const seen: Seen = {
      method: req.method ?? 'GET',
      path: at < 0 ? raw : raw.slice(0, at),
      query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)),
      authorization: req.headers.authorization,
    };
    requests.push(seen);
    const reply: Reply =
      armServer.override?.(seen) ??
      (!seen.authorization?.startsWith('Bearer ')
        ? error(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.")
        : seen.query.get('api-version') === null
          ? error(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.")
          : route(data, seen, endpoint));
    const send = (): void => {
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    };
    if (reply.delayMs === undefined) send();
    else {
      const timer = setTimeout(send, reply.delayMs);
      res.on('close', () => clearTimeout(timer));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : 0;
  endpoint = `https://127.0.0.1:${port}`;
  const armServer: ArmServer = {
    endpoint,
    requests,
    override: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return armServer;
}

/** A port on 127.0.0.1 that nothing listens on (for connection-refused tests). */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `https://127.0.0.1:${port}`;
}
