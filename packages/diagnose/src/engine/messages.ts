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
 * vault, address or object name.
 */
export class MessageSplitter {
  // The same record text comes back all through a log (a retry loop, the same step in every job);
  // normalising it once keeps repeats at the cost of a hash.
  private readonly normalised = new BoundedCache<LogicalText[]>(4096, 4096);

  split(records: readonly RecordLine[]): Message[] {
    const messages: Message[] = [];
    let current: WindowLine[] = [];
    let step = false;
    // Whether the message so far is only requests: the error that answers them joins it.
    let requests = false;
    for (const record of records) {
      const pieces = this.logical(record.text);
      pieces.forEach((piece, i) => {
        // The error answering a request joins the request's message; a new step never does.
        const starts = (i === 0 && record.starts && (record.step || !(requests && !record.opens))) || piece.split;
        if (current.length > 0 && starts) {
          messages.push({ lines: current, step });
          current = [];
        }
        if (i === 0) requests = (current.length === 0 || requests) && record.opens;
        if (current.length === 0) step = i === 0 && record.step;
        current.push(record.timestamp === undefined ? { line: record.line, text: piece.text } : { line: record.line, text: piece.text, timestamp: record.timestamp });
      });
    }
    if (current.length > 0) messages.push({ lines: current, step });
    return messages;
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
