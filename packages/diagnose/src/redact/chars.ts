/**
 * Character classes as lookup tables, so detectors scan runs with a loop instead of a bounded
 * regex quantifier: a failed candidate never makes the next one re-read the same characters.
 */
export type CharSet = Uint8Array;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function charSet(extra: string, base = ALNUM): CharSet {
  const set = new Uint8Array(128);
  for (const c of base + extra) set[c.charCodeAt(0)] = 1;
  return set;
}

export const ALPHANUMERIC = charSet('');
/** Any base64 flavour (standard, url-safe, with padding): PEM bodies, storage keys, tokens. */
export const BASE64_ANY = charSet('+/=_-');
/** What a secret's value can be made of when nothing else bounds it (URL-encoded included). */
export const SECRET_CHARS = charSet('+/=_.~%-');

/**
 * The greater of two positions. Not Math.max: a global read in a hot loop is slow where the code
 * runs in a sandboxed realm (jest's, a bot's vm), and it runs once per candidate here.
 */
export function later(a: number, b: number): number {
  return a > b ? a : b;
}

export function has(set: CharSet, code: number): boolean {
  return code < 128 && set[code] === 1;
}

/** Index just past the run of `set` characters that starts at `from`. */
export function runEnd(text: string, from: number, set: CharSet): number {
  let i = from;
  while (i < text.length && has(set, text.charCodeAt(i))) i++;
  return i;
}

/** Index of the first character of the run of `set` characters that ends at `to`, not before `floor`. */
export function runStart(text: string, to: number, set: CharSet, floor: number): number {
  let i = to;
  while (i > floor && has(set, text.charCodeAt(i - 1))) i--;
  return i;
}

export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Index of the line break (or the end of the text) at or after `from`. */
export function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Random-looking: a digit, or a base64 symbol, or both cases in a long run. Words of prose
 * ("Bearer authentication", "Basic realm") have none of these.
 */
export function looksRandom(text: string, from: number, to: number): boolean {
  let upper = false;
  let lower = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61) return true;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  return upper && lower && to - from >= 20;
}

// Azure DevOps and GitHub Actions stamp each line; a secret's wrapped remainder starts after it.
const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z ?/y;

/** Where a line's own text starts: after the runner's timestamp and any indentation. */
export function contentStart(text: string, lineStart: number): number {
  TIMESTAMP.lastIndex = lineStart;
  let i = TIMESTAMP.test(text) ? TIMESTAMP.lastIndex : lineStart;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** Index of the next line's first character, or -1 when `end` (a line break or the end) is the last. */
export function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return -1;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}
