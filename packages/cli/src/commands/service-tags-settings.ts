import { existsSync } from 'node:fs';
import { serialiseServiceTags } from '@kvdoctor/diagnose';
import type { DiagnoseSettings } from '../diagnose-settings';
import type { Io } from '../io';
import { serviceTagCachePath } from '../service-tags/cache-path';
import { snapshotIndexFile } from '../service-tags/snapshot-file';
import { compileDownload } from '../service-tags/load';

export type SettingsOutcome = { ok: true; settings: DiagnoseSettings } | { ok: false; message: string };

/**
 * Chooses the service-tag data for a run: `--service-tags FILE` (compiled now, so a bad file is a
 * usage error before any log is read), else the cache of `kvdoctor ranges import` when present,
 * else the Azure ranges snapshot shipped with kvdoctor. Each is read on the first public address only.
 */
export async function loadSettings(flags: { serviceTags: string | undefined }, io: Io): Promise<SettingsOutcome> {
  if (flags.serviceTags !== undefined) {
    const label = `--service-tags ${flags.serviceTags}`;
    const compiled = await compileDownload(flags.serviceTags);
    if (!compiled.ok) return { ok: false, message: `${label}: ${compiled.error.message}` };
    // Handed to workers as cache text: loading it takes milliseconds where compiling takes most of a second.
    return { ok: true, settings: { serviceTags: { label, source: { kind: 'cache-text', text: JSON.stringify(serialiseServiceTags(compiled.value)) } } } };
  }
  const cache = serviceTagCachePath(io.env);
  if (!existsSync(cache)) return { ok: true, settings: { serviceTags: { label: "kvdoctor's Azure ranges snapshot", source: { kind: 'cache-file', path: snapshotIndexFile() } } } };
  return { ok: true, settings: { serviceTags: { label: cache, source: { kind: 'cache-file', path: cache } } } };
}
