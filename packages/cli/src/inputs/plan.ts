import { type Dirent, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describeIoError } from './io-error';
import { isLogName, isZipName } from './log-names';
import { failed, type PlanItem } from './result';

/** Folders no one means when they point kvdoctor at a tree of logs. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

export const STDIN_NAME = '<stdin>';

/**
 * A folder's logs and archives, in name order, into `out`. A subfolder that cannot be listed is an
 * input error naming it, in its place: skipping it would report a clean run over logs never read.
 * Returns the reason when `dir` itself cannot be listed.
 */
async function walk(dir: string, out: PlanItem[]): Promise<string | undefined> {
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
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const problem = await walk(path, out);
      if (problem !== undefined) out.push({ result: failed(path, 'unreadable', problem) });
      continue;
    }
    // Symbolic links are followed to files only: a linked folder could loop.
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    if (!isLogName(entry.name) && !isZipName(entry.name)) continue;
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat === undefined || !stat.isFile()) continue;
    out.push({ source: { kind: isZipName(entry.name) ? 'zip' : 'file', path, display: path, size: stat.size } });
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
      const found: PlanItem[] = [];
      const problem = await walk(arg, found);
      if (problem !== undefined) items.push({ result: failed(arg, 'unreadable', problem) });
      else if (found.length === 0) items.push({ result: failed(arg, 'no-logs', 'the folder holds no .log, .txt, .json or .zip file') });
      items.push(...found);
    } else {
      items.push({ source: { kind: isZipName(arg) ? 'zip' : 'file', path: arg, display: arg, size: stat.size } });
    }
  }
  return items;
}
