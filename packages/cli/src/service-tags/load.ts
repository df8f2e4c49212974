import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { asOfFromFileName, compileServiceTags, type ServiceTagsResult } from '@kvdoctor/diagnose';

export type ReadOutcome = { ok: true; value: unknown; mtime: Date } | { ok: false; message: string };

/** A JSON file the user named, parsed; unreadable or malformed files are values with a reason. */
export async function readJsonFile(path: string): Promise<ReadOutcome> {
  let text: string;
  let mtime: Date;
  try {
    text = await fs.readFile(path, 'utf8');
    mtime = (await fs.stat(path)).mtime;
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
    return { ok: false, message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code})` };
  }
  try {
    return { ok: true, value: JSON.parse(text), mtime };
  } catch (error) {
    return { ok: false, message: `not JSON (${error instanceof Error ? error.message : 'parse error'})` };
  }
}

/** A downloaded ServiceTags_Public_YYYYMMDD.json, compiled; its date comes from the name, else the file's time. */
export async function compileDownload(path: string): Promise<ServiceTagsResult | { ok: false; error: { code: 'unreadable'; message: string } }> {
  const read = await readJsonFile(path);
  if (!read.ok) return { ok: false, error: { code: 'unreadable', message: read.message } };
  const asOf = asOfFromFileName(basename(path)) ?? read.mtime.toISOString().slice(0, 10);
  return compileServiceTags(read.value, { asOf });
}
