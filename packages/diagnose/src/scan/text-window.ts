/**
 * The part of a stream the scanner still needs, kept as the chunks it arrived in and addressed by
 * offsets from the start of the stream. Appending copies nothing: the scanner used to keep one
 * string (`buf += chunk`, then slices), which V8 flattens by copying the whole chunk again before
 * every search; on a 100 MB log that copying and its garbage were ~70 ms of a ~250 ms scan.
 *
 * The window's first character is always the start of a line (the scanner drops text only up to a
 * line start), so a search backwards that runs out of text ends at a line start.
 */
export class TextWindow {
  private parts: string[] = [];
  /** Stream offset of each part's first character. */
  private starts: number[] = [];
  private total = 0;

  /** Stream offset just past the last character written. */
  get end(): number {
    return this.total;
  }

  /** Stream offset of the first character still held. */
  get origin(): number {
    return this.starts[0] ?? this.total;
  }

  append(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.starts.push(this.total);
    this.total += text.length;
  }

  /** Forgets every chunk that ends at or before `offset` (a line start); the window may keep a little more. */
  dropBefore(offset: number): void {
    let n = 0;
    while (n < this.parts.length && this.startOf(n) + this.partAt(n).length <= offset) n++;
    if (n === 0) return;
    this.parts.splice(0, n);
    this.starts.splice(0, n);
  }

  /** Stream offset of the first '\n' at or after `from`; -1 if none has arrived. */
  newlineAfter(from: number): number {
    for (let i = this.indexOfPart(from); i < this.parts.length; i++) {
      const start = this.startOf(i);
      const at = this.partAt(i).indexOf('\n', Math.max(0, from - start));
      if (at !== -1) return start + at;
    }
    return -1;
  }

  /** Start of the line holding the character at `offset` (just after the last '\n' before it). */
  lineStart(offset: number): number {
    for (let i = this.indexOfPart(offset - 1); i >= 0; i--) {
      const start = this.startOf(i);
      if (offset - 1 < start) continue;
      const at = this.partAt(i).lastIndexOf('\n', offset - 1 - start);
      if (at !== -1) return start + at + 1;
    }
    return this.origin;
  }

  /** How many '\n' lie in [from, to). */
  countNewlines(from: number, to: number): number {
    let n = 0;
    for (let i = this.indexOfPart(from); i < this.parts.length; i++) {
      const start = this.startOf(i);
      if (start >= to) break;
      const part = this.partAt(i);
      const stop = to - start;
      for (let at = part.indexOf('\n', Math.max(0, from - start)); at !== -1 && at < stop; at = part.indexOf('\n', at + 1)) n++;
    }
    return n;
  }

  /** The text in [from, to), copied out of the chunks it spans. */
  slice(from: number, to: number): string {
    let out = '';
    for (let i = this.indexOfPart(from); i < this.parts.length; i++) {
      const start = this.startOf(i);
      if (start >= to) break;
      out += this.partAt(i).slice(Math.max(0, from - start), to - start);
    }
    return out;
  }

  /** Index of the chunk holding `offset` (the first one if it lies before the window). */
  private indexOfPart(offset: number): number {
    // Chunks are few (the scanner batches small writes) and most questions are about the newest.
    let i = this.parts.length - 1;
    while (i > 0 && this.startOf(i) > offset) i--;
    return i;
  }

  private startOf(i: number): number {
    return this.starts[i] ?? this.total;
  }

  private partAt(i: number): string {
    return this.parts[i] ?? '';
  }
}
