import { promises as fs } from 'node:fs';
import { Decoder } from './decode';
import { describeIoError } from './io-error';

export type ReadOutcome = { ok: true; value: unknown; mtime: Date } | { ok: false; message: string };

/**
 * V8's JSON.parse messages quote the text around the fault (`Unexpected token 'h', "hello…" is not
 * valid JSON`), and a user's file may hold secrets: only the kind of fault is kept.
 */
function parseFault(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('Unexpected token')) return 'unexpected character';
  return /^[\w ]+$/.test(message) ? message.replace(/ at position \d+$/, '').toLowerCase() : 'parse error';
}

/**
 * A JSON file the user named, decoded as `diagnose` decodes logs: a UTF-8 byte-order mark is
 * dropped and UTF-16 (what Windows PowerShell's `>` writes) is read by its mark. Unreadable or
 * malformed files are values with a reason.
 */
export async function readJsonFile(path: string): Promise<ReadOutcome> {
  let bytes: Buffer;
  let mtime: Date;
  try {
    bytes = await fs.readFile(path);
    mtime = (await fs.stat(path)).mtime;
  } catch (error) {
    return { ok: false, message: describeIoError(error).message };
  }
  const decoder = new Decoder();
  const head = decoder.write(bytes);
  const tail = decoder.end();
  if (!head.ok) return { ok: false, message: head.error.message };
  if (!tail.ok) return { ok: false, message: tail.error.message };
  try {
    return { ok: true, value: JSON.parse(head.text + tail.text), mtime };
  } catch (error) {
    return { ok: false, message: `not JSON (${parseFault(error)})` };
  }
}
