import fc from 'fast-check';
import { createDiagnoser, diagnose, ReportSchema, rules } from '@kvdoctor/diagnose';

// Pieces of real messages and of the syntax around them, so random text keeps hitting markers,
// half-built JSON, escapes and prefixes: the places a parser would break or backtrack.
const pieces = [
  ...new Set(rules.flatMap((r) => r.markers)),
  'Client address: ', '40.82.190.38', '::1', 'Caller: appid=', ';oid=', ';iss=https://sts.windows.net/', 'Vault: ', ';location=',
  '"code":"', '"innererror":{', '\\r\\n', '\\\\r\\\\n', '\\"', '\\u0027', '&quot;', '“', '’', '\u001b[31m', '##[error]',
  '2024-05-06T14:02:12.9021447Z ', '│ ', 'https://kv.vault.azure.net/secrets/s?api-version=7.4', 'AADSTS', '700213', 'eyJ', '.', '-',
  ' ', '\n', '\r\n', 'a', '0', ':', ';', '=', "'", '"', '(', ')', '{', '}', '[', ']', '\\',
];
const adversarial = fc.array(fc.constantFrom(...pieces), { maxLength: 400 }).map((a) => a.join(''));

function bestOf(runs: number, fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t));
  }
  return best;
}

describe('diagnose never throws and always returns a valid report', () => {
  test('on arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        expect(ReportSchema.safeParse(diagnose(text)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('on adversarial text built from markers and message syntax', () => {
    fc.assert(
      fc.property(adversarial, (text) => {
        expect(ReportSchema.safeParse(diagnose(text)).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('streaming in random chunks gives the same report as one write', () => {
    fc.assert(
      fc.property(adversarial, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }), (text, sizes) => {
        const d = createDiagnoser();
        let at = 0;
        for (let i = 0; at < text.length; i++) {
          const size = sizes[i % sizes.length] ?? 1;
          d.write(text.slice(at, at + size));
          at += size;
        }
        expect(d.end()).toEqual(diagnose(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('time grows linearly with input', () => {
  // Each adversarial sample is repeated to ~200 KB and ~1.6 MB; a quadratic path would take ~64x
  // longer on the bigger one. The bound (24x for 8x the input) leaves room for timer noise and GC,
  // and the small input is big enough (~10 ms) that one scheduler pause does not decide the ratio.
  test('on adversarial samples repeated to 8x the size', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 20, maxLength: 80 }).map((a) => a.join('')), (unit) => {
        const small = unit.repeat(Math.ceil(200_000 / unit.length));
        const large = small.repeat(8);
        const ts = bestOf(3, () => diagnose(small));
        const tl = bestOf(3, () => diagnose(large));
        expect(tl / Math.max(ts, 1)).toBeLessThan(24);
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  test('on one 2 MB line without a newline (no per-line rescans)', () => {
    const line = 'Client address: 1.2.3.4 '.repeat(2_000_000 / 24);
    const ts = bestOf(2, () => diagnose(line.slice(0, line.length / 8)));
    const tl = bestOf(2, () => diagnose(line));
    expect(tl / Math.max(ts, 1)).toBeLessThan(24);
  }, 60_000);
});
