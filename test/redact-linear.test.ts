import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { redact } from '@kvdoctor/diagnose';

// redact() is linear with a small constant: 1 MB of any run that once made a detector re-read the
// same characters takes under 100 ms of CPU. Timed in a plain Node child process on the built
// library (test/scaling/redact-probe.cjs): Jest's sandboxed realm roughly doubles the cost of every
// global and typed-array access, which is not how the library runs anywhere.
const PROBE = join(__dirname, 'scaling', 'redact-probe.cjs');
const MB = 1 << 20;
const BUDGET_MS = 100;

// Runs that made the earlier regexes re-read the same characters from every start (eyJ-eyJ-… took
// 1000× longer per MB), and runs that give each detector a match, or a near miss, every few bytes.
const RUNS: ReadonlyArray<readonly [string, string]> = [
  ['eyJ-', 'eyJ-'],
  ['eyJ.', 'eyJ.'],
  ['eyJ ', 'eyJ '],
  ['long base64', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw=='],
  ['a=', 'a='],
  ['Bearer ', 'Bearer '],
  ['Bearer <word> ', 'Bearer abc '],
  ['Authorization: ', 'Authorization: '],
  ['sig=', 'sig='],
  ['&sig=', '&sig='],
  ['%26sig%3D', '%26sig%3D'],
  ['Q~', 'Q~'],
  ['1Q~', '1Q~'],
  ['1Q~ ', '1Q~ '],
  ['password=', 'password='],
  ['"password":"', '"password":"'],
  ['password: ', 'password: '],
  ['"value":"', '"value":"'],
  ['client_secret=\\n', 'client_secret=\n'],
  ['://a:b@', '://a:b@'],
  ['://', '://'],
  ['ghp_', 'ghp_'],
  ['AKIA', 'AKIA'],
  ['-----BEGIN PRIVATE KEY-----\\n', '-----BEGIN PRIVATE KEY-----\n'],
  ['-----BEGIN PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----'],
  ['::add-mask::', '::add-mask::'],
  ['az login -p ', 'az login -p '],
  [' -p ', ' -p '],
  ['ConvertTo-SecureString ', 'ConvertTo-SecureString '],
  ['a wrapped JWT per line', 'eyJhbGciOiJIUzI1NiJ9abc\n'],
  ['backslashes and quotes', '\\\\\\"'],
  ['line breaks', '\n'],
];

function cpuMsEach(units: readonly string[]): number[] {
  const child = spawnSync(process.execPath, [PROBE], { input: JSON.stringify(units), encoding: 'utf8', timeout: 120_000 });
  if (child.status !== 0) throw new Error(`redact probe failed (${child.status ?? child.signal}): ${child.stderr.slice(0, 400)}`);
  return JSON.parse(child.stdout) as number[];
}

describe('redact is linear with a small constant', () => {
  const measured = new Map<string, number>();
  beforeAll(() => {
    const times = cpuMsEach(RUNS.map(([, unit]) => unit));
    RUNS.forEach(([name], i) => measured.set(name, times[i] ?? Infinity));
  });

  test.each(RUNS)(`1 MB of "%s" in under ${BUDGET_MS} ms`, (name) => {
    expect(measured.get(name)).toBeLessThan(BUDGET_MS);
  });

  test('a run that used to be quadratic is masked whole, once', () => {
    const text = 'eyJ-'.repeat(MB / 4);
    expect(redact(text)).toEqual({ text: '[REDACTED:jwt]', count: 1 });
  });
});
