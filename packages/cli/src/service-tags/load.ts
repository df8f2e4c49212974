import { basename } from 'node:path';
import { asOfFromFileName, compileServiceTags, type ServiceTagsResult } from '@kvdoctor/diagnose';
import { readJsonFile } from '../inputs/read-json-file';

/** A downloaded ServiceTags_Public_YYYYMMDD.json, compiled; its date comes from the name, else the file's time. */
export async function compileDownload(path: string): Promise<ServiceTagsResult | { ok: false; error: { code: 'unreadable'; message: string } }> {
  const read = await readJsonFile(path);
  if (!read.ok) return { ok: false, error: { code: 'unreadable', message: read.message } };
  const asOf = asOfFromFileName(basename(path)) ?? read.mtime.toISOString().slice(0, 10);
  return compileServiceTags(read.value, { asOf });
}
