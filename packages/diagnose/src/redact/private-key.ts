import { BASE64_ANY, contentStart, has, later, lineEnd, nextLineStart, runEnd } from './chars';
import type { Detector } from './detector';
import type { Mask } from './mask';
import { isPlaceholder } from './value';

// "-----BEGIN RSA PRIVATE KEY-----", "…OPENSSH PRIVATE KEY…", "…ENCRYPTED PRIVATE KEY…", PGP's
// "…PRIVATE KEY BLOCK…"; the label is checked in code. Certificates and public keys are not secret.
const BEGIN = /-----BEGIN ([A-Z0-9 ]{1,40})-----/g;
const END_MARK = '-----END';
// RFC 1421 headers of an encrypted key ("Proc-Type: 4,ENCRYPTED", "DEK-Info: …") are not the key.
const HEADER = /^[A-Za-z-]{1,20}: /;

/** Finds END_MARK at or after a position, remembering the answer so repeated BEGINs stay linear. */
class EndFinder {
  private at = -2;
  constructor(private readonly text: string) {}
  next(from: number): number {
    if (this.at === -1 || this.at >= from) return this.at;
    this.at = this.text.indexOf(END_MARK, from);
    return this.at;
  }
}

/** End of the base64 at `start`: one run, or several that a join of wrapped lines separated by spaces. */
function bodyEnd(text: string, start: number): number {
  let end = runEnd(text, start, BASE64_ANY);
  while (text.charCodeAt(end) === 32 && has(BASE64_ANY, text.charCodeAt(end + 1))) end = runEnd(text, end + 1, BASE64_ANY);
  return end;
}

/** Masks the body lines after a BEGIN line; returns where the block ended. */
function bodyLines(text: string, from: number, ends: EndFinder, mask: Mask): number {
  let line = from;
  let continued = false;
  while (line !== -1 && line < text.length) {
    const stop = lineEnd(text, line);
    const start = contentStart(text, line);
    const end = ends.next(start);
    if (end !== -1 && end < stop) {
      if (end > start) mask.add(start, end, 'private-key', continued);
      return end + END_MARK.length;
    }
    const body = bodyEnd(text, start);
    if (body === stop && body > start) {
      mask.add(start, body, 'private-key', continued);
      continued = true;
    } else if (start < stop && !HEADER.test(text.slice(start, Math.min(stop, start + 24)))) return line;
    line = nextLineStart(text, stop);
  }
  return text.length;
}

/**
 * PEM private keys: every body line between the BEGIN and END markers (each line's own text after
 * a runner's timestamp), and the rest of a line that holds the whole key with escaped newlines. A
 * block whose END never comes (a cut log) stops at the first line that is not base64.
 */
export const detectPrivateKeys: Detector = (text, mask) => {
  const ends = new EndFinder(text);
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
    if (!(m[1] ?? '').includes('PRIVATE KEY')) continue;
    const after = m.index + m[0].length;
    const stop = lineEnd(text, after);
    const end = ends.next(after);
    let resume: number;
    if (after < stop) {
      // The key on one line ("-----BEGIN …-----\nMIIE…\n-----END …"): mask up to END or the line's end.
      const to = end !== -1 && end < stop ? end : stop;
      if (!isPlaceholder(text, after, to)) mask.add(after, to, 'private-key');
      resume = to;
    } else {
      resume = bodyLines(text, nextLineStart(text, stop), ends, mask);
    }
    BEGIN.lastIndex = later(BEGIN.lastIndex, resume);
  }
};
