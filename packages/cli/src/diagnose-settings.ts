import { readFileSync } from 'node:fs';
import { type DiagnoseOptions, parseServiceTagCache, ServiceTagIndex, type ServiceTagsResult } from '@kvdoctor/diagnose';
import { z } from 'zod';

/**
 * What every diagnoser of a run shares, as plain data so worker threads receive it by structured
 * cloning and build the same options the main thread does.
 */
export const DiagnoseSettingsSchema = z.object({
  /** Service-tag data to name the owners of client addresses: a cache file, or cache text compiled for this run. */
  serviceTags: z
    .object({
      /** How messages name it: `--service-tags FILE` or the cache's path. */
      label: z.string(),
      source: z.discriminatedUnion('kind', [z.object({ kind: z.literal('cache-file'), path: z.string() }), z.object({ kind: z.literal('cache-text'), text: z.string() })]),
    })
    .optional(),
});
export type DiagnoseSettings = z.infer<typeof DiagnoseSettingsSchema>;

function load(source: NonNullable<DiagnoseSettings['serviceTags']>['source']): ServiceTagsResult {
  if (source.kind === 'cache-text') return parseServiceTagCache(source.text);
  try {
    return parseServiceTagCache(readFileSync(source.path, 'utf8'));
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
    return { ok: false, error: { code: 'invalid-service-tags', message: `cannot be read (${code})` } };
  }
}

/** Options for the library; the service-tag index loads on the first public address only. */
export function toDiagnoseOptions(settings: DiagnoseSettings): DiagnoseOptions {
  const tags = settings.serviceTags;
  return tags === undefined ? {} : { serviceTags: ServiceTagIndex.lazy(() => load(tags.source)) };
}

/** Why the service-tag data could not be used in this thread, if it was needed and failed. */
export function serviceTagsProblem(settings: DiagnoseSettings, options: DiagnoseOptions): string | undefined {
  const error = options.serviceTags?.error;
  return error === undefined || settings.serviceTags === undefined ? undefined : `${settings.serviceTags.label}: ${error.message}`;
}
