const CR = /\r\n?/g;

/**
 * Makes every line end one '\n', and no line longer than `maxLine`, before the scanner sees the
 * text. CR and CRLF become LF: old agents and some Windows tools end lines with a lone CR, and a
 * log read as one giant line would be scanned, kept and numbered as one. A longer line (a minified
 * dump, a run of backslashes) is cut by a virtual '\n' whose stream offset is remembered, so memory
 * stays bounded and line numbers still count only the text's own line ends.
 */
export class LineEnds {
  /** Stream offsets (in the text handed out) of the virtual line ends not yet consumed, in order. */
  readonly virtual: number[] = [];
  /** How many virtual line ends were inserted in all. */
  cuts = 0;
  private crPending = false;
  private lineLength = 0;
  private offset = 0;

  constructor(private readonly maxLine: number) {}

  transform(chunk: string): string {
    let text = chunk;
    // A CRLF split between two writes: its LF was already counted when the CR became one.
    if (this.crPending && text.charCodeAt(0) === 10) text = text.slice(1);
    if (text.length === 0) return text;
    this.crPending = text.charCodeAt(text.length - 1) === 13;
    if (text.includes('\r')) text = text.replace(CR, '\n');
    text = this.cap(text);
    this.offset += text.length;
    return text;
  }

  private cap(text: string): string {
    const first = text.indexOf('\n');
    // The common case in one test: no line of this chunk (nor the line it continues) is too long.
    if (text.length <= this.maxLine && this.lineLength + (first === -1 ? text.length : first) <= this.maxLine) {
      const last = first === -1 ? -1 : text.lastIndexOf('\n');
      this.lineLength = last === -1 ? this.lineLength + text.length : text.length - last - 1;
      return text;
    }
    const parts: string[] = [];
    let start = 0;
    let pos = 0;
    let length = this.lineLength;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      const end = nl === -1 ? text.length : nl;
      if (length + (end - pos) > this.maxLine) {
        const at = pos + (this.maxLine - length);
        parts.push(text.slice(start, at));
        this.virtual.push(this.offset + at + parts.length - 1);
        this.cuts++;
        start = at;
        pos = at;
        length = 0;
        continue;
      }
      if (nl === -1) {
        length += end - pos;
        break;
      }
      length = 0;
      pos = nl + 1;
    }
    parts.push(text.slice(start));
    this.lineLength = length;
    return parts.join('\n');
  }
}
