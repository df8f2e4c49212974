/** A message block's first and last logical line. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * Answers "does any of these spans share a line with [from, to]?" in log time: spans sorted by
 * start, with the furthest end reached so far. A message holding thousands of errors of several
 * families made the pairwise check quadratic.
 */
export class LineSpans {
  private readonly starts: number[];
  private readonly reach: number[];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].sort((a, b) => a.from - b.from);
    this.starts = sorted.map((s) => s.from);
    let furthest = -Infinity;
    this.reach = sorted.map((s) => (furthest = s.to > furthest ? s.to : furthest));
  }

  overlaps(from: number, to: number): boolean {
    // The last span starting at or before `to`: the spans up to it are the only candidates.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] ?? Infinity) <= to) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (this.reach[lo - 1] ?? -Infinity) >= from;
  }
}
