import { redact } from './redact';

const MB = 1 << 20;
const BUDGET_MS = 100;

/** CPU milliseconds of the fastest of five runs: other processes on a shared machine do not count, and one run slowed by a collection or a cold cache does not decide. */
function cpuMs(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    redact(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

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

describe('redact is linear with a small constant', () => {
  test.each(RUNS)(`1 MB of "%s" in under ${BUDGET_MS} ms`, (_, unit) => {
    const text = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    expect(cpuMs(text)).toBeLessThan(BUDGET_MS);
  });

  test('a run that used to be quadratic is masked whole, once', () => {
    const text = 'eyJ-'.repeat(MB / 4);
    expect(redact(text)).toEqual({ text: '[REDACTED:jwt]', count: 1 });
  });
});
