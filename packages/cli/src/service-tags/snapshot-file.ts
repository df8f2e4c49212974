import { join } from 'node:path';
import { INDEX_PATH } from '@kvdoctor/azure-ranges';

// Set by scripts/bundle.cjs: the bundle carries its own copy of the snapshot's index beside it.
declare const KVDOCTOR_RANGES_FILE: string | undefined;

/** The compiled Azure ranges snapshot that diagnose reads when the user imported none. */
export function snapshotIndexFile(): string {
  return typeof KVDOCTOR_RANGES_FILE === 'string' ? join(__dirname, KVDOCTOR_RANGES_FILE) : INDEX_PATH;
}
