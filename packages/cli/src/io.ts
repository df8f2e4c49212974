import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { EXIT, type ExitCode } from './exit-codes';
import { safe } from './render/sanitize';

/** The process's streams and environment, passed in so commands never reach for globals. */
export interface Io {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: Env;
}

/** The variables kvdoctor reads; anything else in the environment is ignored. */
export const EnvSchema = z.object({
  NO_COLOR: z.string().optional(),
  FORCE_COLOR: z.string().optional(),
  TERM: z.string().optional(),
  XDG_CACHE_HOME: z.string().optional(),
  HOME: z.string().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

/**
 * One line on stderr, prefixed with the program's name. Messages name files and zip entries, whose
 * names may hold escape sequences: they are made safe as everything printed on stdout is.
 */
export function warn(io: Io, message: string): void {
  io.stderr.write(`kvdoctor: ${safe(message)}\n`);
}

/** A usage or input error: one line on stderr, exit 2. */
export function usage(io: Io, message: string): ExitCode {
  warn(io, message);
  return EXIT.usage;
}

/** https://no-color.org: NO_COLOR (non-empty) wins; FORCE_COLOR turns colour on without a terminal. */
export function colorEnabled(env: Env, stream: NodeJS.WriteStream, toFile: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (toFile) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export type WriteOutcome = { ok: true } | { ok: false; message: string };

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
}

/**
 * The write's own outcome. A reader that stopped reading (`| head`) has what it wanted: EPIPE, and
 * the destroyed stream after it, end the output quietly, and the run keeps its exit code. Any other
 * failure (`> /dev/full`: ENOSPC) means the output is lost, which is an error (exit 2), not findings.
 */
function writeStdout(stdout: NodeJS.WriteStream, text: string): Promise<WriteOutcome> {
  return new Promise((resolve) => {
    stdout.write(text, (error) => {
      const code = error ? errorCode(error) : undefined;
      if (code === undefined || code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') resolve({ ok: true });
      else resolve({ ok: false, message: `cannot write to standard output (${code})` });
    });
  });
}

/** Output goes to stdout, or to `--out FILE` only: kvdoctor writes no file unless asked. */
export async function writeOutput(io: Io, text: string, out: string | undefined): Promise<WriteOutcome> {
  if (out === undefined) return writeStdout(io.stdout, text);
  try {
    await fs.writeFile(out, text, 'utf8');
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `--out ${out}: cannot write the file (${errorCode(error)})` };
  }
}
