import { charSet, later, looksRandom, runEnd } from './chars';
import type { Detector } from './detector';
import type { Mask } from './mask';
import { isPlaceholder, valueEnd } from './value';

/** RFC 7235 token68: the credentials after "Bearer" or "Basic". */
const TOKEN68 = charSet('-._~+/=');
const SCHEME_CHARS = charSet('-');
const BLANKS = charSet(' \t', '');
// Any number of spaces: "Bearer     eyJ…" is still a bearer token.
const SCHEME = /\b(?:bearer|basic)(?:[ \t]+|%20)/gi;
// An Authorization header of any scheme (SharedKey, SharedAccessSignature, token …), as a header,
// a YAML or JSON field. WWW-Authenticate's `Bearer authorization="…"` has "=", not ":".
const HEADER = /\bauthorization\\{0,4}["']?[ \t]*:[ \t]*\\{0,4}["']?/gi;
const MIN = 8;
const EQUALS = 61;

function credentialsAfterScheme(text: string, mask: Mask): void {
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(text); m !== null; m = SCHEME.exec(text)) {
    const start = m.index + m[0].length;
    const end = runEnd(text, start, TOKEN68);
    let core = end;
    while (core > start && text.charCodeAt(core - 1) === EQUALS) core--;
    // `Bearer realm="…"` and `Bearer authorization_uri=…` are parameters of a challenge, not tokens:
    // words without a digit or base64 symbol.
    if (core - start >= MIN && looksRandom(text, start, core) && !isPlaceholder(text, start, end)) mask.add(start, end, 'token');
    SCHEME.lastIndex = later(SCHEME.lastIndex, end);
  }
}

function headerValues(text: string, mask: Mask): void {
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m !== null; m = HEADER.exec(text)) {
    let start = m.index + m[0].length;
    const word = runEnd(text, start, SCHEME_CHARS);
    const gap = runEnd(text, word, BLANKS);
    if (gap > word) start = gap;
    const end = valueEnd(text, start, undefined);
    if (end - start >= MIN && !isPlaceholder(text, start, end)) mask.add(start, end, 'token');
    HEADER.lastIndex = later(HEADER.lastIndex, end);
  }
}

/** Credentials of HTTP authentication: `Bearer …`, `Basic …`, and whatever an Authorization header carries. */
export const detectAuthHeaders: Detector = (text, mask) => {
  credentialsAfterScheme(text, mask);
  headerValues(text, mask);
};
