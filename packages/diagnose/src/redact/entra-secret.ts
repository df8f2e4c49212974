import { charSet, isLineBreak, later, runEnd, runStart } from './chars';
import type { Detector } from './detector';

const SECRET_CHARS = charSet('_~.-');
// The same, URL-encoded: "~" is sent as "%7E" in a form body.
const ENCODED_CHARS = charSet('_~.-%');
// Entra client secret values are three characters, a digit, "Q~" and 31–34 more (the shape
// gitleaks' azure-ad-client-secret rule documents). The marker is found first and the
// characters around it are read by hand: a secret glued to the text before it ("%3D", a letter)
// or starting with "~", "." or "-" is still one.
const MARK = 'Q';
const TAIL = 31;
// A tail cut by the end of its line is the first part of a wrapped secret.
const CUT_TAIL = 6;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The marker's length at `at` ("Q~" or "Q%7E"), or 0. */
function markerAt(text: string, at: number): number {
  if (text.charCodeAt(at + 1) === 126) return 2;
  return text.startsWith('%7E', at + 1) || text.startsWith('%7e', at + 1) ? 4 : 0;
}

export const detectEntraSecrets: Detector = (text, mask) => {
  let scanned = 0;
  for (let at = text.indexOf(MARK, 1); at !== -1; at = text.indexOf(MARK, later(at + 1, scanned))) {
    const marker = markerAt(text, at);
    if (marker === 0 || !isDigit(text.charCodeAt(at - 1))) continue;
    const tail = at + marker;
    const end = runEnd(text, tail, marker > 2 ? ENCODED_CHARS : SECRET_CHARS);
    const cut = end === text.length || isLineBreak(text.charCodeAt(end));
    if (end - tail >= TAIL || (cut && end - tail >= CUT_TAIL)) {
      mask.add(runStart(text, at - 1, SECRET_CHARS, later(scanned, at - 4)), end, 'client-secret');
    }
    // A later marker in the same run has a shorter tail: none can qualify where this one did not.
    scanned = end;
  }
};
