import { inflateRawSync } from 'node:zlib';

/**
 * A minimal reader for the zips CI systems hand out (Azure DevOps "Download logs", GitHub's log
 * archive): stored and deflated entries from the central directory. Every size is checked before
 * memory is spent, so a zip bomb stops at `maxTotal` bytes. Expected failures are values.
 */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

export type ZipOutcome =
  | { ok: true; entries: ZipEntry[]; skipped: string[] }
  | { ok: false; error: { code: 'zip-invalid' | 'too-large'; message: string } };

export interface ZipLimits {
  /** Total bytes unpacked across all entries. */
  readonly maxTotal: number;
  readonly maxEntries: number;
  /** Which entries to unpack (by name); others are listed as skipped. */
  readonly want: (name: string) => boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const invalid = (message: string): ZipOutcome => ({ ok: false, error: { code: 'zip-invalid', message } });

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

function inflate(data: Buffer, method: number, size: number): Buffer | undefined {
  if (method === 0) return data;
  if (method !== 8) return undefined;
  try {
    // maxOutputLength stops a lying header from inflating past what was declared.
    return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch {
    return undefined;
  }
}

export function readZip(buf: Buffer, limits: ZipLimits): ZipOutcome {
  if (buf.length < 22) return invalid('the file is too short to be a zip');
  const end = findEndOfCentralDirectory(buf);
  if (end < 0) return invalid('no zip directory found (the file may be cut short or not a zip)');
  const count = buf.readUInt16LE(end + 10);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return invalid('ZIP64 archives are not supported; zip fewer or smaller logs');
  if (count > limits.maxEntries) return { ok: false, error: { code: 'too-large', message: `the zip has ${count} entries; at most ${limits.maxEntries} are read` } };
  const entries: ZipEntry[] = [];
  const skipped: string[] = [];
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return invalid('the zip directory is damaged');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (!limits.want(name)) {
      skipped.push(name);
      continue;
    }
    if ((flags & 0x1) !== 0) {
      skipped.push(`${name} (encrypted)`);
      continue;
    }
    total += size;
    if (total > limits.maxTotal) return { ok: false, error: { code: 'too-large', message: `the zip unpacks to more than ${Math.round(limits.maxTotal / 1048576)} MB, the most that is read` } };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return invalid('a zip entry header is damaged');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return invalid('a zip entry runs past the end of the file');
    const data = inflate(buf.subarray(start, start + compressed), method, size);
    if (data === undefined) {
      skipped.push(`${name} (could not be unpacked)`);
      continue;
    }
    entries.push({ name, data });
  }
  return { ok: true, entries, skipped };
}
