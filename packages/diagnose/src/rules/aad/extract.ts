import type { Details, Facts } from '../../report/schema';
import { extractIds } from '../../facts/ids';
import { GUID, GUID_ONLY } from '../../rule-kit/patterns';
import { ANY_CODE } from './codes';
import { formatHints, type Hints } from './hints';

const ONE_CODE = new RegExp(ANY_CODE.source);

// "Application with identifier '…'" (700016), "for app '…'" (7000215/7000222), "app Id '…'"
// (700027), "The client '…'(name)" (70025), "Application '…'(name) is disabled" (7000112),
// "application with ID '…'" (65001), and azure/login's echoed input "client-id: …".
const APP_ID = new RegExp(`(?:Application with identifier|\\bapp(?: Id)?|\\bThe client|\\bApplication|application with ID|^client-id:) '?(${GUID})`, 'im');
// "Tenant '…' not found" (90002), "directory '…'" (700016), "in the … directory" (50034), "not
// found in the tenant named …" (500011), the token endpoint or authority URL, and azure/login's "tenant-id: …".
const TENANT = new RegExp(
  `(?:Tenant '|directory '|in the |tenant named |login\\.microsoftonline\\.[a-z]{2,3}/|login\\.windows\\.net/|login\\.chinacloudapi\\.cn/|^tenant-id: )(${GUID})`,
  'im',
);
const DIRECTORY = /in the directory '([^'"\n]{1,120})['"]|not found in the directory ([^\s'"]{1,120})|exist in the ([^\s'"]{1,120}) directory/;
const RESOURCE = /resource principal named (\S{1,300}) was not found|Scopes: \[ ?([^\s\]]{1,200})/;
const ASSERTION_ISSUER = /Assertion Issuer: [`']([^`'\s]{1,400})[`']|presented assertion issuer '([^'\s]{1,400})'|^issuer - (\S{1,400})$/m;
const ASSERTION_SUBJECT = /Assertion Subject: [`']([^`']{1,400})[`']|presented assertion subject '([^']{1,400})'|^subject claim - (\S{1,400})$/m;
const ASSERTION_AUDIENCE = /Assertion Audience: [`']([^`'\s]{1,400})[`']|presented assertion audience '([^'\s]{1,400})'|^audience - (\S{1,400})$/m;
const EXPECTED_SUBJECT = /credential Subject is '([^']{1,400})'/;
const APP_NAME = /(?:The client|\bApplication) '[^'\n]{1,80}'\(([^)\n]{1,120})\)|named '([^'\n]{1,120})'\. Send/;
const AUTHORITY = /authority configuration for (https:\/\/[^\s/]{1,100})/;
const THUMBPRINT = /Thumbprint of key used by client: '([0-9A-Fa-f]{40})'/;
const ISO = '(\\d{4}-\\d{2}-\\d{2}T[0-9:.]{8,20}Z)';
const CURRENT_TIME = new RegExp(`Current time: ${ISO}`);
const VALID_FROM = new RegExp(`assertion valid from ${ISO}`);
const EXPIRES = new RegExp(`expiry time of assertion ${ISO}`);
const INNER = /AADSTS70002: ([^\n"\\]{1,200})/;
const ID_TOKEN_MISSING = /Unable to get ACTIONS_ID_TOKEN_REQUEST_URL/;
const OAUTH_ERROR = /"error"\s?:\s?"([a-z_]{3,40})"|\bErrorCode: ([a-z_]{3,40})\b/;
const JSON_TRACE = new RegExp(`"trace_id"\\s?:\\s?"(${GUID})"`);
const JSON_CORRELATION = new RegExp(`"correlation_id"\\s?:\\s?"(${GUID})"`);
const CLOUDS: readonly { re: RegExp; cloud: NonNullable<Details['cloud']> }[] = [
  { re: /login\.microsoftonline\.us\b/, cloud: 'usgov' },
  { re: /login\.(?:chinacloudapi\.cn|partner\.microsoftonline\.cn)\b/, cloud: 'china' },
  { re: /login\.microsoftonline\.de\b/, cloud: 'germany' },
];
// Hand-redacted or placeholder values ("***", "repo:***/x", "<org>", "XXXX") are not facts.
const MASKED = /\*{3}|<[^>\n]{1,60}>/;
const PLACEHOLDER = /^(?:x{3,}|_)$/i;

/** Patterns built at run time (the ReDoS test parses only literals), for this family's own check. */
export const BUILT_PATTERNS: readonly RegExp[] = [ONE_CODE, APP_ID, TENANT, CURRENT_TIME, VALID_FROM, EXPIRES, JSON_TRACE, JSON_CORRELATION];

/** The first capture group that matched, when the value is real. */
function pick(re: RegExp, text: string): string | undefined {
  const m = re.exec(text);
  const v = m?.slice(1).find((g) => g !== undefined);
  return v !== undefined && !MASKED.test(v) && !PLACEHOLDER.test(v) ? v : undefined;
}

function guid(re: RegExp, text: string): string | undefined {
  const v = re.exec(text)?.[1];
  return v !== undefined && GUID_ONLY.test(v) ? v.toLowerCase() : undefined;
}

function hintsOf(block: string, anchor: string): Hints {
  const directory = pick(DIRECTORY, block);
  const inner = INNER.exec(anchor)?.[1]?.split(/ ?Trace ID/)[0]?.trim();
  return {
    issuer: pick(ASSERTION_ISSUER, block),
    subject: pick(ASSERTION_SUBJECT, block),
    audience: pick(ASSERTION_AUDIENCE, block),
    'expected subject': pick(EXPECTED_SUBJECT, block),
    directory: directory !== undefined && !GUID_ONLY.test(directory) ? directory : undefined,
    'app name': pick(APP_NAME, block),
    authority: pick(AUTHORITY, block),
    thumbprint: pick(THUMBPRINT, block),
    'current time': pick(CURRENT_TIME, anchor),
    'valid from': pick(VALID_FROM, anchor),
    expires: pick(EXPIRES, anchor),
    inner: inner !== undefined && inner.length > 0 ? inner : undefined,
    'id-token': ID_TOKEN_MISSING.test(block) ? 'ACTIONS_ID_TOKEN_REQUEST_URL unavailable' : undefined,
  };
}

/** Facts of one Entra error: the code on the anchor line wins; ids come from that line first. */
export function extractAad(block: string, anchor: string): { facts: Facts; details: Details } {
  const facts: Facts = {};
  const code = ONE_CODE.exec(anchor)?.[0];
  if (code !== undefined) facts.aadCode = code;
  const appId = guid(APP_ID, block);
  if (appId) facts.appId = appId;
  const tenantId = guid(TENANT, block);
  if (tenantId) facts.tenantId = tenantId;
  const oauth = pick(OAUTH_ERROR, block);
  if (oauth) facts.errorCode = oauth;

  const own = extractIds(anchor);
  const correlation = own.correlationId ?? extractIds(block).correlationId ?? guid(JSON_CORRELATION, block);
  if (correlation) facts.correlationId = correlation;
  if (own.timestamp) facts.timestamp = own.timestamp;

  const details: Details = {};
  const trace = own.traceId ?? extractIds(block).traceId ?? guid(JSON_TRACE, block);
  if (trace) details.traceId = trace;
  const resource = pick(RESOURCE, block);
  if (resource) details.resource = resource;
  const cloud = CLOUDS.find((c) => c.re.test(block))?.cloud;
  if (cloud) details.cloud = cloud;
  const message = formatHints(hintsOf(block, anchor));
  if (message) details.message = message;
  return { facts, details };
}
