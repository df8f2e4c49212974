import { markerRegexes, Scanner, triggerOf, type RegionLines } from './scanner';

function regions(text: string, chunkSize: number, options = { before: 2, after: 3, maxRegionHits: 500 }): RegionLines[] {
  const out: RegionLines[] = [];
  const s = new Scanner(markerRegexes(['HIT', 'ALSO']), (r) => out.push(r), options);
  for (let i = 0; i < text.length; i += chunkSize) s.write(text.slice(i, i + chunkSize));
  s.end();
  return out;
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

  test('regions never overlap, so a message is never read twice', () => {
    const dense = Array.from({ length: 30 }, (_, i) => (i % 4 === 0 ? `HIT ${i + 1}` : `x ${i + 1}`)).join('\n');
    const got = regions(dense, 5, { before: 2, after: 1, maxRegionHits: 2 });
    const seen = got.flatMap((r) => r.lines.map((_, i) => r.firstLine + i));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((n) => (n - 1) % 4 === 0)).toEqual([1, 5, 9, 13, 17, 21, 25, 29]);
  });

  test('counts lines and bytes, with or without a final newline', () => {
    const count = (t: string): { lines: number; bytes: number } => {
      const s = new Scanner(markerRegexes(['HIT']), () => undefined);
      s.write(t);
      return s.end();
    };
    expect(count('')).toEqual({ lines: 0, bytes: 0 });
    expect(count('a\nb')).toEqual({ lines: 2, bytes: 3 });
    expect(count('a\nb\n')).toEqual({ lines: 2, bytes: 4 });
    expect(count('é\n')).toEqual({ lines: 1, bytes: 3 });
  });

  test('capitalised and other triggers are searched in two passes whose hits merge in order', () => {
    expect(markerRegexes(['HIT', 'ALSO', 'zeta', 'beta']).map((r) => r.source)).toEqual(['ALSO|HIT', 'zeta|beta']);
    const got: RegionLines[] = [];
    const s = new Scanner(markerRegexes(['HIT', 'zeta']), (r) => got.push(r), { before: 0, after: 0, maxRegionHits: 500 });
    s.write('a zeta\nb\nc HIT\nd\ne zeta HIT\n');
    s.end();
    expect(got).toEqual([
      { firstLine: 1, lines: ['a zeta'] },
      { firstLine: 3, lines: ['c HIT'] },
      { firstLine: 5, lines: ['e zeta HIT'] },
    ]);
  });

  test('a marker is searched from its rarest character', () => {
    expect(triggerOf('deleted but recoverable')).toBe('verable');
    expect(triggerOf('Client address is not authorized')).toBe('Client addre');
    expect(triggerOf('no such host')).toBe('uch host');
    expect(triggerOf('ObjectIsBeingDeleted')).toBe('ObjectIsBein');
  });

  test('a hit on the last line without a newline is still found', () => {
    expect(regions('a\nb\nHIT', 2)).toEqual([{ firstLine: 1, lines: ['a', 'b', 'HIT'] }]);
  });
});
