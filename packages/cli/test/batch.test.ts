import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_LOG, BIN, buildCli, CLEAN_LOG, kvdoctor, ROOT, tempDir } from './helpers/cli';

beforeAll(buildCli, 120_000);

let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

/** Twelve inputs: enough for worker threads and a progress bar. */
function batchFolder(): string[] {
  const names: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const name = join(tmp.dir, `job-${String(i).padStart(2, '0')}.log`);
    if (i % 3 === 0) copyFileSync(join(ROOT, AZDO_LOG), name);
    else writeFileSync(name, CLEAN_LOG);
    names.push(name);
  }
  return names;
}

describe('batches', () => {
  it('ends text output with a summary of families, clean inputs and unreadable ones', () => {
    const r = kvdoctor(['diagnose', AZDO_LOG, '-', 'missing.log'], { input: CLEAN_LOG });
    expect(r.status).toBe(2);
    const summary = r.stdout.slice(r.stdout.indexOf('Summary\n'));
    expect(summary).toBe(
      [
        'Summary',
        '  3 inputs: 1 with findings, 1 with none, 1 could not be read',
        '',
        '  Family    Inputs  Occurrences  Title',
        '  firewall  1       1            Key Vault firewall refused the client address',
        '',
        '  No Key Vault error found in:',
        '    <stdin>',
        '',
        '  Could not be read:',
        '    missing.log: no such file or folder',
        '',
      ].join('\n'),
    );
  });

  it('ends markdown output with the summary table', () => {
    const r = kvdoctor(['diagnose', '--format', 'markdown', AZDO_LOG, '-'], { input: CLEAN_LOG });
    expect(r.status).toBe(1);
    expect(r.stdout.slice(r.stdout.indexOf('## Summary'))).toBe(
      [
        '## Summary',
        '',
        '2 inputs: 1 with findings, 1 with none, 0 could not be read.',
        '',
        '| Family | Inputs | Occurrences | Title |',
        '| --- | ---: | ---: | --- |',
        '| `firewall` | 1 | 1 | Key Vault firewall refused the client address |',
        '',
        '**No Key Vault error found in**',
        '',
        '- `<stdin>`',
        '',
      ].join('\n'),
    );
  });

  it('gives the same results with worker threads as without, in input order', () => {
    batchFolder();
    const one = kvdoctor(['diagnose', '--format', 'json', '--jobs', '1', tmp.dir]);
    const two = kvdoctor(['diagnose', '--format', 'json', '--jobs', '2', tmp.dir]);
    const auto = kvdoctor(['diagnose', '--format', 'json', tmp.dir]);
    expect(one.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(auto.stdout).toBe(one.stdout);
    const items: { input: string; report: { findings: unknown[] } }[] = JSON.parse(one.stdout).inputs;
    expect(items.map((i) => [i.input.slice(tmp.dir.length + 1), i.report.findings.length])).toEqual([
      ['job-01.log', 0], ['job-02.log', 0], ['job-03.log', 1], ['job-04.log', 0], ['job-05.log', 0], ['job-06.log', 1],
      ['job-07.log', 0], ['job-08.log', 0], ['job-09.log', 1], ['job-10.log', 0], ['job-11.log', 0], ['job-12.log', 1],
    ]);
  });

  it('runs tasks on worker threads (the built pool, two workers)', async () => {
    const names = batchFolder().slice(0, 4);
    // The built module, as the CLI runs it: the worker file lives beside it in dist/.
    const { runInWorkers } = require(join(ROOT, 'packages', 'cli', 'dist', 'batch', 'pool.js'));
    const done: string[] = [];
    const results = await runInWorkers(
      names.map((path) => ({ kind: 'file', path, display: path, size: 1 })),
      {},
      2,
      (rs: { input: string }[]) => done.push(...rs.map((r) => r.input)),
    );
    expect(results.map((rs: { input: string; ok: boolean }[]) => rs.map((r) => [r.input, r.ok]))).toEqual(names.map((n) => [[n, true]]));
    expect([...done].sort()).toEqual(names);
  });

  it('keeps stderr free of progress bars when it is not a terminal', () => {
    batchFolder();
    const r = kvdoctor(['diagnose', '--format', 'json', tmp.dir]);
    expect(r.stderr).toBe('');
  });

  it('shows a progress bar and the summary on a terminal\'s stderr for json', () => {
    batchFolder();
    // `script` gives the CLI a pseudo-terminal for stdout and stderr alike.
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} diagnose --format json ${tmp.dir}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, TERM: 'xterm', NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('kvdoctor ');
    expect(r.stdout).toContain(' 12/12 inputs | ');
    expect(r.stdout).toContain('  12 inputs: 4 with findings, 8 with none, 0 could not be read');
  });
});
