import pc from 'picocolors';
import { z } from 'zod';
import { runBatch } from '../batch/run-batch';
import type { DiagnoseSettings } from '../diagnose-settings';
import { EXIT, type ExitCode } from '../exit-codes';
import { parseFlags } from '../flags';
import type { InputResult } from '../inputs/result';
import { plan } from '../inputs/plan';
import { colorEnabled, type Io, warn, writeOutput } from '../io';
import { FORMATS, renderers } from '../render/renderers';
import { wantsSummary } from '../render/summary';
import { textSummary } from '../render/text-summary';

const DiagnoseFlagsSchema = z.object({
  format: z.enum(FORMATS).default('text'),
  out: z.string().min(1, 'needs a file name').optional(),
  jobs: z.coerce.number().int().min(1).max(64).optional(),
  serviceTags: z.string().min(1, 'needs a file name').optional(),
  exitZero: z.boolean().default(false),
});

const FLAG_NAMES = { format: '--format', out: '--out', jobs: '--jobs', serviceTags: '--service-tags', exitZero: '--exit-zero' };

export type SettingsLoader = (flags: { serviceTags: string | undefined }, io: Io) => Promise<{ ok: true; settings: DiagnoseSettings } | { ok: false; message: string }>;

/** `--exit-zero` (the linters' convention) reports findings without failing the run; an unreadable input still does. */
function exitCodeOf(results: readonly InputResult[], exitZero: boolean): ExitCode {
  if (results.some((r) => !r.ok)) return EXIT.usage;
  return !exitZero && results.some((r) => r.ok && r.report.findings.length > 0) ? EXIT.findings : EXIT.clean;
}

/** `kvdoctor diagnose [FILE|DIR|-]...`: every input streamed through the library, one document out. */
export async function diagnoseCommand(paths: readonly string[], rawFlags: unknown, io: Io, loadSettings: SettingsLoader): Promise<ExitCode> {
  const flags = parseFlags(DiagnoseFlagsSchema, rawFlags, FLAG_NAMES);
  if (!flags.ok) {
    warn(io, flags.message);
    return EXIT.usage;
  }
  const { format, out, jobs, serviceTags, exitZero } = flags.value;
  let args = paths;
  if (args.length === 0) {
    if (io.stdin.isTTY) {
      warn(io, 'give a log file, a folder, a .zip of pipeline logs, or - to read standard input (see kvdoctor diagnose --help)');
      return EXIT.usage;
    }
    args = ['-'];
  }
  const loaded = await loadSettings({ serviceTags }, io);
  if (!loaded.ok) {
    warn(io, loaded.message);
    return EXIT.usage;
  }
  const items = await plan(args);
  const results = await runBatch(items, {
    settings: loaded.settings,
    jobs,
    stderr: io.stderr,
    onError: (r) => {
      if (!r.ok) warn(io, `${r.input}: ${r.error.message}`);
    },
    onProblem: (message) => warn(io, `${message}; client addresses were not matched to Azure service tags`),
  });
  // Read in part: the findings stand, and the reader learns that the rest of the input was not seen.
  for (const r of results) if (r.ok && r.partial) warn(io, `${r.input}: ${r.partial.message}`);
  const colors = pc.createColors(format === 'text' && colorEnabled(io.env, io.stdout, out !== undefined));
  const written = await writeOutput(io, renderers[format](results, { colors }), out);
  if (!written.ok) {
    warn(io, written.message);
    return EXIT.usage;
  }
  // JSON and CSV documents have no room for the summary table: a person at a terminal sees it on stderr.
  if ((format === 'json' || format === 'csv') && wantsSummary(results) && io.stderr.isTTY) {
    io.stderr.write(`${textSummary(results, pc.createColors(colorEnabled(io.env, io.stderr, false))).join('\n')}\n`);
  }
  return exitCodeOf(results, exitZero);
}
