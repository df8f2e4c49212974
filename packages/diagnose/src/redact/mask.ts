import type { SecretKind } from './detector';

const KINDS: readonly SecretKind[] = ['jwt', 'token', 'client-secret', 'sas', 'key', 'password', 'private-key', 'url-credential', 'secret'];
const CODES: ReadonlyMap<SecretKind, number> = new Map(KINDS.map((k, i) => [k, i + 1]));
const LABELS: readonly string[] = ['[REDACTED:secret]', ...KINDS.map((k) => `[REDACTED:${k}]`)];

/**
 * One buffer reused by every mask (redact is synchronous, so one mask is alive at a time): a fresh
 * megabyte per call made the collector run more than the detectors. A text longer than this gets
 * its own, so one huge paste does not stay in memory for good.
 */
const SCRATCH_MAX = 4 * 1024 * 1024;
let scratch = new Uint8Array(0);

function bytesFor(length: number): Uint8Array {
  if (length > SCRATCH_MAX) return new Uint8Array(length);
  if (scratch.length < length) scratch = new Uint8Array(SCRATCH_MAX < length * 2 ? SCRATCH_MAX : length * 2);
  const bytes = scratch.subarray(0, length);
  bytes.fill(0);
  return bytes;
}

/** The byte's high bit: a counted secret starts here (not another line of one already counted). */
const STARTS = 0x80;
const KIND = 0x7f;

/**
 * Which characters of a text are secret, one byte each: the kind's code (0: none), and the high
 * bit where a counted secret starts. Detectors mark ranges; overlapping and touching ranges read
 * back as one secret. Bytes rather than a list of range objects: a megabyte holding a secret every
 * few characters costs no garbage collection.
 */
export class Mask {
  private readonly kinds: Uint8Array;
  /** Where a secret's name ended its line with no value yet, and the kind's code: pairs. */
  readonly pending: number[] = [];

  constructor(readonly text: string) {
    this.kinds = bytesFor(text.length);
  }

  /**
   * Marks [start, end) as a secret of `kind`; an empty range marks a name whose value is on the
   * next line. The first detector to mark a character names its kind (detectors run most
   * specific first). `continued`: another line of a secret already counted.
   */
  add(start: number, end: number, kind: SecretKind, continued = false): void {
    const code = CODES.get(kind) ?? 0;
    if (end <= start) {
      this.pending.push(start, code);
      return;
    }
    this.fill(start, end, code);
    if (!continued) this.markStart(start);
  }

  /** Index of the first secret character at or after `from`, or -1. */
  nextSecret(from: number): number {
    for (let i = from; i < this.kinds.length; i++) if (((this.kinds[i] ?? 0) & KIND) !== 0) return i;
    return -1;
  }

  /** The code of the secret covering `at`, or 0. */
  codeAt(at: number): number {
    return (this.kinds[at] ?? 0) & KIND;
  }

  /**
   * Marks [start, end) as the value of a secret of code `code` begun on an earlier line: counted
   * when only its name was there, not when it is another line of a value already counted.
   */
  continueWith(start: number, end: number, code: number, counted: boolean): void {
    this.fill(start, end, code);
    if (counted && end > start) this.markStart(start);
  }

  /** End of the secret run that starts at `start`. */
  runEnd(start: number): number {
    let i = start;
    while (i < this.kinds.length && ((this.kinds[i] ?? 0) & KIND) !== 0) i++;
    return i;
  }

  /** Whether a counted secret starts in [start, end). */
  counted(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (((this.kinds[i] ?? 0) & STARTS) !== 0) return true;
    return false;
  }

  private fill(start: number, end: number, code: number): void {
    for (let i = start; i < end; i++) {
      const byte = this.kinds[i] ?? 0;
      if ((byte & KIND) === 0) this.kinds[i] = byte | code;
    }
  }

  private markStart(at: number): void {
    this.kinds[at] = (this.kinds[at] ?? 0) | STARTS;
  }

  /** `[REDACTED:<kind>]` for the code. */
  static label(code: number): string {
    return LABELS[code] ?? '[REDACTED:secret]';
  }
}
