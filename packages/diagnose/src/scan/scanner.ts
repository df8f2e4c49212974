import { LineEnds } from './line-ends';
import { TextWindow } from './text-window';
import type { MarkerSearch } from './triggers';

/**
 * Streams text, finds marker hits, and hands each region (the hit lines plus context) to
 * `onRegion` as raw lines with their 1-based numbers. Regions never overlap, so no message is read
 * twice, and they are the same whatever the chunk boundaries: those of `write(all); end()`.
 * Memory is bounded by a couple of chunks plus one region; every character is searched once and
 * counted once.
 */
export interface RegionLines {
  readonly firstLine: number;
  readonly lines: readonly string[];
  /** Indexes of lines that are the next piece of a line too long to keep whole (same line number). */
  readonly continued?: readonly number[];
  /** True when the region starts right where the previous one ended: a message may run across. */
  readonly continues?: boolean;
}

export interface ScanCounts {
  readonly lines: number;
  readonly bytes: number;
  /** Lines longer than the cap, each cut into pieces (as many as the cuts made). */
  readonly linesCut: number;
}

export interface ScannerOptions {
  /** Context lines kept before a hit (URLs and wrapper text often precede the message). */
  readonly before: number;
  /** Context lines read after a hit (a message's Caller/Vault lines follow it). */
  readonly after: number;
  /**
   * A region takes no new hit after this many, so a log that is all errors still streams; it still
   * reads its last hit's `after` lines, so a message is never cut at a region's end.
   */
  readonly maxRegionHits: number;
  /** Longest line kept whole; a longer one is cut into pieces of this many characters. */
  readonly maxLine: number;
}

export const DEFAULT_SCANNER_OPTIONS: ScannerOptions = { before: 16, after: 30, maxRegionHits: 500, maxLine: 256 * 1024 };

/**
 * Writes shorter than this are joined before they are searched: each search has a fixed cost, and
 * it keeps the window's chunk list short. Reads of 64 KB (the CLI's) pass straight through.
 */
const MIN_CHUNK = 16 * 1024;
/** A region takes no new hit past this many characters: its lines are held, then normalised, at once. */
const MAX_REGION_CHARS = 1024 * 1024;
/** Most characters of context kept before a hit, whatever the line count. */
const CONTEXT_CHARS = 64 * 1024;

interface Pending {
  start: number;
  continues: boolean;
  lastHit: number;
  hits: number;
  /** How far the end of the last hit's `after` context has been found: up to here… */
  endAt: number;
  /** …with this many line ends still to pass (0: `endAt` is the region's end). */
  endNeeds: number;
}

export class Scanner {
  /** Offsets below are stream offsets: characters written before them. */
  private readonly text = new TextWindow();
  private staged: string[] = [];
  private stagedLength = 0;
  /** The last characters written, to find a trigger split across two chunks. */
  private tail = '';
  /** First hit on the line still being read (its '\n' has not arrived); -1 if none. */
  private openHit = -1;
  /** First hit on the last complete line, waiting for the next line to be confirmed; -1 if none. */
  private waiting = -1;
  private lastNewline = -1;
  private lastChar = '';
  /** Regions start at or after this offset (the end of the last region handed out). */
  private floor = 0;
  private pending: Pending | undefined;
  /** Monotonic cursor for line counting. */
  private cursor = 0;
  private cursorLine = 1;
  /** Stream offset of the last virtual line end counted; -1 if none. */
  private lastCut = -1;
  private bytes = 0;
  /** End of the complete lines as of the last search: hits from here on wait for their line's end. */
  private limit = 0;
  /** Memo of `contextStart`: the stream offset and floor it was computed for, and its answer. */
  private context = { line: -1, floor: -1, start: 0 };
  private readonly ends: LineEnds;

  constructor(
    private readonly markers: MarkerSearch,
    private readonly onRegion: (region: RegionLines) => void,
    private readonly options: ScannerOptions = DEFAULT_SCANNER_OPTIONS,
  ) {
    this.ends = new LineEnds(options.maxLine);
  }

  write(input: string): void {
    if (input.length === 0) return;
    this.bytes += utf8Length(input);
    const chunk = this.ends.transform(input);
    if (chunk.length === 0) return;
    if (chunk.length >= MIN_CHUNK) {
      this.unstage();
      this.ingest(chunk);
      return;
    }
    this.staged.push(chunk);
    this.stagedLength += chunk.length;
    if (this.stagedLength >= MIN_CHUNK) this.unstage();
  }

  /** Flushes what is left; returns the line and byte counts of everything written. */
  end(): ScanCounts {
    this.unstage();
    // As a single write would: regions whose context is complete before the last line are handed
    // out before a hit on that unterminated line is weighed.
    const limit = this.lastNewline + 1;
    // A hit waiting for its next line is weighed first: it may join the open region.
    if (this.pending && this.waiting === -1) {
      const end = this.regionEnd(this.pending, limit, false);
      if (end !== -1) this.flush(end);
    }
    this.process([], true);
    if (this.bytes === 0) return { lines: 0, bytes: 0, linesCut: 0 };
    return { lines: this.lineAt(this.text.end) - (this.lastChar === '\n' ? 1 : 0), bytes: this.bytes, linesCut: this.ends.cuts };
  }

