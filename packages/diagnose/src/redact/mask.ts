import type { SecretKind } from './detector';

const KINDS: readonly SecretKind[] = ['jwt', 'token', 'client-secret', 'sas', 'key', 'password', 'private-key', 'url-credential', 'secret'];
const CODES: ReadonlyMap<SecretKind, number> = new Map(KINDS.map((k, i) => [k, i + 1]));

/**
 * Which characters of a text are secret, one byte each: the kind's code, or 0. Detectors mark
 * ranges; overlapping and touching ranges read back as one secret. Bytes rather than a list of
 * range objects: a megabyte holding a secret every few characters costs no garbage collection.
 */
export class Mask {
  private readonly kinds: Uint8Array;
  /** 1 where a secret starts that is counted (not another line of one already counted). */
  private readonly starts: Uint8Array;
  /** Where a secret's name ended its line with no value yet, and the kind's code: pairs. */
  readonly pending: number[] = [];

  constructor(readonly text: string) {
    this.kinds = new Uint8Array(text.length);
    this.starts = new Uint8Array(text.length);
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
    for (let i = start; i < end; i++) if (this.kinds[i] === 0) this.kinds[i] = code;
    if (!continued) this.starts[start] = 1;
  }

  /** Index of the first secret character at or after `from`, or -1. */
  nextSecret(from: number): number {
    for (let i = from; i < this.kinds.length; i++) if (this.kinds[i] !== 0) return i;
    return -1;
  }

  /** The code of the secret covering `at`, or 0. */
  codeAt(at: number): number {
    return this.kinds[at] ?? 0;
  }

  /**
   * Marks [start, end) as the value of a secret of code `code` begun on an earlier line: counted
   * when only its name was there, not when it is another line of a value already counted.
   */
  continueWith(start: number, end: number, code: number, counted: boolean): void {
    for (let i = start; i < end; i++) if (this.kinds[i] === 0) this.kinds[i] = code;
    if (counted && end > start) this.starts[start] = 1;
  }

  /** End of the secret run that starts at `start`, and whether any counted secret starts in it. */
  runFrom(start: number): { end: number; counted: boolean } {
    let i = start;
    let counted = false;
    while (i < this.kinds.length && this.kinds[i] !== 0) {
      if (this.starts[i] === 1) counted = true;
      i++;
    }
    return { end: i, counted };
  }

  static kindOf(code: number): SecretKind {
    return KINDS[code - 1] ?? 'secret';
  }
}
