import { isPlain, type LogicalText, logicalTexts } from '../normalise/normalise-line';
import type { WindowLine } from '../rule-kit/window';
import { BoundedCache } from './bounded-cache';
import type { RecordLine } from './records';

/** One error's own lines; `step` when it opens a CI step (nothing before it is its step's). */
export interface Message {
  readonly lines: readonly WindowLine[];
  readonly step: boolean;
}

/**
 * Splits record lines into messages: one error's own lines, from the record that starts it to the
 * next record start. Rules read facts only inside a message, so one error never takes another's
 * vault, address or object name. Streaming: a message is handed out when the next one starts, so
 * one that runs on into the next region stays whole.
 */
export class MessageSplitter {
  // The same record text comes back all through a log (a retry loop, the same step in every job);
  // normalising it once keeps repeats at the cost of a hash.
  private readonly normalised = new BoundedCache<LogicalText[]>(4096, 4096);
  private current: WindowLine[] = [];
  private step = false;
  /** Whether the message so far is only requests: the error that answers them joins it. */
  private requests = false;
  private chars = 0;

  /** Characters in the message still open. */
  get openChars(): number {
    return this.chars;
  }

  push(record: RecordLine, out: Message[]): void {
    // A plain line (most of a log) is one piece, only trimmed: no list, no cache entry.
    if (isPlain(record.text)) {
      const text = record.text.trim();
      if (text.length > 0) this.piece(record, text, 0, false, out);
      return;
    }
    const pieces = this.logical(record.text);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (piece !== undefined) this.piece(record, piece.text, i, piece.split, out);
    }
  }

  /** The `index`-th logical line of `record`; `split`: it starts a new JSON element. */
  private piece(record: RecordLine, text: string, index: number, split: boolean, out: Message[]): void {
    // The error answering a request joins the request's message; a new step never does.
    const starts = (index === 0 && record.starts && (record.step || !(this.requests && !record.opens))) || split;
    if (this.current.length > 0 && starts) this.flush(out);
    if (index === 0) this.requests = (this.current.length === 0 || this.requests) && record.opens;
    if (this.current.length === 0) this.step = index === 0 && record.step;
    this.current.push(record.timestamp === undefined ? { line: record.line, text } : { line: record.line, text, timestamp: record.timestamp });
    this.chars += text.length;
  }

  /** Hands out the open message. */
  flush(out: Message[]): void {
    if (this.current.length > 0) out.push({ lines: this.current, step: this.step });
    this.current = [];
    this.chars = 0;
  }

  /** Forgets what the last records said (the next region does not continue them). */
  reset(): void {
    this.step = false;
    this.requests = false;
  }

  private logical(text: string): LogicalText[] {
    const known = this.normalised.get(text);
    if (known !== undefined) return known;
    const pieces = logicalTexts(text);
    this.normalised.set(text, pieces);
    return pieces;
  }
}
