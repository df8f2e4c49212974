import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, kvdoctor, ROOT } from './helpers/cli';

beforeAll(buildCli, 120_000);

const EXIT_CODES = ['Exit codes:', '  0  no Key Vault error found', '  1  findings reported'];

describe('usage and exit codes', () => {
  it.each([[['--help']], [['diagnose', '--help']]])('%j documents the exit codes and exits 0', (args) => {
    const r = kvdoctor(args);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    for (const line of EXIT_CODES) expect(lines).toContain(line);
    expect(lines.some((l) => l.startsWith('  2  usage or input error'))).toBe(true);
  });

  it('diagnose --help documents the JSON document', () => {
    expect(kvdoctor(['diagnose', '--help']).stdout).toContain('{"input", "error": {"code", "message"}}');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8'));
    const r = kvdoctor(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });

  it.each([
    [['diagnose', '--format', 'xml', 'x.log'], 'kvdoctor: --format: Invalid option: expected one of "text"|"markdown"|"json"|"csv"\n'],
    [['diagnose', '--jobs', '0', 'x.log'], 'kvdoctor: --jobs: Too small: expected number to be >=1\n'],
    [['diagnose', '--jobs', 'many', 'x.log'], 'kvdoctor: --jobs: Invalid input: expected number, received NaN\n'],
  ])('a bad flag value is one line naming the flag, exit 2: %j', (args, stderr) => {
    const r = kvdoctor(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
  });

  it('an unknown option or command exits 2', () => {
    expect(kvdoctor(['diagnose', '--colour', 'x.log']).status).toBe(2);
    expect(kvdoctor(['bogus']).status).toBe(2);
    expect(kvdoctor([]).status).toBe(2);
  });

  it('an unwritable --out is a usage error', () => {
    const r = kvdoctor(['diagnose', '--out', '/nonexistent-dir/report.txt', 'examples/azdo-variable-group-firewall.log']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kvdoctor: --out /nonexistent-dir/report.txt: cannot write the file (ENOENT)\n');
  });
});
