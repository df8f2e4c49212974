import { HTML_SNIFF, looksLikeHtml } from './html-detect';
import { HtmlToText } from './html-to-text';

/**
 * The first stage of reading: holds back the input's head until it can tell HTML from a log, then
 * passes a log through untouched or turns HTML into lines, chunk by chunk.
 */
export class HtmlInput {
  private head = '';
  /** Undefined until decided; null for a log. */
  private converter: HtmlToText | null | undefined;

  write(chunk: string): string {
    if (this.converter === undefined) {
      this.head += chunk;
      return this.head.length < HTML_SNIFF ? '' : this.decide();
    }
    return this.converter === null ? chunk : this.converter.write(chunk);
  }

  end(): string {
    const rest = this.converter === undefined ? this.decide() : '';
    return this.converter === null || this.converter === undefined ? rest : rest + this.converter.end();
  }

  private decide(): string {
    const head = this.head;
    this.head = '';
    this.converter = looksLikeHtml(head) ? new HtmlToText() : null;
    return this.converter === null ? head : this.converter.write(head);
  }
}
