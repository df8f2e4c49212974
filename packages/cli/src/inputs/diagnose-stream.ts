import { createDiagnoser, type DiagnoseOptions } from '@kvdoctor/diagnose';
import { type DecodeStep, Decoder } from './decode';
import { failed, type InputError, type InputResult, type PartialRead } from './result';

/**
 * Text is handed over in pieces of at most 64 KB. V8 puts a string over ~128 KB in its own mapped
 * pages, fresh for every chunk, while smaller ones are made in the young generation and die there
 * cheaply: reading and decoding 100 MB took ~80 ms as 1 MB strings and ~30 ms as 64 KB ones.
 */
const DECODE_CHUNK = 64 * 1024;

/**
 * Chunks of any size go straight to the library's streaming diagnoser: memory stays bounded. Text
 * that turns binary part-way (a log with a core dump or an archive appended) keeps the findings of
 * what came before: the report covers that text, and `partial` says where reading stopped.
 */
export async function diagnoseStream(
  chunks: AsyncIterable<Buffer | string>,
  input: string,
  options: DiagnoseOptions,
): Promise<InputResult> {
  const decoder = new Decoder();
  const diagnoser = createDiagnoser(options);
  let textSeen = false;
  let stop: InputError | undefined;
  const take = (step: DecodeStep): boolean => {
    if (step.text.length > 0) {
      diagnoser.write(step.text);
      textSeen = true;
    }
    if (!step.ok) stop = step.error;
    return step.ok;
  };
  read: for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let at = 0; at < bytes.length; at += DECODE_CHUNK) {
      if (!take(decoder.write(bytes.subarray(at, at + DECODE_CHUNK)))) break read;
    }
  }
  if (stop === undefined) take(decoder.end());
  if (stop !== undefined && !textSeen) return { input, ok: false, error: stop };
  const partial: PartialRead | undefined = stop === undefined ? undefined : { at: decoder.bytesRead, message: `${stop.message}: only the text before it was read` };
  try {
    const report = diagnoser.end();
    return partial === undefined ? { input, ok: true, encoding: decoder.encoding, report } : { input, ok: true, encoding: decoder.encoding, report, partial };
  } catch (error) {
    // A rule broke the report contract: a bug in kvdoctor, kept to this input so the batch goes on.
    const reason = error instanceof Error ? error.message : 'unknown failure';
    return failed(input, 'internal-error', `kvdoctor failed on this input (a bug, please report it): ${reason}`);
  }
}
