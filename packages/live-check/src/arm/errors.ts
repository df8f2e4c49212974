import { z } from 'zod';
import type { Failure } from '../outcome';

const Headers = z.custom<{ get(name: string): string | undefined }>(
  (v) => typeof v === 'object' && v !== null && 'get' in v && typeof v.get === 'function',
);

/** The parts of an SDK error (RestError, identity errors, AbortError) a diagnosis needs. */
const SdkError = z.object({
  name: z.string().optional(),
  message: z.string().optional(),
  statusCode: z.number().optional(),
  code: z.string().optional(),
  response: z.object({ headers: Headers }).optional(),
});

const CREDENTIAL_ERRORS = new Set(['CredentialUnavailableError', 'AuthenticationError', 'AuthenticationRequiredError', 'AggregateAuthenticationError']);

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

function retryAfter(headers: { get(name: string): string | undefined } | undefined): number | undefined {
  const raw = headers?.get('retry-after');
  if (raw === undefined) return undefined;
  if (/^\d{1,6}$/.test(raw.trim())) return Number(raw.trim());
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * Maps what the SDK threw to an expected failure. Anything that is not an SDK, network, credential
 * or deadline error is a bug and is thrown on.
 */
export function classify(error: unknown, target: ReadTarget, deadlineMs: number): Failure {
  const parsed = SdkError.safeParse(error);
  if (!parsed.success) throw error;
  const e = parsed.data;
  if (e.name === 'AbortError') return { kind: 'timeout', message: `${target.what}: no answer within the ${deadlineMs} ms deadline`, afterMs: deadlineMs };
  if (e.name !== undefined && CREDENTIAL_ERRORS.has(e.name)) {
    return { kind: 'no-credentials', message: `${target.what}: no usable Azure credential (${e.name}: ${firstLine(e.message)})` };
  }
  const status = e.statusCode;
  const code = e.code === undefined ? '' : ` ${e.code}`;
  if (status === 401) return { kind: 'no-credentials', message: `${target.what}: ARM rejected the token (401${code})` };
  if (status === 403) {
    const denied = DENIED.exec(e.message ?? '');
    const detail = denied ? `: no permission for ${denied[1]} over ${denied[2]}` : '';
    return { kind: 'forbidden', message: `${target.what}: forbidden (403${code})${detail}`, needs: target.needs };
  }
  if (status === 404) return { kind: 'not-found', message: `${target.what}: not found (404${code})` };
  if (status === 429) {
    const after = retryAfter(e.response?.headers);
    return {
      kind: 'throttled',
      message: `${target.what}: ARM is throttling this identity (429${code})${after === undefined ? '' : `; retry after ${after} s`}`,
      ...(after === undefined ? {} : { retryAfterSeconds: after }),
    };
  }
  if (status !== undefined) return { kind: 'network-error', message: `${target.what}: ARM answered ${status}${code}`, code: e.code ?? String(status) };
  if (e.name === 'RestError' || e.code !== undefined) {
    return { kind: 'network-error', message: `${target.what}: could not reach ARM (${e.code ?? firstLine(e.message)})`, ...(e.code === undefined ? {} : { code: e.code }) };
  }
  throw error;
}
