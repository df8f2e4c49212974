import { compileServiceTags, type ServiceTagsResult } from '@kvdoctor/diagnose';
import { z } from 'zod';

export const SNAPSHOT_FORMAT = 'kvdoctor-azure-ranges';

/**
 * What the snapshot adds to the ServiceTags_Public.json shape it keeps (so `kvdoctor ranges import`
 * and `compileServiceTags` read it as they read Microsoft's file): where it came from and its date,
 * which the weekly file itself does not state.
 */
export const SnapshotMetaSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  file: z.string().min(1),
  source: z.url(),
  selection: z.string(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;

/** A parsed snapshot (the JSON of data/snapshot.json, or of a bundle's copy) → the compiled index data. */
export function compileSnapshot(data: unknown): ServiceTagsResult {
  const meta = SnapshotMetaSchema.safeParse(data);
  if (!meta.success) {
    const issue = meta.error.issues[0];
    return { ok: false, error: { code: 'invalid-service-tags', message: `not a kvdoctor Azure ranges snapshot: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` } };
  }
  return compileServiceTags(data, { asOf: meta.data.asOf, source: meta.data.source });
}
