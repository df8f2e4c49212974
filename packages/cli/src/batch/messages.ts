import { ReportSchema } from '@kvdoctor/diagnose';
import { z } from 'zod';

const InputResultSchema = z.discriminatedUnion('ok', [
  z.object({
    input: z.string(),
    ok: z.literal(true),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'latin1']),
    report: ReportSchema,
    partial: z.object({ at: z.number().int().nonnegative(), message: z.string() }).optional(),
  }),
  z.object({
    input: z.string(),
    ok: z.literal(false),
    error: z.object({
      code: z.enum(['not-found', 'unreadable', 'binary', 'not-text', 'corrupt-zip', 'no-logs', 'internal-error']),
      message: z.string(),
    }),
  }),
]);

/** A worker's answer for one task; checked on arrival like any data crossing a boundary. */
export const WorkerReplySchema = z.object({
  index: z.number().int().nonnegative(),
  results: z.array(InputResultSchema),
  /** Why the service-tag data could not be used in that worker, if it failed. */
  problem: z.string().optional(),
});

export const SourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string(), display: z.string(), size: z.number() }),
  z.object({ kind: z.literal('zip'), path: z.string(), display: z.string(), size: z.number() }),
]);

export const WorkerTaskSchema = z.object({ index: z.number().int().nonnegative(), source: SourceSchema });