  private unstage(): void {
    if (this.stagedLength === 0) return;
    const text = this.staged.join('');
    this.staged = [];
    this.stagedLength = 0;
    this.ingest(text);
  }

  private ingest(chunk: string): void {
    const base = this.text.end;
    const hits = this.hits(chunk, base);
    this.text.append(chunk);
    const nl = chunk.lastIndexOf('\n');
    if (nl !== -1) this.lastNewline = base + nl;
    this.lastChar = chunk.charAt(chunk.length - 1);
    const keep = this.markers.longest - 1;
    this.tail = chunk.length >= keep ? chunk.slice(chunk.length - keep) : (this.tail + chunk).slice(-keep);
    this.process(hits, false);
  }

  /**
   * Offsets of marker hits in `chunk` (at stream offset `base`), in order: every match inside the
   * chunk, and a match that starts in the previous chunks' tail and ends in this one. Only a
   * line's first hit matters, and a match never spans lines, so one crossing match is enough.
   */
  private hits(chunk: string, base: number): number[] {
    const out: number[] = [];
    const tail = this.tail;
    if (tail.length > 0) {
      const seam = tail + chunk.slice(0, this.markers.longest - 1);
      for (const re of this.markers.regexes) {
        re.lastIndex = 0;
        for (let m = re.exec(seam); m !== null && m.index < tail.length; m = re.exec(seam)) {
          if (m.index + m[0].length > tail.length) {
            out.push(base - tail.length + m.index);
            break;
          }
          // Overlapping matches too: one wholly in the tail may hide one that crosses.
          re.lastIndex = m.index + 1;
        }
      }
    }
    for (const re of this.markers.regexes) {
      re.lastIndex = 0;
      for (let m = re.exec(chunk); m !== null; m = re.exec(chunk)) out.push(base + m.index);
    }
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  /** 1-based line number of `offset`; offsets must be asked in increasing order. */
  private lineAt(offset: number): number {
    if (offset > this.cursor) {
      let virtual = 0;
      const queue = this.ends.virtual;
      while (virtual < queue.length && (queue[virtual] ?? offset) < offset) virtual++;
      if (virtual > 0) this.lastCut = queue[virtual - 1] ?? this.lastCut;
      queue.splice(0, virtual);
      this.cursorLine += this.text.countNewlines(this.cursor, offset) - virtual;
      this.cursor = offset;
    }
    return this.cursorLine;
  }

  /** Start of the line `count` lines before the line starting at `lineStart`, not before `floor`. */
  private backLines(lineStart: number, count: number, floor: number): number {
    let pos = lineStart;
    // Context is for a message's head (a URL, a wrapper line): once it holds this many characters,
    // more long lines add nothing but a rescan of each whenever a line completes.
    for (let i = 0; i < count && pos > floor && lineStart - pos < CONTEXT_CHARS; i++) pos = this.text.lineStart(pos - 1);
    return Math.max(pos, floor);
  }

  /**
   * Offset just past the line `after` lines below the region's last hit; -1 if not read yet. The
   * search resumes where it last stopped, so a region's end costs one pass over its text however
   * many hits it takes (a retry loop hits on most lines).
   */
  private regionEnd(p: Pending, limit: number, final: boolean): number {
    while (p.endNeeds > 0) {
      const nl = this.text.newlineAfter(p.endAt);
      if (nl === -1 || nl >= limit) return final ? this.text.end : -1;
      p.endAt = nl + 1;
      p.endNeeds--;
    }
    return p.endAt;
  }

  /** Makes `hit` the region's last hit: its `after` context now ends that many lines further. */
  private takeHit(p: Pending, hit: number): void {
    p.endNeeds += this.text.countNewlines(p.lastHit, hit);
    p.lastHit = hit;
    p.hits++;
  }

  private process(found: readonly number[], final: boolean): void {
    const limit = final ? this.text.end : this.lastNewline + 1;
    if (!final && limit === this.limit) {
      // No line was completed (a long line arriving in pieces): nothing can change but its first
      // hit. Returning here keeps such a line linear instead of walking it again per chunk.
      const first = found[0];
      if (first !== undefined) this.openHit = this.openHit === -1 ? first : Math.min(this.openHit, first);
      return;
    }
    this.limit = limit;
    const held = [this.waiting, this.openHit].filter((h) => h !== -1);
    const hits = held.length === 0 ? found : [...held, ...found].sort((a, b) => a - b);
    this.openHit = -1;
    this.waiting = -1;
    const { before, after, maxRegionHits } = this.options;
    let nextLine = 0;
    for (const hit of hits) {
      if (hit >= limit) {
        // On the line still being read: weighed once its '\n' (or the end) arrives.
        if (this.openHit === -1) this.openHit = hit;
        continue;
      }
      if (hit < nextLine) continue;
      const lineEnd = this.text.newlineAfter(hit);
      nextLine = lineEnd === -1 ? this.text.end : lineEnd + 1;
      const p = this.pending;
      const end = p ? this.regionEnd(p, limit, final) : -1;
      // A full region takes no new hit, but a hit inside its after-context is read with it.
      const full = p !== undefined && (p.hits >= maxRegionHits || hit - p.start > MAX_REGION_CHARS);
      if (full && (end === -1 || hit < end)) continue;
      if (!final && nextLine >= limit) {
        // Confirming reads the next line, which has not arrived: weighed with the next write.
        this.waiting = hit;
        continue;
      }
      const lineStart = this.text.lineStart(hit);
      if (!this.confirmed(lineStart, lineEnd, nextLine)) continue;
      if (p) {
        if (!full && (end === -1 || hit < end || this.backLines(lineStart, before, p.start) <= end)) {
          this.takeHit(p, hit);
          continue;
        }
        this.flush(end);
      }
      const start = this.backLines(lineStart, before, this.floor);
      this.pending = { start, continues: start === this.floor && this.floor > 0, lastHit: hit, hits: 1, endAt: hit, endNeeds: after + 1 };
    }
    // Where the next hit to weigh can be: on the line that waits, or on a line still to come.
    const next = this.waiting === -1 ? limit : this.text.lineStart(this.waiting);
    if (this.pending) {
      const end = this.regionEnd(this.pending, limit, final);
      // Handed out only once no later hit can join it: a hit on the next line to weigh would
      // join if its `before` context reached back to this region's end.
      if (end !== -1 && (final || this.contextStart(next) > end)) this.flush(end);
    }
    if (!final) this.trim(next);
  }

  /**
   * Whether the hit's line, read with the line before and the line after (a wrapped sentence),
   * holds a whole marker. The line before is not read across the last region's end, so the answer
   * is the same however the log arrives in chunks.
   */
  private confirmed(lineStart: number, lineEnd: number, nextLine: number): boolean {
    const own = this.text.slice(lineStart, lineEnd === -1 ? this.text.end : lineEnd);
    const from = lineStart > this.floor ? Math.max(this.text.lineStart(lineStart - 1), this.floor) : lineStart;
    const before = from < lineStart ? this.text.slice(from, lineStart - 1) : undefined;
    const nextEnd = nextLine >= this.text.end ? -1 : this.text.newlineAfter(nextLine);
    const after = nextLine < this.text.end ? this.text.slice(nextLine, nextEnd === -1 ? this.text.end : nextEnd) : undefined;
    return this.markers.confirms(own, before, after);
  }

  private flush(end: number): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    this.floor = end;
    const firstLine = this.lineAt(p.start);
    let text = this.text.slice(p.start, end);
    if (text.endsWith('\n')) text = text.slice(0, -1);
    const lines = text.split('\n');
    // A region that starts right after a cut starts with the next piece of that cut line.
    const continued = [...(p.start > 0 && this.lastCut === p.start - 1 ? [0] : []), ...this.continuedLines(p.start, end, lines)];
    this.onRegion({ firstLine, lines, ...(continued.length > 0 && { continued }), ...(p.continues && { continues: true }) });
  }

