import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BOT_DIR = join(__dirname, '..', '..');

export interface BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

/** The real entry point (src/index.ts, as `pnpm start` runs it once built) in a child process. */
export function startBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', join('src', 'index.ts')], { cwd: BOT_DIR, env: { PATH: process.env.PATH ?? '', ...env } });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

/** Resolves with the port once `count` processes have logged server.listening. */
export async function listening(run: BotProcess, count: number): Promise<number> {
  const deadline = Date.now() + 40_000;
  for (;;) {
    const ports = [...run.stderr().matchAll(/"event":"server\.listening","host":"127\.0\.0\.1","port":(\d+)/g)].map((m) => Number(m[1]));
    const [port] = ports;
    if (port !== undefined && ports.length >= count) return port;
    if (Date.now() > deadline) throw new Error(`the bot did not start: ${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The most memory the process has held so far (Linux's VmHWM: peak resident set), in MB. */
export function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb) / 1024;
}
