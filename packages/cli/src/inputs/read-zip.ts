import type { Readable } from 'node:stream';
import type { DiagnoseOptions } from '@kvdoctor/diagnose';
import yauzl from 'yauzl';
import { diagnoseStream } from './diagnose-stream';
import { githubStepDuplicates } from './github-layout';
import { describeIoError } from './io-error';
import { isLogName } from './log-names';
import { failed, type InputResult } from './result';

type Opened = { ok: true; zip: yauzl.ZipFile } | { ok: false; result: InputResult };
type Next = { kind: 'entry'; entry: yauzl.Entry } | { kind: 'end' } | { kind: 'error'; message: string };

function reason(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown failure';
}

function open(path: string, display: string): Promise<Opened> {
  return new Promise((resolve) => {
    // lazyEntries: one entry at a time, so an archive of a thousand job logs streams too. No
    // autoClose: entries are read after the whole directory has been listed, and we close it.
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (error, zip) => {
      if (error === null && zip !== undefined) return resolve({ ok: true, zip });
      // System errors (missing, permission) carry a code; yauzl's format errors do not.
      if (error !== null && 'code' in error) {
        const io = describeIoError(error);
        return resolve({ ok: false, result: failed(display, io.code, io.message) });
      }
      resolve({ ok: false, result: failed(display, 'corrupt-zip', `corrupt zip archive (${reason(error)})`) });
    });
  });
}

function next(zip: yauzl.ZipFile): Promise<Next> {
  return new Promise((resolve) => {
    const onEntry = (entry: yauzl.Entry): void => done({ kind: 'entry', entry });
    const onEnd = (): void => done({ kind: 'end' });
    const onError = (error: unknown): void => done({ kind: 'error', message: reason(error) });
    function done(value: Next): void {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      resolve(value);
    }
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<{ ok: true; stream: Readable } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error === null && stream !== undefined) resolve({ ok: true, stream });
      else resolve({ ok: false, message: reason(error) });
    });
  });
}

/**
 * Every .log/.txt/.json entry of an archive, as Azure DevOps ("Download logs") and GitHub Actions
 * hand them out; entries are named `archive.zip!path/in/archive.txt`. GitHub's per-step copies of a
 * job's log are skipped (github-layout.ts).
 */
export async function readZip(path: string, display: string, options: DiagnoseOptions): Promise<InputResult[]> {
  const opened = await open(path, display);
  if (!opened.ok) return [opened.result];
  const { zip } = opened;
  const results: InputResult[] = [];
  try {
    // The central directory first (names and offsets only, no data), so that the GitHub layout,
    // which is only seen across entries, can be told before any entry is read.
    const entries: yauzl.Entry[] = [];
    let broken: string | undefined;
    for (let item = await next(zip); item.kind !== 'end'; item = await next(zip)) {
      if (item.kind === 'error') {
        // The entries listed before the damage are still read; the archive's error comes after them.
        broken = item.message;
        break;
      }
      const { fileName } = item.entry;
      if (fileName.endsWith('/') || fileName.startsWith('__MACOSX/') || !isLogName(fileName)) continue;
      entries.push(item.entry);
    }
    const duplicates = githubStepDuplicates(entries.map((e) => e.fileName));
    for (const item of entries) {
      if (duplicates.has(item.fileName)) continue;
      const name = `${display}!${item.fileName}`;
      const entry = await openEntry(zip, item);
      if (!entry.ok) {
        results.push(failed(name, 'corrupt-zip', `corrupt zip entry (${entry.message})`));
        continue;
      }
      try {
        results.push(await diagnoseStream(entry.stream, name, options));
      } catch (error) {
        results.push(failed(name, 'corrupt-zip', `corrupt zip entry (${reason(error)})`));
      } finally {
        entry.stream.destroy();
      }
    }
    if (broken !== undefined) results.push(failed(display, 'corrupt-zip', `corrupt zip archive (${broken})`));
  } finally {
    zip.close();
  }
  if (results.length === 0) results.push(failed(display, 'no-logs', 'the archive holds no .log, .txt or .json file'));
  return results;
}
