import { Scanner, type RegionLines, type ScanCounts, type ScannerOptions } from './scanner';
import { markerSearch, triggerOf } from './triggers';

const SMALL: ScannerOptions = { before: 2, after: 3, maxRegionHits: 500, maxLine: 256 * 1024 };
const DEFAULT_LIKE: ScannerOptions = { before: 8, after: 30, maxRegionHits: 500, maxLine: 256 * 1024 };

function scan(chunks: readonly string[], options: ScannerOptions = SMALL, markers = ['HIT', 'ALSO']): { regions: RegionLines[]; counts: ScanCounts } {
  const regions: RegionLines[] = [];
  const s = new Scanner(markerSearch(markers), (r) => regions.push(r), options);
  for (const c of chunks) s.write(c);
  return { regions, counts: s.end() };
}

function regions(text: string, chunkSize: number, options: ScannerOptions = SMALL): RegionLines[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  return scan(chunks, options).regions;
}

/** Writes shorter than 16 KB are joined before the search; this many filler lines make one chunk longer. */
const FILLER_LINES = 400;
const FILLER = Array.from({ length: FILLER_LINES }, (_, i) => `filler ${String(i + 1).padStart(4, '0')} ${'-'.repeat(40)}`).join('\n');

/** `FILLER` then `tail`, cut into chunks at the given offsets inside `tail` (so each chunk but the last is long). */
function cutAfterFiller(tail: string, cuts: readonly number[]): string[] {
  const text = `${FILLER}\n${tail}`;
  const at = [0, ...cuts.map((c) => FILLER.length + 1 + c), text.length];
  return at.slice(1).map((end, i) => text.slice(at[i], end));
}

