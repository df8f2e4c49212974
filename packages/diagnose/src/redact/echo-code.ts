import { redact } from './redact';

// An error code, a family id or a vault name: letters, digits, "-", "_" and ".", and short.
const CODE_LIKE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
// Codes are words or numbers (ForbiddenByFirewall, AADSTS7002138, hypervmigratio98a5kv); a run of
// 16 or more with digits and both cases is a token.
const TOKEN_LENGTH = 16;

function isTokenLike(text: string): boolean {
  return text.length >= TOKEN_LENGTH && /\d/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text);
}

/**
 * A user's argument as it may be echoed back ("unknown code …"): masked, and only when it reads as
 * a code. Anything else (a password, a key, a pasted log line) is not echoed at all: a secret with
 * nothing around it cannot always be recognised, so it is never repeated.
 */
export function echoCode(input: string): string | undefined {
  const masked = redact(input.trim()).text;
  return CODE_LIKE.test(masked) && !isTokenLike(masked) ? masked : undefined;
}
