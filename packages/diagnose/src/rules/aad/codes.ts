import { CREDENTIAL_CODES } from './codes-credentials';
import { DIRECTORY_CODES } from './codes-directory';
import { FEDERATION_CODES } from './codes-federation';
import type { AadCodeInfo, AadKind } from './kinds';

/** Every AADSTS code the family explains; anything else (browser sign-in codes, B2C) is not claimed. */
export const AAD_CODES: readonly AadCodeInfo[] = [...FEDERATION_CODES, ...CREDENTIAL_CODES, ...DIRECTORY_CODES];

const BY_CODE = new Map(AAD_CODES.map((c) => [c.code, c]));

export function codeInfo(code: string | undefined): AadCodeInfo | undefined {
  return code === undefined ? undefined : BY_CODE.get(code.toUpperCase());
}

/**
 * One literal alternation of the known codes, each closed by a word boundary so AADSTS5002730
 * is not read as AADSTS50027. Digits only: it cannot backtrack beyond one code's length.
 */
export const KNOWN_CODE = new RegExp(`\\bAADSTS(?:${AAD_CODES.map((c) => c.code.slice('AADSTS'.length)).join('|')})\\b`, 'g');

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
