import { LineSpans } from './line-spans';

describe('LineSpans', () => {
  const spans = new LineSpans([
    { from: 10, to: 12 },
    { from: 2, to: 4 },
    { from: 5, to: 30 },
  ]);

  test.each([
    [0, 1, false],
    [0, 2, true],
    [4, 4, true],
    [31, 40, false],
    [30, 30, true],
    [13, 20, true],
  ])('[%i, %i] shares a line with one of them: %s', (from, to, expected) => {
    expect(spans.overlaps(from, to)).toBe(expected);
  });

  test('none: nothing overlaps', () => {
    expect(new LineSpans([]).overlaps(0, 100)).toBe(false);
  });
});
