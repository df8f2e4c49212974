import { createDiagnoser, type DiagnoseOptions } from '@kvdoctor/diagnose';
import { Decoder } from './decode';
import { failed, type InputResult } from './result';

/**
 * Text is handed over in pieces of at most 64 KB. V8 puts a string over ~128 KB in its own mapped
 * pages, fresh for every chunk, while smaller ones are made in the young generation and die there
 * cheaply: reading and decoding 100 MB took ~80 ms as 1 MB strings and ~30 ms as 64 KB ones.
 */
const DECODE_CHUNK = 64 * 1024;

/** Chunks of any size go straight to the library's streaming diagnoser: memory stays bounded. */
export async function diagnoseStream(
  chunks: AsyncIterable<Buffer | string>,
  input: string,
  options: DiagnoseOptions,
): Promise<InputResult> {
  const decoder = new Decoder();
  const diagnoser = createDiagnoser(options);
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let at = 0; at < bytes.length; at += DECODE_CHUNK) {
      const step = decoder.write(bytes.subarray(at, at + DECODE_CHUNK));
      if (!step.ok) return { input, ok: false, error: step.error };
      if (step.text.length > 0) diagnoser.write(step.text);
    }
  }
  const last = decoder.end();
  if (!last.ok) return { input, ok: false, error: last.error };
  if (last.text.length > 0) diagnoser.write(last.text);
  try {
    return { input, ok: true, encoding: decoder.encoding, report: diagnoser.end() };
  } catch (error) {
    // A rule broke the report contract: a bug in kvdoctor, kept to this input so the batch goes on.
    const reason = error instanceof Error ? error.message : 'unknown failure';
    return failed(input, 'internal-error', `kvdoctor failed on this input (a bug, please report it): ${reason}`);
  }
}
