import { z } from 'zod';

/**
 * Why a live check could not read something. Every kind is a distinct situation with its own
 * remedy; messages name ARM codes, roles and scopes, never credentials or pasted text.
 */
export const FailureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-credentials'), message: z.string() }),
  /** `needs` names the role (and scope) the reading identity lacks, e.g. "Reader on the vault". */
  z.object({ kind: z.literal('forbidden'), message: z.string(), needs: z.string() }),
  z.object({ kind: z.literal('not-found'), message: z.string() }),
  z.object({ kind: z.literal('throttled'), message: z.string(), retryAfterSeconds: z.number().int().nonnegative().optional() }),
  z.object({ kind: z.literal('timeout'), message: z.string(), afterMs: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('network-error'), message: z.string(), code: z.string().optional() }),
  /** Tenant or subscription not on the caller's allow-list: refused before any request. */
  z.object({ kind: z.literal('not-allowed'), message: z.string() }),
  z.object({ kind: z.literal('not-supported'), message: z.string() }),
]);
export type Failure = z.infer<typeof FailureSchema>;

/** The reads after the vault itself; each may fail alone while the others still count. */
export const ReadNameSchema = z.enum(['private-endpoints', 'role-assignments', 'role-definitions', 'deny-assignments', 'nsp', 'nsp-access-rules']);
export type ReadName = z.infer<typeof ReadNameSchema>;

export const OutcomeSchema = z.union([
  z.object({
    kind: z.literal('ok'),
    vaultId: z.string(),
    /** Reads that failed; the verdicts that needed them say `unknown`. */
    incomplete: z.array(z.object({ read: ReadNameSchema, failure: FailureSchema })),
  }),
  FailureSchema,
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** A read's result as a value: expected failures are never thrown. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };
