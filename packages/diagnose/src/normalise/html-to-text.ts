import { decodeHtmlEntities } from './html-entities';
import { BLOCK_TAGS, knownTag } from './html-tags';

// A tag longer than this is not one (a stray `<` in text): it is given back as text, so each
// character is looked at a bounded number of times and the conversion stays linear.
const MAX_TAG = 512;

/**
 * HTML → text lines, in chunks of any size: block elements and `<br>` end a line, other known
 * elements are dropped with their text kept, and everything else (line breaks and spaces in
 * `<pre>`/`<code>` included) is kept as it is. Entities are left to the line normaliser.
 */
export class HtmlToText {
  /** The tag being read, from its `<`, when a chunk ended inside it. */
  private tag: string | undefined;
  /**
   * Whether the output so far ends a line (or is empty): `</p><p>` and `<div><p>` end one line,
   * not two, so a log's line numbers stay those the user sees.
   */
  private lineStart = true;

  write(chunk: string): string {
    let out = '';
    let i = 0;
    while (i < chunk.length) {
      if (this.tag === undefined) {
        const lt = chunk.indexOf('<', i);
        if (lt === -1) return this.put(out, chunk.slice(i));
        out = this.put(out, chunk.slice(i, lt));
        this.tag = '<';
        i = lt + 1;
        continue;
      }
      const room = MAX_TAG - this.tag.length;
      const stop = Math.min(chunk.length, i + room);
      let gt = i;
      while (gt < stop && chunk.charCodeAt(gt) !== 62 /* > */ && chunk.charCodeAt(gt) !== 60 /* < */) gt++;
      if (gt < stop && chunk.charCodeAt(gt) === 62) {
        out = this.put(out, this.replace(this.tag + chunk.slice(i, gt + 1)));
        this.tag = undefined;
        i = gt + 1;
      } else if (gt < stop || stop - i === room) {
        // Another `<` before any `>`, or too long: what was read is text.
        out = this.put(out, this.tag + chunk.slice(i, gt));
        this.tag = undefined;
        i = gt;
      } else {
        this.tag += chunk.slice(i);
        i = chunk.length;
      }
    }
    return out;
  }

  end(): string {
    const rest = this.tag ?? '';
    this.tag = undefined;
    return this.put('', rest);
  }

  private put(out: string, piece: string): string {
    if (piece === '') return out;
    this.lineStart = piece.endsWith('\n');
    return out + piece;
  }

  private replace(raw: string): string {
    if (raw.startsWith('<!--')) return '';
    const name = knownTag(raw);
    if (name === undefined) return raw;
    return BLOCK_TAGS.has(name) && !this.lineStart ? '\n' : '';
  }
}

/** A whole HTML text as plain lines, entities decoded (what the Teams bot hands a formatted paste to). */
export function htmlToText(html: string): string {
  const converter = new HtmlToText();
  return decodeHtmlEntities(converter.write(html) + converter.end());
}
