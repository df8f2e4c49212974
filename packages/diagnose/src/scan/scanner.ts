/**
 * Streams text, finds marker hits with one combined literal regex, and hands each region (the hit
 * lines plus context) to `onRegion` as raw lines with their 1-based numbers. Regions never
 * overlap, so no message is read twice. Memory is bounded by the chunk size plus one region;
 * every character is searched once and counted once.
 */
export interface RegionLines {
  readonly firstLine: number;
  readonly lines: readonly string[];
}

export interface ScannerOptions {
  /** Context lines kept before a hit (URLs and wrapper text often precede the message). */
  readonly before: number;
  /** Context lines read after a hit (a message's Caller/Vault lines follow it). */
  readonly after: number;
  /** A region is cut after this many hits so a log that is all errors still streams. */
  readonly maxRegionHits: number;
}

export const DEFAULT_SCANNER_OPTIONS: ScannerOptions = { before: 8, after: 30, maxRegionHits: 500 };

function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Rough share (per mille) of each character in CI log text; capitals and digits are rarest.
const FREQUENCY: Readonly<Record<string, number>> = {
  ' ': 150, e: 127, t: 91, a: 82, o: 75, i: 70, n: 67, s: 63, h: 61, r: 60, d: 43, l: 40, '.': 30, c: 28, u: 28,
  '/': 25, m: 24, w: 24, f: 22, '-': 20, g: 20, y: 20, p: 19, _: 15, ':': 15, b: 15, v: 10, "'": 10, '"': 10, ',': 10,
  k: 8, '=': 8, ';': 5, '(': 4, ')': 4, j: 2, x: 2, q: 1, z: 1,
};
const TRIGGER_LENGTH = 12;

function rarity(c: string): number {
  if (c >= 'A' && c <= 'Z') return 0.5;
  if (c >= '0' && c <= '9') return 2;
  return FREQUENCY[c] ?? 5;
}

/**
 * The part of a marker the scan looks for: up to 12 characters starting at its rarest character.
 * V8 scans an alternation quickly only while few text positions can start a match, so starting
 * every trigger at a capital, digit or rare letter keeps one pass over the log fast. The full
 * marker is still required inside the region before any rule runs.
 */
export function triggerOf(marker: string): string {
  let best = 0;
  for (let i = 1; i <= marker.length - 4; i++) if (rarity(marker.charAt(i)) < rarity(marker.charAt(best))) best = i;
  return marker.slice(best, best + TRIGGER_LENGTH);
}

const CAPITAL_START = /^[A-Z0-9]/;

/**
 * The markers' triggers as two alternations, longest first: those starting with a capital or digit
 * (V8 skips most of the text between candidates) and the rest. Two passes beat one mixed pass: on
 * 100 MB of CI noise with the 57 markers of v0.1, ~95 + ~100 ms against ~320 ms.
 */
export function markerRegexes(markers: Iterable<string>): RegExp[] {
  const triggers = [...new Set([...markers].map(triggerOf))].sort((a, b) => b.length - a.length);
  const groups = [triggers.filter((t) => CAPITAL_START.test(t)), triggers.filter((t) => !CAPITAL_START.test(t))];
  return groups.filter((g) => g.length > 0).map((g) => new RegExp(g.map(escapeLiteral).join('|'), 'g'));
}

interface Pending {
  start: number;
  lastHit: number;
  hits: number;
}

export class Scanner {
  private buf = '';
  /** Offset in buf where marker search resumes. */
  private scanFrom = 0;
  /** Regions start at or after this offset (the end of the last region handed out). */
  private floor = 0;
  private pending: Pending | undefined;
  /** Monotonic cursor for line counting inside buf. */
  private cursor = 0;
  private cursorLine = 1;
  private bytes = 0;

  constructor(
    private readonly markers: readonly RegExp[],
    private readonly onRegion: (region: RegionLines) => void,
    private readonly options: ScannerOptions = DEFAULT_SCANNER_OPTIONS,
  ) {}

  write(chunk: string): void {
    if (chunk.length === 0) return;
    this.bytes += Buffer.byteLength(chunk, 'utf8');
    this.buf += chunk;
    this.process(false);
  }

