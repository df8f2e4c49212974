import type { Rule } from '../rule-kit/rule';
import type { WindowLine } from '../rule-kit/window';
import type { RegionLines } from '../scan/scanner';
import type { MarkerSearch } from '../scan/triggers';
import type { Found } from './analyse-message';
import { MessageAnalyser } from './message-analyser';
import { type Message, MessageSplitter } from './messages';
import { RecordReader, type RecordLine } from './records';
import { StepContext } from './step-context';

/** How far back in its step a rule may read (azure/login echoes its inputs ~20 lines above the error). */
const STEP_CONTEXT_LINES = 24;

/** Longest message kept open for the next region: a log with no record start at all would otherwise be held whole. */
const MAX_OPEN_CHARS = 1024 * 1024;

/** One finding of one message, with the message's lines (for its evidence). */
export interface MessageFinding {
  readonly found: Found;
  readonly lines: readonly WindowLine[];
}

/**
 * A region of the log → its messages → their findings. Nothing crosses from one message to
 * another: not facts, and not precedence (a wrapper such as a bare "Forbidden" is dropped only for
 * an error that explains it inside its own message), except the step's earlier lines that a rule
 * declaring `stepContext` reads.
 *
 * Records and messages are read as a stream: the scanner cuts a region after its last hit's
 * context (and a log that is all errors into regions of bounded size), so a region's last message
 * stays open and goes on in the next region when that one starts where this one ended, even when
 * the seam falls inside one raw line (a cut long line, one element of a JSON array). A region that
 * does not continue the last one closes it: the lines between were never read.
 */
export class RegionAnalyser {
  private readonly records = new RecordReader();
  private readonly splitter = new MessageSplitter();
  private readonly step = new StepContext(STEP_CONTEXT_LINES);
  private readonly analyser: MessageAnalyser;
  /** Messages completed and not yet analysed (a scratch list, reused). */
  private readonly messageBuffer: Message[] = [];

  constructor(rules: readonly Rule[], search: MarkerSearch) {
    this.analyser = new MessageAnalyser(rules, search);
  }

  analyse(region: RegionLines): MessageFinding[] {
    const out: MessageFinding[] = [];
    if (region.continues !== true) this.close(out);
    const continued = region.continued ?? [];
    let next = 0;
    let line = region.firstLine;
    const { lines } = region;
    for (let i = 0; i < lines.length; i++) {
      // A piece of a cut line keeps its line's number; every other raw line is the next line.
      const isPiece = i === continued[next];
      if (isPiece) next++;
      else if (i > 0) line++;
      const record = this.records.push(lines[i] ?? '', line, isPiece);
      if (record !== undefined) this.read(record, out);
    }
    if (this.splitter.openChars > MAX_OPEN_CHARS) {
      this.splitter.flush(this.messageBuffer);
      this.drainMessages(out);
    }
    return out;
  }

  /** The findings of the message still open, once the log has ended. */
  end(): MessageFinding[] {
    const out: MessageFinding[] = [];
    this.close(out);
    return out;
  }

  /** Closes the open record and message and reads it; what follows starts afresh. */
  private close(out: MessageFinding[]): void {
    const record = this.records.flush();
    if (record !== undefined) this.read(record, out);
    this.splitter.flush(this.messageBuffer);
    this.drainMessages(out);
    this.splitter.reset();
    this.step.reset();
  }

  private read(record: RecordLine, out: MessageFinding[]): void {
    this.splitter.push(record, this.messageBuffer);
    if (this.messageBuffer.length > 0) this.drainMessages(out);
  }

  private drainMessages(out: MessageFinding[]): void {
    for (const message of this.messageBuffer) {
      this.step.before(message);
      const found = this.analyser.analyse(message.lines, this.step);
      this.step.after(message, found.length > 0);
      for (const f of found) out.push({ found: f, lines: message.lines });
    }
    this.messageBuffer.length = 0;
  }
}
