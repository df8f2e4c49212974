import type { Details, Facts } from '../../report/schema';
import { extractRequest } from '../../facts/request-url';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { GUID } from '../../rule-kit/patterns';
import type { Occurrence } from '../../rule-kit/rule';
import type { Window } from '../../rule-kit/window';
import { explainUnauthorizedToken } from './explain';
import { formatNote, parseNote, type TokenNote } from './note';

// Key Vault's 401 sub-codes, and the AKV10000 sentence as older service versions wrote it (no code).
// A raised SDK error that printed only `"statusCode": 401` (empty body) counts when the request went
// to a vault: the token was missing or refused before any AKV code was written.
// The confidential-containers key release tools print only the status of a refused token, and Go's
// autorest prints only "StatusCode=401" when the 401 came with an empty body.
const ANCHOR = /\bAKV1\d{4}\b|Request is missing a Bearer or PoP token|"statusCode":\s?401\b|StatusCode=401 -- Original Error|AKV response body failed: http response status equal to 401 Unauthorized/g;
const KEY_RELEASE = /AKV response body failed/;
const BARE_401 = /"statusCode":\s?401\b|StatusCode=401 -- Original Error/;
// A bare 401 is Key Vault's when the request went to a vault's or a managed HSM's data-plane host, or
// a Key Vault client made it (autorest's keyvault.BaseClient, Terraform's "Azure KeyVault Secret").
const VAULT_HOST = /\.(?:vault|managedhsm)\.(?:azure\.net|azure\.cn|usgovcloudapi\.net)|\bkeyvault\.[A-Za-z]{1,40}Client#|\bAzure KeyVault (?:Secret|Key|Certificate)\b/;
const CODE = /\bAKV(1\d{4})\b/;
const EXPECTED_TENANT = new RegExp(`Expected one of https://[A-Za-z0-9.-]{1,60}/(${GUID})/`);
const FOUND_TENANT = new RegExp(`found https://[A-Za-z0-9.-]{1,60}/(${GUID})/`);
// The 401 challenge names the vault's tenant: WWW-Authenticate: Bearer authorization="https://login.windows.net/<tid>".
const CHALLENGE_TENANT = new RegExp(
  `authorization(?:_uri)?\\s?=\\s?\\\\?"https://login\\.(?:windows\\.net|microsoftonline\\.com|microsoftonline\\.us|chinacloudapi\\.cn)/(${GUID})`,
  'i',
);
const AUDIENCE = /Invalid audience\. Expected (https:\/\/[A-Za-z0-9.-]{1,100}\/?)(?: or [A-Za-z0-9-]{1,60})?, found:? ([A-Za-z][A-Za-z0-9+.-]{0,20}:[^\s'"&,`]{1,300})/i;
// Signs that a 401 was logged by an SDK's debug output, where the unauthenticated first request is normal.
const DEBUG_DUMP = /\bW{3}-Authenticate:|\[DEBUG\]|AzureRM Response for|Error response \[|retryPolicy/i;
const SUCCESS = /HTTP\/[12](?:\.[01])? 200\b|\b200 OK\b|Response \[[^\]\s]{1,80}\] 200\b/g;

/** Offset of the last success line in the window, or -1: one pass, however many 401s it holds. */
function lastSuccessAt(window: Window): number {
  let last = -1;
  SUCCESS.lastIndex = 0;
  for (let m = SUCCESS.exec(window.text); m !== null; m = SUCCESS.exec(window.text)) last = m.index;
  return last;
}

function extract(block: string, anchorText: string): { facts: Facts; details: Details } {
  const facts: Facts = {};
  const code = CODE.exec(anchorText)?.[1];
  // The AKV sub-code is the specific reason under the generic "Unauthorized" code.
  if (code) facts.innerErrorCode = `AKV${code}`;
  const caller = FOUND_TENANT.exec(block)?.[1];
  if (caller) facts.tenantId = caller.toLowerCase();
  const vaultTenant = (EXPECTED_TENANT.exec(block)?.[1] ?? CHALLENGE_TENANT.exec(block)?.[1])?.toLowerCase();
  const audience = AUDIENCE.exec(block);
  let token: Pick<TokenNote, 'audience' | 'expected'> = {};
  if (audience?.[1] && audience[2]) {
    token = { expected: audience[1], audience: audience[2].replace(/[.,;]{1,8}$/, '') };
    // When the token was requested for the vault URL, that URL is the audience, not the request.
    const at = audience.index + audience[0].length - audience[2].length;
    facts.requestUrl = extractRequest(`${block.slice(0, at)} ${block.slice(at + audience[2].length)}`).requestUrl;
  }
  const message = formatNote({ ...(vaultTenant ? { vaultTenant } : {}), ...token, ...(KEY_RELEASE.test(anchorText) ? { keyRelease: true } : {}) });
  return { facts, details: message ? { message } : {} };
}

const RAW_BODY = /^\{"error":\{/;

/** A 401 line that states no AKV code: only the status reached the log. */
function isBare(line: string): boolean {
  return BARE_401.test(line) && !CODE.test(line);
}

function isMissingToken(window: Window, o: Occurrence): boolean {
  const text = window.lineText(o.anchor);
  return o.facts.innerErrorCode === 'AKV10000' || /Request is missing a Bearer/.test(text) || isBare(text);
}

/**
 * SDKs send their first request without a token to read the vault's tenant from the 401 challenge.
 * A response body dumped by a debug log (not raised as an error) is that protocol step, not a
 * refusal: it is dropped. A raised AKV10000 followed by a 200 is kept, at low confidence.
 */
function handleChallenges(window: Window, occurrences: readonly Occurrence[]): Occurrence[] {
  let successAt: number | undefined;
  return occurrences.flatMap((o) => {
    if (!isMissingToken(window, o)) return [o];
    const anchorText = window.lineText(o.anchor);
    if (RAW_BODY.test(anchorText) && DEBUG_DUMP.test(window.slice(o.from, o.to))) return [];
    if (successAt === undefined) successAt = lastSuccessAt(window);
    if (successAt < window.startOf(o.anchor + 1)) return [o];
    const message = formatNote({ ...parseNote(o.details.message), challenge: true });
    return [{ ...o, confidence: 'low' as const, details: { ...o.details, ...(message ? { message } : {}) } }];
  });
}

export default defineRule({
  meta: {
    id: 'unauthorized-token',
    title: 'Key Vault rejected the access token (401)',
    description:
      'Key Vault answered 401 with an AKV100xx code: the request carried no token (AKV10000), a token from another tenant than the vault\'s (AKV10032), a token for another audience than Key Vault (AKV10022), or one whose signing key the service could not resolve (AKV10046).',
    severity: 'error',
    since: '0.1.0',
    rank: 10,
    codes: ['AKV10000', 'AKV10022', 'AKV10032', 'AKV10046'],
    docs: [
      { title: 'Azure Key Vault REST API error codes (401)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/rest-error-codes' },
      { title: 'Authentication in Azure Key Vault', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/authentication' },
      { title: 'Moving a key vault to a different subscription (tenant ID)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/move-subscription' },
    ],
  },
  markers: ['AKV100', 'Request is missing a Bearer or PoP token', '"statusCode": 401', '"statusCode":401', 'StatusCode=401', 'AKV response body failed'],
  match: (window) =>
    handleChallenges(
      window,
      findOccurrences(window, { anchor: ANCHOR, before: 12, extract }).filter(
        (o) => !isBare(window.lineText(o.anchor)) || VAULT_HOST.test(window.slice(o.from, o.to)),
      ),
    ),
  explain: explainUnauthorizedToken,
});
