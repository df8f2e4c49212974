import { CREDENTIAL_CODES } from './codes-credentials';
import { DIRECTORY_CODES } from './codes-directory';
import { FEDERATION_CODES } from './codes-federation';
import type { AadCodeInfo, AadKind } from './kinds';

/** The codes with curated, CI-aware causes and fixes; every other AADSTS code gets Entra's own meaning. */
export const AAD_CODES: readonly AadCodeInfo[] = [...FEDERATION_CODES, ...CREDENTIAL_CODES, ...DIRECTORY_CODES];

const BY_CODE = new Map(AAD_CODES.map((c) => [c.code, c]));

export function codeInfo(code: string | undefined): AadCodeInfo | undefined {
  return code === undefined ? undefined : BY_CODE.get(code.toUpperCase());
}

/**
 * Any AADSTS code, whole: the word boundaries keep AADSTS5002730 from being read as AADSTS50027.
 * Entra's codes have five to seven digits; a fixed digit run cannot backtrack.
 */
export const ANY_CODE = /\bAADSTS\d{5,7}\b/g;

/** What `explain` accepts beyond the curated codes: any code, answered from Entra's reference. */
export const CODE_FORM = /^AADSTS\d{5,7}$/i;

/** At most this many distinct codes of one line become findings (a wrapper names two, a pasted page more). */
const CODES_PER_LINE = 8;

/** The distinct codes a line names, in order: `AADSTS70002: … AADSTS50012: …` is two errors. */
export function codesIn(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(ANY_CODE)) {
    if (!out.includes(m[0])) out.push(m[0]);
    if (out.length === CODES_PER_LINE) break;
  }
  return out;
}

// Pre-2019 Entra wrapped the real error: "AADSTS70002: Error validating credentials. AADSTS50012: …".
const LEGACY_INNER: readonly { re: RegExp; kind: AadKind }[] = [
  { re: /AADSTS50126/, kind: 'user-password' },
  { re: /not within its valid time range/, kind: 'assertion-expired' },
  { re: /client_secret or client_assertion/, kind: 'credential-missing' },
  { re: /Invalid client secret/, kind: 'secret-invalid' },
];

/** The kind of a finding: the code's own, except for the legacy wrapper whose inner error decides. */
export function kindOf(info: AadCodeInfo, inner: string | undefined): AadKind {
  if (info.code !== 'AADSTS70002' || inner === undefined) return info.kind;
  return LEGACY_INNER.find((l) => l.re.test(inner))?.kind ?? info.kind;
}
