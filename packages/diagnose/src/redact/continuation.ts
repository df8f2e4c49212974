import { contentStart, isLineBreak, lineEnd, looksRandom, nextLineStart, runEnd, SECRET_CHARS } from './chars';
import type { Mask } from './mask';

// What may close a value after its last character: a quote, a separator, a bracket, blanks.
const CLOSING = new Set([...'"\'`,;)]}\\ \t'].map((c) => c.charCodeAt(0)));
// A wrapped remainder alone on its line: a few random characters, or a long run of any.
const ALONE_RANDOM = 4;
const LONG = 16;

/** The next line's start when nothing but blanks follows `end` on its line; else -1. */
function followingLine(text: string, end: number): number {
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= text.length || !isLineBreak(text.charCodeAt(i))) return -1;
  return nextLineStart(text, i);
}

/** Whether the run [start, end) on a line that ends at `stop` reads as the rest of a secret. */
function isRemainder(text: string, start: number, end: number, stop: number): boolean {
  // Base64 padding is no sign of randomness here: "client_secret=" alone on a line is a name.
  let core = end;
  while (core > start && text.charCodeAt(core - 1) === 61) core--;
  let rest = end;
  while (rest < stop && CLOSING.has(text.charCodeAt(rest))) rest++;
  const length = end - start;
  if (rest === stop) return length >= ALONE_RANDOM && (length >= LONG || looksRandom(text, start, core));
  return length >= LONG && looksRandom(text, start, core);
}

/**
 * A secret split over lines: when a secret (or a secret's name with no value yet) ends its line at
 * `end`, the next line's leading run is its remainder if it looks like one. The terminal wraps a
 * long token; YAML puts a value under its name. Marked as the same secret (code `code`), so a
 * remainder that fills its line is continued in turn when the masking pass reaches it. `named`:
 * only the name was masked so far, so this is the secret's first (counted) part.
 */
export function continueAfter(text: string, mask: Mask, end: number, code: number, named: boolean): void {
  const next = followingLine(text, end);
  if (next === -1) return;
  const start = contentStart(text, next);
  const run = runEnd(text, start, SECRET_CHARS);
  if (isRemainder(text, start, run, lineEnd(text, run))) mask.continueWith(start, run, code, named);
}

/**
 * The same on one line: kvdoctor joins the lines a terminal wrapped with a space, so the rest of a
 * secret masked up to `end` can follow after one space. A long random run there is its remainder.
 */
export function continueInLine(text: string, mask: Mask, end: number, code: number): void {
  if (text.charCodeAt(end) !== 32) return;
  const run = runEnd(text, end + 1, SECRET_CHARS);
  if (run - end - 1 >= LONG && looksRandom(text, end + 1, run)) mask.continueWith(end + 1, run, code, false);
}
