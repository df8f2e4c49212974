import { charSet, isLineBreak, later, runEnd } from './chars';
import type { Detector } from './detector';

/** A signature's characters, URL-encoded or not. */
const SIG_CHARS = charSet('%+/=_-');
// "sig" and what assigns it: "=", URL-encoded "=" (once or twice), or a JSON colon between quotes.
const SIG = /sig(?:=|%3D|%253D|\\{0,4}["'][ \t]{0,4}:[ \t]{0,4}\\{0,4}["'])/gi;
// What may stand before "sig" when it starts a parameter: "?", "&", ";", a quote, white space …
const BEFORE = new Set([...'?&;"\'({[, \t'].map((c) => c.charCodeAt(0)));
// … or the same separators URL-encoded (once or twice) or escaped for JSON.
const ENCODED_BEFORE = ['%26', '%3F', '%3f', '%2526', '%253F', '%253f', '\\u0026'];
const MIN = 8;

function startsParameter(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  if (BEFORE.has(c) || isLineBreak(c)) return true;
  return ENCODED_BEFORE.some((e) => text.startsWith(e, at - e.length));
}

/** SAS signatures (`sig=`) in URLs, connection strings, JSON, and URL-encoded or escaped forms of them. */
export const detectSas: Detector = (text, mask) => {
  SIG.lastIndex = 0;
  for (let m = SIG.exec(text); m !== null; m = SIG.exec(text)) {
    if (!startsParameter(text, m.index)) continue;
    const start = m.index + m[0].length;
    const end = runEnd(text, start, SIG_CHARS);
    if (end - start >= MIN) mask.add(start, end, 'sas');
    SIG.lastIndex = later(SIG.lastIndex, end);
  }
};