describe('Scanner', () => {
  const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
  lines[9] = 'line 10 HIT';
  lines[11] = 'line 12 ALSO';
  lines[30] = 'line 31 HIT';
  const text = lines.join('\n');

  test('hands out hit regions with context and 1-based line numbers', () => {
    expect(regions(text, text.length)).toEqual([
      { firstLine: 8, lines: ['line 8', 'line 9', 'line 10 HIT', 'line 11', 'line 12 ALSO', 'line 13', 'line 14', 'line 15'] },
      { firstLine: 29, lines: ['line 29', 'line 30', 'line 31 HIT', 'line 32', 'line 33', 'line 34'] },
    ]);
  });

  test('gives the same regions whatever the chunk boundaries', () => {
    const whole = regions(text, text.length);
    for (const size of [1, 2, 3, 7, 16, 50, 99]) expect(regions(text, size)).toEqual(whole);
  });

  test('gives the same regions when every chunk is searched on its own', () => {
    const long = `${FILLER}\n${text}`;
    const whole = regions(long, long.length);
    expect(whole.map((r) => r.firstLine)).toEqual([FILLER_LINES + 8, FILLER_LINES + 29]);
    for (let cut = FILLER.length - 40; cut < long.length; cut += 7) expect(scan([long.slice(0, cut), long.slice(cut)]).regions).toEqual(whole);
  });

  test('finds a marker split across two chunks', () => {
    const tail = 'a\nb\nc Longer marker text\nd\ne\nf\ng';
    const split = tail.indexOf('marker') + 3;
    const got = scan(cutAfterFiller(tail, [split]), SMALL, ['Longer marker text']);
    expect(got.regions).toEqual([
      { firstLine: FILLER_LINES + 1, lines: ['a', 'b', 'c Longer marker text', 'd', 'e', 'f'] },
    ]);
    // The trigger is the marker's rarest 12 characters: every cut through it is a crossing.
    for (let cut = tail.indexOf('Longer') - 1; cut <= tail.indexOf('text') + 4; cut++) {
      expect(scan(cutAfterFiller(tail, [cut]), SMALL, ['Longer marker text']).regions).toEqual(got.regions);
    }
  });

  test('a region spanning three chunks is handed out whole', () => {
    const body = Array.from({ length: 900 }, (_, i) => `body ${i + 1} ${'.'.repeat(40)}`);
    body[5] = 'body 6 HIT';
    body[450] = 'body 451 ALSO';
    body[880] = 'body 881 HIT';
    const tail = body.join('\n');
    const options = { before: 2, after: 450, maxRegionHits: 500, maxLine: 256 * 1024 };
    const one = scan([`${FILLER}\n${tail}`], options).regions;
    // One region: lines 4 to 900 (the last hit's 450 lines of context run to the end).
    expect(one.map((r) => [r.firstLine, r.lines.length])).toEqual([[FILLER_LINES + 4, 897]]);
    const chunks = cutAfterFiller(tail, [tail.indexOf('body 300 '), tail.indexOf('body 700 ')]);
    expect(chunks.map((c) => c.length > 16 * 1024)).toEqual([true, true, false]);
    expect(scan(chunks, options).regions).toEqual(one);
  });

  test('a CRLF split between chunks keeps its line and its number', () => {
    const tail = 'v\r\nx\r\ny HIT\r\nz\r\nw';
    for (const cut of [tail.indexOf('\r\ny') + 1, tail.indexOf('HIT\r') + 4]) {
      const got = scan(cutAfterFiller(tail, [cut]));
      expect(got.regions).toEqual([{ firstLine: FILLER_LINES + 1, lines: ['v', 'x', 'y HIT', 'z', 'w'] }]);
      expect(got.counts.lines).toBe(FILLER_LINES + 5);
    }
  });

  test('a hit just after a region, in the next chunk, joins it as in a single write', () => {
    // Line 5 HIT's context ends at line 8; line 10 HIT's `before` context (2 lines) reaches line 8.
    const body = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    body[4] = 'line 5 HIT';
    body[9] = 'line 10 HIT';
    const tail = `${body.join('\n')}\n`;
    const one = scan([`${FILLER}\n${tail}`]).regions;
    expect(one.map((r) => [r.firstLine - FILLER_LINES, r.lines.length])).toEqual([[3, 11]]);
    expect(scan(cutAfterFiller(tail, [tail.indexOf('line 9')])).regions).toEqual(one);
  });

  test('a long line arriving in many chunks is found once and counted once', () => {
    const piece = 'x'.repeat(20 * 1024);
    const got = scan(['first\n', piece, `${piece}HI`, `T${piece}`, `${piece}\nlast\n`], { before: 1, after: 1, maxRegionHits: 500, maxLine: 256 * 1024 });
    expect(got.regions.map((r) => [r.firstLine, r.lines.length, r.lines[1]?.length])).toEqual([[1, 3, 4 * piece.length + 3]]);
    expect(got.counts).toEqual({ lines: 3, bytes: 4 * piece.length + 3 + 6 + 6, linesCut: 0 });
  });

  test('a region that starts right after a cut says its first line is the next piece of the cut line', () => {
    // One line cut into pieces of 10: "aaaaaaaaaa" "HIT bbbbbb" "cccccccccc" "HIT dddddd" "ee"; a region per hit, no context.
    const got = scan(['aaaaaaaaaaHIT bbbbbbccccccccccHIT ddddddee\nlast'], { before: 0, after: 0, maxRegionHits: 1, maxLine: 10 });
    expect(got.regions).toEqual([
      { firstLine: 1, lines: ['HIT bbbbbb'], continued: [0] },
      { firstLine: 1, lines: ['HIT dddddd'], continued: [0] },
    ]);
    expect(got.counts).toEqual({ lines: 2, bytes: 47, linesCut: 4 });
  });

  test('regions never overlap, so a message is never read twice', () => {
    const dense = Array.from({ length: 30 }, (_, i) => (i % 4 === 0 ? `HIT ${i + 1}` : `x ${i + 1}`)).join('\n');
    const got = regions(dense, 5, { before: 2, after: 1, maxRegionHits: 2, maxLine: 256 * 1024 });
    const seen = got.flatMap((r) => r.lines.map((_, i) => r.firstLine + i));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((n) => (n - 1) % 4 === 0)).toEqual([1, 5, 9, 13, 17, 21, 25, 29]);
  });

  test('counts lines and bytes, with or without a final newline', () => {
    const count = (t: string): ScanCounts => scan([t], DEFAULT_LIKE, ['HIT']).counts;
    expect(count('')).toEqual({ lines: 0, bytes: 0, linesCut: 0 });
    expect(count('a\nb')).toEqual({ lines: 2, bytes: 3, linesCut: 0 });
    expect(count('a\nb\n')).toEqual({ lines: 2, bytes: 4, linesCut: 0 });
    expect(count('é\n')).toEqual({ lines: 1, bytes: 3, linesCut: 0 });
    // A region ending exactly at the final newline once left nothing held, and the count one too high.
    expect(scan([' HIT\nb\n'], { before: 0, after: 1, maxRegionHits: 500, maxLine: 256 * 1024 }).counts).toEqual({ lines: 2, bytes: 7, linesCut: 0 });
  });

  test('an empty first line is context like any other', () => {
    expect(regions('\nb\nHIT', 100)).toEqual([{ firstLine: 1, lines: ['', 'b', 'HIT'] }]);
  });

  test('capitalised and other triggers are searched in two passes whose hits merge in order', () => {
    expect(markerSearch(['HIT', 'ALSO', 'zeta', 'beta']).regexes.map((r) => r.source)).toEqual(['ALSO|HIT', 'zeta|beta']);
    expect(scan(['a zeta\nb\nc HIT\nd\ne zeta HIT\n'], { before: 0, after: 0, maxRegionHits: 500, maxLine: 256 * 1024 }, ['HIT', 'zeta']).regions).toEqual([
      { firstLine: 1, lines: ['a zeta'] },
      { firstLine: 3, lines: ['c HIT'] },
      { firstLine: 5, lines: ['e zeta HIT'] },
    ]);
  });

  test('a marker is searched from its rarest character, never across a line', () => {
    expect(triggerOf('deleted but recoverable')).toBe('verable');
    expect(triggerOf('Client address is not authorized')).toBe('Client addre');
    expect(triggerOf('no such host')).toBe('uch host');
    expect(triggerOf('ObjectIsBeingDeleted')).toBe('ObjectIsBein');
    expect(triggerOf('ab\nthe Vault key')).toBe('Vault key');
    expect(markerSearch(['ab', 'Client address is not authorized', '']).longest).toBe(12);
  });

  test('a hit on the last line without a newline is still found', () => {
    expect(regions('a\nb\nHIT', 2)).toEqual([{ firstLine: 1, lines: ['a', 'b', 'HIT'] }]);
  });
  describe('a trigger hit makes a region only where its whole marker is', () => {
    const marker = 'invalid status code Forbidden';
    const decoys = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `npm ERR! 403 403 Forbidden - GET https://registry.npmjs.org/pkg-${i}` : `step ${i}`));

    test('a log of decoys sharing the trigger ("403 Forbidden") gives no region at all', () => {
      expect(triggerOf(marker)).toBe('Forbidden');
      expect(scan([decoys.join('\n')], DEFAULT_LIKE, [marker]).regions).toEqual([]);
    });

    test('decoys around a real marker do not stretch its region', () => {
      const lines = [...decoys];
      lines[30] = `Error: ${marker}`;
      const found = scan([lines.join('\n')], SMALL, [marker]).regions;
      expect(found).toEqual([{ firstLine: 29, lines: lines.slice(28, 34) }]);
    });

    test('a marker wrapped onto the next line, behind runner timestamps and escapes, is confirmed', () => {
      const lines = [...decoys];
      lines[20] = '2024-05-06T14:00:00.0000000Z ##[error]Request failed: invalid status code';
      lines[21] = '2024-05-06T14:00:00.0070000Z Forbidden';
      lines[40] = '{"message":"invalid status code \\u0027Forbidden\\u0027"}';
      const found = scan([lines.join('\n')], SMALL, [marker, "invalid status code 'Forbidden'"]).regions;
      // Line 40 is a decoy, but its next line holds the marker: it is read with it.
      expect(found.map((r) => r.firstLine)).toEqual([20, 38]);
    });

    test('the answer is the same when the line after a hit arrives in a later write', () => {
      const lines = [...decoys];
      lines[20] = 'Request failed: invalid status code';
      lines[21] = 'Forbidden';
      const text = lines.join('\n');
      const whole = scan([text], SMALL, [marker]).regions;
      const at = text.indexOf('\nForbidden');
      expect(scan([text.slice(0, at), text.slice(at, at + 3), text.slice(at + 3)], SMALL, [marker]).regions).toEqual(whole);
      expect(whole.map((r) => r.firstLine)).toEqual([20]);
    });
  });
});

