import { redact } from './redact';

// An error code, a family id or a vault name: letters, digits, "-", "_" and ".", and short.
const CODE_LIKE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * A user's argument as it may be echoed back ("unknown code …"): masked, and only when it reads as
 * a code. Anything else (a password, a key, a pasted log line) is not echoed at all: a secret with
 * nothing around it cannot always be recognised, so it is never repeated.
 */
export function echoCode(input: string): string | undefined {
  const masked = redact(input.trim()).text;
  return CODE_LIKE.test(masked) ? masked : undefined;
}
