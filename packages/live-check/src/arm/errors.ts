import { isRestError } from '@azure/core-rest-pipeline';
import { AggregateAuthenticationError, AuthenticationError, AuthenticationRequiredError, CredentialUnavailableError } from '@azure/identity';
import type { Failure } from '../outcome';

/** What a read was doing, to say which role would let it succeed. */
export interface ReadTarget {
  readonly what: string;
  readonly needs: string;
}

// ARM's AuthorizationFailed text: "… does not have authorization to perform action 'X' over scope 'Y' …".
const DENIED = /perform action '([^']{1,200})' over scope '([^']{1,600})'/;

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/)[0]?.slice(0, 300) ?? '';
}

/**
 * The wait ARM asked for, in whole seconds: `retry-after-ms` and `x-ms-retry-after-ms` (milliseconds,
 * the headers the SDK's throttling policy reads first), else `Retry-After` (seconds or an HTTP date).
 */
function retryAfter(headers: { get(name: string): string | undefined } | undefined): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = headers?.get(name)?.trim();
    if (ms !== undefined && /^\d{1,9}$/.test(ms)) return Math.ceil(Number(ms) / 1000);
  }
  const raw = headers?.get('retry-after')?.trim();
  if (raw === undefined) return undefined;
  if (/^\d{1,6}$/.test(raw)) return Number(raw);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function isCredentialError(error: unknown): error is Error {
  return (
    error instanceof CredentialUnavailableError ||
    error instanceof AuthenticationError ||
    error instanceof AuthenticationRequiredError ||
    error instanceof AggregateAuthenticationError
  );
}

/**
 * Maps what the SDK threw to an expected failure: the deadline's abort, @azure/identity's credential
 * errors, and the pipeline's RestError (`isRestError`: an HTTP status, or a network or TLS code).
 * Anything else is a bug and is thrown on.
 */
export function classify(error: unknown, target: ReadTarget, deadlineMs: number): Failure {
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'timeout', message: `${target.what}: no answer within the ${deadlineMs} ms deadline`, afterMs: deadlineMs };
  if (isCredentialError(error)) return { kind: 'no-credentials', message: `${target.what}: no usable Azure credential (${error.name}: ${firstLine(error.message)})` };
  if (!isRestError(error)) throw error;
  const status = error.statusCode;
  const code = error.code === undefined ? '' : ` ${error.code}`;
  if (status === 401) return { kind: 'no-credentials', message: `${target.what}: ARM rejected the token (401${code})` };
  if (status === 403) {
    const denied = DENIED.exec(error.message);
    const detail = denied ? `: no permission for ${denied[1]} over ${denied[2]}` : '';
    return { kind: 'forbidden', message: `${target.what}: forbidden (403${code})${detail}`, needs: target.needs };
  }
  if (status === 404) return { kind: 'not-found', message: `${target.what}: not found (404${code})` };
  if (status === 429) {
    const after = retryAfter(error.response?.headers);
    return {
      kind: 'throttled',
      message: `${target.what}: ARM is throttling this identity (429${code})${after === undefined ? '' : `; retry after ${after} s`}`,
      ...(after === undefined ? {} : { retryAfterSeconds: after }),
    };
  }
  if (status !== undefined) return { kind: 'network-error', message: `${target.what}: ARM answered ${status}${code}`, code: error.code ?? String(status) };
  return { kind: 'network-error', message: `${target.what}: could not reach ARM (${error.code ?? firstLine(error.message)})`, ...(error.code === undefined ? {} : { code: error.code }) };
}
