import { type LogicalText, logicalTexts, plainLogical } from '../normalise/normalise-line';
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
    const pieces = this.logical(record.text);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (piece === undefined) continue;
      // The error answering a request joins the request's message; a new step never does.
      const starts = (i === 0 && record.starts && (record.step || !(this.requests && !record.opens))) || piece.split;
      if (this.current.length > 0 && starts) this.flush(out);
      if (i === 0) this.requests = (this.current.length === 0 || this.requests) && record.opens;
      if (this.current.length === 0) this.step = i === 0 && record.step;
      this.current.push(record.timestamp === undefined ? { line: record.line, text: piece.text } : { line: record.line, text: piece.text, timestamp: record.timestamp });
      this.chars += piece.text.length;
    }
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
    // A plain line is only trimmed: cheaper than a cache entry's hash and copy.
    const plain = plainLogical(text);
    if (plain !== undefined) return plain;
    const known = this.normalised.get(text);
    if (known !== undefined) return known;
    const pieces = logicalTexts(text);
    this.normalised.set(text, pieces);
    return pieces;
  }
}