  /** Indexes of the lines in [start, end) that follow a virtual line end (a cut long line). */
  private continuedLines(start: number, end: number, lines: readonly string[]): number[] {
    const cuts = new Set(this.ends.virtual.filter((v) => v >= start && v < end));
    if (cuts.size === 0) return [];
    const out: number[] = [];
    let offset = start;
    lines.forEach((line, i) => {
      if (i > 0 && cuts.has(offset - 1)) out.push(i);
      offset += line.length + 1;
    });
    return out;
  }

  /**
   * Where the `before` context of a hit on the line at `line` would start (not before `floor`).
   * With a floor raised to a region's start, that is max(this, start): walking back stops there.
   */
  private contextStart(line: number): number {
    const c = this.context;
    if (c.line !== line || c.floor !== this.floor) this.context = { line, floor: this.floor, start: this.backLines(line, this.options.before, this.floor) };
    return this.context.start;
  }

  /** Drops text no future region can need: keeps `before` lines of context and any open region. */
  private trim(next: number): void {
    const keep = Math.min(this.pending ? this.pending.start : next, this.contextStart(next));
    this.lineAt(keep);
    this.text.dropBefore(keep);
  }
}

interface ByteLength {
  byteLength(text: string, encoding: 'utf8'): number;
}
// Node's native count where there is one; the library also runs in browsers and edge runtimes.
const nativeBuffer = (globalThis as { Buffer?: ByteLength }).Buffer;

function utf8Length(text: string): number {
  if (nativeBuffer !== undefined) return nativeBuffer.byteLength(text, 'utf8');
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: two UTF-16 units, four UTF-8 bytes.
      n += 2;
      i++;
    } else {
      n += c < 0x800 ? 1 : 2;
    }
  }
  return n;
}
