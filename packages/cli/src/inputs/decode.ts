import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { Encoding, InputError } from './result';

/** Like git and grep, the first 8 KB decide whether an input is text at all. */
const SNIFF_BYTES = 8 * 1024;
/** More than this share of control characters is not a log (ANSI escapes and \b are allowed). */
const MAX_CONTROL_SHARE = 0.02;

/** A failed step still hands over the text it decoded before the bytes that stopped it. */
export type DecodeStep = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: InputError; readonly text: string };

function isControl(b: number): boolean {
  return b < 0x08 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f;
}

function controlShare(buf: Uint8Array): number {
  let n = 0;
  for (const b of buf) if (isControl(b)) n++;
  return buf.length === 0 ? 0 : n / buf.length;
}

/** Bytes at the end of `buf` that start a UTF-8 sequence the next chunk completes. */
function incompleteTail(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, buf.length); back++) {
    const b = buf[buf.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > back ? back : 0;
  }
  return 0;
}

/** Index of the first byte that does not continue a valid UTF-8 sequence (only called on invalid input). */
function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return buf.length;
}

/**
 * Streaming bytes → text. UTF-8 (BOM stripped) first; UTF-16 when a byte-order mark says so;
 * when UTF-8 turns out invalid, the rest is read as Latin-1 (Windows-1252, which also maps the
 * curly quotes that logs copied from blogs carry). What was already decoded was valid UTF-8, and
 * for a Latin-1 file that is plain ASCII, identical in both: no need to re-read from the start.
 */
export class Decoder {
  private mode: 'sniff' | 'utf-8' | 'latin1' | 'utf-16' = 'sniff';
  private head: Buffer[] = [];
  private headBytes = 0;
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;
  private textDecoder: TextDecoder | undefined;
  private chosen: Encoding = 'utf-8';

  get encoding(): Encoding {
    return this.chosen;
  }

  /** Bytes decoded so far: where a failure stopped the text. */
  get bytesRead(): number {
    return this.offset;
  }

  write(chunk: Buffer): DecodeStep {
    if (this.mode !== 'sniff') return this.decode(chunk, false);
    // Copied: the caller may read the next chunk into the same memory.
    this.head.push(Buffer.from(chunk));
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return { ok: true, text: '' };
    return this.sniff(false);
  }

  end(): DecodeStep {
    if (this.mode === 'sniff') return this.sniff(true);
    return this.decode(Buffer.alloc(0), true);
  }

  private sniff(final: boolean): DecodeStep {
    let all = Buffer.concat(this.head);
    this.head = [];
    if (all[0] === 0xff && all[1] === 0xfe) return this.startUtf16('utf-16le', all, final);
    if (all[0] === 0xfe && all[1] === 0xff) return this.startUtf16('utf-16be', all, final);
    if (all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf) {
      all = all.subarray(3);
      this.offset = 3;
    }
    const sample = all.subarray(0, SNIFF_BYTES);
    if (sample.includes(0)) {
      return { ok: false, text: '', error: { code: 'binary', message: 'binary content (NUL bytes in the first 8 KB; UTF-16 is read only with a byte-order mark)' } };
    }
    if (controlShare(sample) > MAX_CONTROL_SHARE) {
      return { ok: false, text: '', error: { code: 'binary', message: 'binary content (control characters in the first 8 KB)' } };
    }
    this.mode = 'utf-8';
    return this.decode(all, final);
  }

  private startUtf16(encoding: 'utf-16le' | 'utf-16be', all: Buffer, final: boolean): DecodeStep {
    this.mode = 'utf-16';
    this.chosen = encoding;
    // The decoder drops the byte-order mark itself.
    this.textDecoder = new TextDecoder(encoding);
    return this.decode(all, final);
  }

  private decode(chunk: Buffer, final: boolean): DecodeStep {
    if (this.mode === 'utf-16' && this.textDecoder) {
      return { ok: true, text: this.textDecoder.decode(chunk, { stream: !final }) };
    }
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (this.mode === 'utf-8') {
      const split = final ? data.length : data.length - incompleteTail(data);
      const body = data.subarray(0, split);
      // Most logs are ASCII: Latin-1 decoding of ASCII is a plain copy, several times faster than UTF-8's.
      const ascii = isAscii(body);
      if (ascii || isUtf8(body)) {
        this.carry = Buffer.from(data.subarray(split));
        this.offset += body.length;
        return { ok: true, text: body.toString(ascii ? 'latin1' : 'utf8') };
      }
      this.mode = 'latin1';
      this.chosen = 'latin1';
      this.textDecoder = new TextDecoder('windows-1252');
      const valid = firstInvalidUtf8(data);
      this.carry = Buffer.alloc(0);
      this.offset += valid;
      const before = data.subarray(0, valid).toString('utf8');
      const rest = this.latin1(data.subarray(valid));
      return { ...rest, text: before + rest.text };
    }
    this.carry = Buffer.alloc(0);
    return this.latin1(data);
  }

  private latin1(data: Buffer): DecodeStep {
    if (controlShare(data) > MAX_CONTROL_SHARE) {
      return {
        ok: false,
        text: '',
        error: { code: 'not-text', message: `not UTF-8, UTF-16 or Latin-1 text (control bytes after byte ${this.offset})` },
      };
    }
    this.offset += data.length;
    return { ok: true, text: this.textDecoder ? this.textDecoder.decode(data) : data.toString('latin1') };
  }
}
