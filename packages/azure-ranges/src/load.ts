import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseServiceTagCache, ServiceTagIndex, type ServiceTagsResult } from '@kvdoctor/diagnose';

/**
 * The snapshot compiled into kvdoctor's service-tag index (the format of `kvdoctor ranges import`):
 * it loads in a few milliseconds, where compiling data/snapshot.json's prefixes takes ~100 ms.
 * Beside dist/ and src/ alike.
 */
export const INDEX_PATH = join(__dirname, '..', 'data', 'index.json');
/** The snapshot itself: the selected tags' IPv4 and IPv6 prefixes in ServiceTags_Public.json's shape. */
export const SNAPSHOT_PATH = join(__dirname, '..', 'data', 'snapshot.json');

/** Reads the compiled snapshot; an unreadable or damaged file is a value naming the problem. */
export function loadAzureRanges(path: string = INDEX_PATH): ServiceTagsResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
    return { ok: false, error: { code: 'invalid-service-tags', message: `${path} cannot be read (${code})` } };
  }
  return parseServiceTagCache(text);
}

/**
 * The snapshot as an index for `diagnose(text, { serviceTags })`, read on the first public IPv4
 * address only: a log without one never pays for it.
 */
export function azureRanges(path: string = INDEX_PATH): ServiceTagIndex {
  return ServiceTagIndex.lazy(() => loadAzureRanges(path));
}
