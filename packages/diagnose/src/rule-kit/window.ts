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

  /**
   * `cuts`: sorted indexes of lines where another error's message starts inside this window (the
   * engine's second reading of a message that held two families' errors); no occurrence's block
   * crosses one.
   */
  constructor(
    readonly lines: readonly WindowLine[],
    readonly cuts: readonly number[] = [],
    /**
     * Index of the message's first line. Lines before it are its step's earlier output (the inputs
     * azure/login echoed, the command that ran), read only by rules that declare `stepContext`;
     * no occurrence starts there.
     */
    readonly messageStart = 0,
  ) {
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

  /** The last cut at or before `index` (0 when none): where the message holding `index` starts. */
  cutAtOrBefore(index: number): number {
    let out = 0;
    for (const c of this.cuts) {
      if (c > index) break;
      out = c;
    }
    return out;
  }

  /** The first cut after `index` (the line count when none): where the next message starts. */
  cutAfter(index: number): number {
    for (const c of this.cuts) if (c > index) return c;
    return this.lines.length;
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
