/**
 * Masks secrets in any text that kvdoctor echoes back (evidence, cards, tickets): bearer tokens,
 * JWTs, Entra client secrets, SAS signatures, connection-string keys and secret-bearing flags.
 * Every pattern is a bounded run of one character class after a fixed prefix: linear time.
 */
interface Pattern {
  readonly kind: string;
  readonly re: RegExp;
  /** Replacement keeping the non-secret prefix ($1) where there is one. */
  readonly replace: string;
}

const PATTERNS: readonly Pattern[] = [
  { kind: 'jwt', re: /\beyJ[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{0,2000}/g, replace: '[REDACTED:jwt]' },
  { kind: 'bearer', re: /\b(Bearer\s{1,4})[A-Za-z0-9._~+/-]{12,4000}={0,2}/gi, replace: '$1[REDACTED:token]' },
  // Entra client secret values look like "abc8Q~…" (three characters, a digit, "Q~", then 31–34).
  { kind: 'client-secret', re: /\b[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/g, replace: '[REDACTED:client-secret]' },
  { kind: 'sas', re: /([?&;]sig=)[A-Za-z0-9%+/=_-]{8,2000}/gi, replace: '$1[REDACTED:sas]' },
  {
    kind: 'connection-string',
    re: /\b((?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)=)[^;\s"']{4,2000}/gi,
    replace: '$1[REDACTED]',
  },
  {
    kind: 'secret-assignment',
    re: /\b((?:client_secret|clientSecret|AZURE_CLIENT_SECRET|ARM_CLIENT_SECRET|servicePrincipalKey|client_assertion|access_token|refresh_token|id_token|federatedToken|ACTIONS_ID_TOKEN_REQUEST_TOKEN)["']?\s{0,3}[=:]\s{0,3}["']?)[^\s"'&,;]{4,2000}/gi,
    replace: '$1[REDACTED]',
  },
  {
    kind: 'secret-flag',
    re: /((?:--password|--client-secret|--federated-token|-ServicePrincipalKey|-ClientSecret)\s{1,4}["']?)[^\s"']{4,2000}/gi,
    replace: '$1[REDACTED]',
  },
];

export interface Redacted {
  readonly text: string;
  /** How many secrets were masked. */
  readonly count: number;
}

export function redact(text: string): Redacted {
  let count = 0;
  let out = text;
  for (const p of PATTERNS) {
    out = out.replace(p.re, (...args: unknown[]) => {
      count++;
      const prefix = typeof args[1] === 'string' && p.replace.startsWith('$1') ? args[1] : '';
      return prefix + p.replace.replace('$1', '');
    });
  }
  return { text: out, count };
}
