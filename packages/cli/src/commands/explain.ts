import { echoCode, explain } from '@kvdoctor/diagnose';
import pc from 'picocolors';
import { z } from 'zod';
import { EXIT, type ExitCode } from '../exit-codes';
import { parseFlags } from '../flags';
import { colorEnabled, type Io, warn, writeOutput } from '../io';
import { nearMatches } from '../near-matches';
import { explainMarkdown, explainText } from '../render/explain';
import { jsonEnvelope } from '../render/envelope';

const ExplainFlagsSchema = z.object({
  format: z.enum(['text', 'markdown', 'json']).default('text'),
  out: z.string().min(1, 'needs a file name').optional(),
});

/** `kvdoctor explain <CODE>`: a family's causes and fixes without a log. */
export async function explainCommand(code: string, rawFlags: unknown, io: Io): Promise<ExitCode> {
  const flags = parseFlags(ExplainFlagsSchema, rawFlags, { format: '--format', out: '--out' });
  if (!flags.ok) {
    warn(io, flags.message);
    return EXIT.usage;
  }
  const outcome = explain(code);
  if (!outcome.ok) {
    const near = nearMatches(code, outcome.error.known);
    const hint = near.length > 0 ? `did you mean ${near.join(', ')}?` : `known codes: ${[...new Set(outcome.error.known)].join(', ')}`;
    // A "code" can be a pasted secret: echoed only when it reads as a code.
    const shown = echoCode(code);
    warn(io, `unknown code${shown === undefined ? ' (not shown: it is not shaped like one)' : ` "${shown}"`}: ${hint}`);
    return EXIT.usage;
  }
  const { format, out } = flags.value;
  const text =
    format === 'json'
      ? jsonEnvelope('explain', { explanation: outcome.value })
      : format === 'markdown'
        ? explainMarkdown(outcome.value)
        : explainText(outcome.value, pc.createColors(colorEnabled(io.env, io.stdout, out !== undefined)));
  const written = await writeOutput(io, text, out);
  if (!written.ok) {
    warn(io, written.message);
    return EXIT.usage;
  }
  return EXIT.clean;
}
