/**
 * A region of the log around marker hits, normalised: one entry per logical line (a raw line that
 * held an escaped JSON message becomes several), each remembering the raw line it came from.
 */
export interface WindowLine {
  /** 1-based line number in the original text. */
  readonly line: number;
  readonly text: string;
  /** Timestamp from the CI runner's line prefix, when there was one. */
  readonly timestamp?: string;
}

export class Window {
  /** The normalised lines joined with '\n'; rules match against this. */
  readonly text: string;
  private readonly starts: number[];

  constructor(readonly lines: readonly WindowLine[]) {
    const starts: number[] = [];
    let offset = 0;
    for (const l of lines) {
      starts.push(offset);
      offset += l.text.length + 1;
    }
    this.starts = starts;
    this.text = lines.map((l) => l.text).join('\n');
  }

  /** Index into `lines` of the logical line holding `offset` (binary search). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text of one logical line; empty past the end. */
  lineText(index: number): string {
    return this.lines[index]?.text ?? '';
  }

  startOf(index: number): number {
    return this.starts[index] ?? this.text.length;
  }

  /** The text of logical lines [from, to] inclusive. */
  slice(from: number, to: number): string {
    const start = this.startOf(Math.max(0, from));
    const last = Math.min(to, this.lines.length - 1);
    const end = this.startOf(last) + (this.lines[last]?.text.length ?? 0);
    return this.text.slice(start, Math.max(start, end));
  }
}
