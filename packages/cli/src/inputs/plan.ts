import { type Dirent, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describeIoError } from './io-error';
import { isLogName, isZipName } from './log-names';
import { failed, type PlanItem, type Source } from './result';

/** Folders no one means when they point kvdoctor at a tree of logs. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

export const STDIN_NAME = '<stdin>';

async function walk(dir: string, out: Source[]): Promise<string | undefined> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    return describeIoError(error).message;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path, out);
      continue;
    }
    // Symbolic links are followed to files only: a linked folder could loop.
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    if (!isLogName(entry.name) && !isZipName(entry.name)) continue;
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat === undefined || !stat.isFile()) continue;
    out.push({ kind: isZipName(entry.name) ? 'zip' : 'file', path, display: path, size: stat.size });
  }
  return undefined;
}

/** Arguments → the ordered plan: files and archives as given, folders expanded, `-` for stdin. */
export async function plan(args: readonly string[]): Promise<PlanItem[]> {
  const items: PlanItem[] = [];
  let stdinSeen = false;
  for (const arg of args) {
    if (arg === '-') {
      if (!stdinSeen) items.push({ source: { kind: 'stdin', display: STDIN_NAME, size: 0 } });
      stdinSeen = true;
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch (error) {
      const { code, message } = describeIoError(error);
      items.push({ result: failed(arg, code, message) });
      continue;
    }
    if (stat.isDirectory()) {
      const found: Source[] = [];
      const problem = await walk(arg, found);
      if (problem !== undefined) items.push({ result: failed(arg, 'unreadable', problem) });
      else if (found.length === 0) items.push({ result: failed(arg, 'no-logs', 'the folder holds no .log, .txt, .json or .zip file') });
      for (const source of found) items.push({ source });
    } else {
      items.push({ source: { kind: isZipName(arg) ? 'zip' : 'file', path: arg, display: arg, size: stat.size } });
    }
  }
  return items;
}