  /** Flushes what is left; returns the line and byte counts of everything written. */
  end(): { lines: number; bytes: number } {
    this.process(true);
    if (this.bytes === 0) return { lines: 0, bytes: 0 };
    const lines = this.lineAt(this.buf.length) - (this.buf.endsWith('\n') ? 1 : 0);
    return { lines, bytes: this.bytes };
  }

  /** 1-based line number of `offset` in buf; offsets must be asked in increasing order. */
  private lineAt(offset: number): number {
    let pos = this.cursor;
    let line = this.cursorLine;
    for (let nl = this.buf.indexOf('\n', pos); nl !== -1 && nl < offset; nl = this.buf.indexOf('\n', pos)) {
      line++;
      pos = nl + 1;
    }
    this.cursor = pos;
    this.cursorLine = line;
    return line;
  }

  /** Start of the line `count` lines before the line starting at `lineStart`, not before `floor`. */
  private backLines(lineStart: number, count: number, floor: number): number {
    let pos = lineStart;
    for (let i = 0; i < count && pos > floor; i++) {
      pos = this.buf.lastIndexOf('\n', pos - 2) + 1;
    }
    return Math.max(pos, floor);
  }

  /** Offset just past the line `count` lines after the one holding `offset`; -1 if not read yet. */
  private forwardLines(offset: number, count: number, limit: number, final: boolean): number {
    let pos = offset;
    for (let i = 0; i <= count; i++) {
      const nl = this.buf.indexOf('\n', pos);
      if (nl === -1 || nl >= limit) return final ? this.buf.length : -1;
      pos = nl + 1;
    }
    return pos;
  }

  private process(final: boolean): void {
    const limit = final ? this.buf.length : this.buf.lastIndexOf('\n') + 1;
    const { before, after, maxRegionHits } = this.options;
    let nextLine = 0;
    for (const hit of this.hits(limit)) {
      if (hit < nextLine) continue;
      const lineStart = this.buf.lastIndexOf('\n', hit - 1) + 1;
      const lineEnd = this.buf.indexOf('\n', hit);
      nextLine = lineEnd === -1 ? this.buf.length : lineEnd + 1;
      if (this.pending) {
        const end = this.forwardLines(this.pending.lastHit, after, limit, final);
        if (end === -1 || this.backLines(lineStart, before, this.pending.start) <= end) {
          this.pending.lastHit = hit;
          if (++this.pending.hits >= maxRegionHits) this.flush(nextLine);
          continue;
        }
        this.flush(end);
      }
      this.pending = { start: this.backLines(lineStart, before, this.floor), lastHit: hit, hits: 1 };
    }
    if (this.pending) {
      const end = this.forwardLines(this.pending.lastHit, after, limit, final);
      if (end !== -1) this.flush(end);
    }
    this.scanFrom = limit;
    if (!final) this.trim(limit);
  }

  /** Offsets of every marker hit in [scanFrom, limit), in order. */
  private hits(limit: number): number[] {
    const out: number[] = [];
    for (const re of this.markers) {
      re.lastIndex = this.scanFrom;
      for (let m = re.exec(this.buf); m !== null && m.index < limit; m = re.exec(this.buf)) out.push(m.index);
    }
    return this.markers.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  private flush(end: number): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    this.floor = end;
    const firstLine = this.lineAt(p.start);
    let text = this.buf.slice(p.start, end);
    if (text.endsWith('\n')) text = text.slice(0, -1);
    this.onRegion({ firstLine, lines: text.split('\n') });
  }

  /** Drops text no future region can need: keeps `before` lines of context and any open region. */
  private trim(limit: number): void {
    const keep = Math.min(this.pending ? this.pending.start : limit, this.backLines(limit, this.options.before, this.floor));
    if (keep <= 0) return;
    this.lineAt(keep);
    this.buf = this.buf.slice(keep);
    this.cursor = 0;
    this.scanFrom -= keep;
    this.floor = Math.max(0, this.floor - keep);
    if (this.pending) {
      this.pending.start -= keep;
      this.pending.lastHit -= keep;
    }
  }
}
