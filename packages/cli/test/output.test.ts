import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_LOG, BIN, buildCli, ROOT, tempDir } from './helpers/cli';

/**
 * Where the output goes in a shell: a reader that stops early (`| head -c10`) and a device that
 * takes nothing (`> /dev/full`). The built CLI runs with real pipes and a real file descriptor.
 */
beforeAll(buildCli, 120_000);

let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

interface Ended {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with its standard output on this descriptor. */
function run(args: readonly string[], stdout: number): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', stdout, 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout: '', stderr }));
  });
}

/**
 * `kvdoctor … | head -c10` in bash, exactly as a user types it: head reads ten bytes and exits while
 * kvdoctor is still writing. The exit status is kvdoctor's (PIPESTATUS), stdout what head passed on.
 */
function pipedToHead(args: readonly string[]): Ended {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', '"$0" "$@" | head -c10 | wc -c; exit "${PIPESTATUS[0]}"', process.execPath, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

/** More output than a pipe holds (64 KB), so the write is still going when the reader leaves. */
function manyLogs(): string {
  for (let i = 0; i < 24; i++) copyFileSync(join(ROOT, AZDO_LOG), join(tmp.dir, `job-${String(i).padStart(2, '0')}.log`));
  return tmp.dir;
}

describe('a reader that closes the pipe early', () => {
  it.each([['text'], ['json'], ['markdown']])('ends quietly with the run\'s own exit code (%s)', async (format) => {
    const r = pipedToHead(['diagnose', '--jobs', '1', '--format', format, manyLogs()]);
    expect(r).toEqual({ status: 1, stdout: '10', stderr: '' });
  });
});

describe('a full device on standard output', () => {
  let full: number;
  beforeEach(() => {
    full = openSync('/dev/full', 'w');
  });
  afterEach(() => closeSync(full));

  it.each([
    ['diagnose', ['diagnose', AZDO_LOG]],
    ['explain', ['explain', 'AADSTS70021']],
    ['--help', ['--help']],
    ['diagnose --help', ['diagnose', '--help']],
  ])('%s: one line on stderr and exit 2 (not 1, which means findings), no stack trace', async (_label, args) => {
    const r = await run(args, full);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'kvdoctor: cannot write to standard output (ENOSPC)\n' });
  });
});
