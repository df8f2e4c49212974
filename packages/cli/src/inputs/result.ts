import type { Report } from '@kvdoctor/diagnose';

/** How the bytes of an input were read as text; anything but UTF-8 is worth telling the reader. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

/** Why an input gave no report. Codes are stable: scripts read them from the JSON output. */
export type InputErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'binary'
  | 'not-text'
  | 'corrupt-zip'
  | 'no-logs'
  | 'internal-error';

export interface InputError {
  readonly code: InputErrorCode;
  /** One line, naming the reason; never any of the input's content. */
  readonly message: string;
}

/** Text that turned binary part-way: the report covers the bytes before `at`, the rest was not read. */
export interface PartialRead {
  readonly at: number;
  readonly message: string;
}

/** One diagnosed input (a file, a zip entry or standard input), or why it could not be read. */
export type InputResult =
  | { readonly input: string; readonly ok: true; readonly encoding: Encoding; readonly report: Report; readonly partial?: PartialRead }
  | { readonly input: string; readonly ok: false; readonly error: InputError };

export function failed(input: string, code: InputErrorCode, message: string): InputResult {
  return { input, ok: false, error: { code, message } };
}

/** A readable thing the batch can hand to a worker: plain data, so it survives structured cloning. */
export type Source =
  | { readonly kind: 'file'; readonly path: string; readonly display: string; readonly size: number }
  | { readonly kind: 'zip'; readonly path: string; readonly display: string; readonly size: number }
  | { readonly kind: 'stdin'; readonly display: string; readonly size: number };

/** The ordered plan of a run: sources to read, and arguments that already failed (missing paths, empty folders). */
export type PlanItem = { readonly source: Source } | { readonly result: InputResult };
