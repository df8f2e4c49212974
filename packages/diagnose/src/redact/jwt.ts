import { charSet, runEnd, runStart } from './chars';
import type { Detector } from './detector';

/** JWT (and JWE) segments and the dots between them. */
const JWT_CHARS = charSet('_-.');
// Every JWT starts with a base64url-encoded JSON object: "{\"" encodes to "eyJ".
const START = 'eyJ';
// A header alone ("eyJhbGciOiJIUzI1NiJ9") is 20 characters: anything shorter is a word, not a token.
const MIN = 20;

/**
 * JWTs, whole or in part: a run of JWT characters holding "eyJ" and long enough to be a header.
 * A part (a token the terminal wrapped, one cut by a log line limit) is masked like a whole one.
 */
export const detectJwts: Detector = (text, mask) => {
  let scanned = 0;
  for (let at = text.indexOf(START); at !== -1; at = text.indexOf(START, scanned)) {
    const end = runEnd(text, at, JWT_CHARS);
    if (end - at >= MIN) mask.add(runStart(text, at, JWT_CHARS, scanned), end, 'jwt');
    // The rest of this run holds no longer token: skip it, so "eyJ-eyJ-…" is read once.
    scanned = end;
  }
};
