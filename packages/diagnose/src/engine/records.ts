import type { CiCommand } from '../normalise/ci-prefixes';
import { unprefix } from '../normalise/normalise-line';

/**
 * One log record's line as the runner printed it, prefix removed: the unit normalisation works on.
 * A record is usually one raw line; a sentence the terminal wrapped, or a paragraph of Terraform's
 * diagnostic box, is joined back into one so its words (and facts) read as they were written.
 */
export interface RecordLine {
  /** 1-based number of the first raw line it came from. */
  readonly line: number;
  text: string;
  readonly timestamp?: string;
  /** True when a new log record (and so a new message) starts here. */
  readonly starts: boolean;
  /** True when a new CI step or group starts here: what came before is another step's. */
  readonly step: boolean;
  /**
   * True for a request the log shows before its outcome (an HTTP request line, an echoed command,
   * the Key Vault task's "Downloading secret value for: NAME."): the error printed right after it
   * is that request's, in the same message.
   */
  readonly opens: boolean;
}

// Text that begins a new log record besides steps and requests (below): an error or warning a tool
// printed, or a Kubernetes component's klog header ("E0723 19:26:43.011916 1 main.go:330] …": the
// CSI driver, akv2k8s, operators), whose multi-line err=< blocks are one record each. Each
// alternative is anchored and fixed-width.
const RECORD_START = /^(?:(?:ERROR|Error|error|FATAL|Fatal|fatal|WARNING|Warning|warning|WARN)(?::|\]| -)|\[(?:error|ERROR|warning|WARNING|section)\]|[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6} )/;
const STEP_START = /^(?:(?:Starting|Finishing): |Run [a-z])/;
const OPENS = /^(?:(?:GET|PUT|POST|PATCH|DELETE|HEAD) https?:\/\/|\$ |PS [^>\s]{1,200}> |\[command\]|Downloading secret value for: )/;
// A sentence broken by a terminal or the runner: one line ends in a word and the next goes on in
// lower case ("… Client address is not" / "authorized and caller …"), or a label ends one line and
// its one value is the next ("Client address:" / "20.42.5.9"). Stack frames ("at X.Y") are lines.
const GOES_ON = /^[a-z]/;
const STACK_FRAME = /^at /;
const ONE_VALUE = /^[A-Za-z0-9][^\s]{0,200}$/;
/**
 * A record joined from this many characters takes no more lines: a wrapped sentence or a box
 * paragraph is far shorter, and text that keeps looking wrapped (a minified dump) must not make one
 * record of everything.
 */
const MAX_JOINED = 16 * 1024;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// Read from the end by character code: a regex anchored with `$` scans the whole string.
function endsInWord(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return isLetter(c) || c === 44;
}

function endsInLabel(text: string): boolean {
  return text.charCodeAt(text.length - 1) === 58 && isLetter(text.charCodeAt(text.length - 2));
}

function isBox(command: CiCommand | undefined): boolean {
  return command === 'box' || command === 'box-top';
}

function wrapped(previous: string, next: string): boolean {
  return (endsInWord(previous) && GOES_ON.test(next) && !STACK_FRAME.test(next)) || (endsInLabel(previous) && ONE_VALUE.test(next));
}

// First characters the record-start tests can match: most lines start with none of them, and a
// character lookup is far cheaper than three regex calls on each of a region's lines.
const MAY_START = new Set(['E', 'e', 'F', 'f', 'W', 'w', 'I', '[', 'S', 'R', 'G', 'P', 'D', 'H', '$']);

/**
 * The pieces of one cut line are joined back into one record up to this many characters, so a
 * message, a sentence or a marker that a cut went through reads as it was written. Past it, the
 * record is handed out up to its last escaped line break (a JSON message's `\r\n`): the text after
 * a line break reads the same alone, so the cut falls between two logical lines.
 */
const MAX_PIECES = 1024 * 1024;
/** An escaped line break as the backslash and 'n' it ends with (`\n`, `\r\n`, `\\r\\n`). */
const ESCAPED_BREAK = '\\n';

/** Where `text` may be handed out: just after its last escaped line break, if that leaves little behind. */
function breakOf(text: string): number {
  const at = text.lastIndexOf(ESCAPED_BREAK);
  return at === -1 || text.length - (at + 2) > MAX_PIECES / 2 ? -1 : at + 2;
}

/**
 * Raw lines → record lines, each marked where a new log record starts. Streaming: a record is
 * handed out once the next raw line shows it is complete (a wrapped sentence or a box paragraph
 * takes the lines after it), so a region that continues the last one goes on where it stopped.
 */
export class RecordReader {
  private previous: CiCommand | undefined;
  private startNext = false;
  private paragraph = false;
  /** The last record line, still open to the lines that continue it. */
  private last: RecordLine | undefined;
  /**
   * The last record's text as the next piece of its last raw line would continue it (its end not
   * trimmed: a cut after a space must not join two words); undefined when no line is open.
   */
  private lastEnd: string | undefined;

  /**
   * Reads the raw line numbered `line` (`continued`: the next piece of a line too long to keep
   * whole); returns the record line it completed, if any (a raw line completes at most one).
   */
  push(raw: string, line: number, continued: boolean): RecordLine | undefined {
    if (continued) return this.continueLine(raw, line);
    const { text, timestamp, command } = unprefix(raw);
    const body = text.trim();
    const wasBox = isBox(this.previous);
    const errorRun = command === 'error' && this.previous === 'error';
    this.previous = command;
    if (body === '') {
      // A blank line ends a paragraph of Terraform's box, and its edges (╷ ╵) end a diagnostic;
      // elsewhere a blank line sits inside messages too (az prints one before "Inner error:").
      if (command === 'box-top' || command === 'box-bottom') this.startNext = true;
      this.paragraph = false;
      this.lastEnd = undefined;
      return undefined;
    }
    const maybe = MAY_START.has(text.charAt(0));
    const step = command === 'banner' || (maybe && STEP_START.test(text));
    const opens = command === 'echo' || (maybe && OPENS.test(text));
    const starts =
      this.startNext ||
      step ||
      opens ||
      command === 'box-top' ||
      (command === 'error' && !errorRun) ||
      (command === 'box' && !wasBox) ||
      (maybe && RECORD_START.test(text));
    this.startNext = command === 'box-bottom';
    const last = this.last;
    if (last !== undefined && !starts && last.text.length < MAX_JOINED && ((command === 'box' && this.paragraph) || (!wasBox && wrapped(last.text, text)))) {
      this.lastEnd = `${last.text} ${text.trimStart()}`;
      last.text = `${last.text} ${body}`;
      return undefined;
    }
    this.paragraph = isBox(command);
    this.lastEnd = text.trimStart();
    return this.take(timestamp === undefined ? { line, text: body, starts, step, opens } : { line, text: body, timestamp, starts, step, opens });
  }

  /** The next piece of a cut line: it goes on in the record its line is in. */
  private continueLine(raw: string, line: number): RecordLine | undefined {
    const last = this.last;
    const end = this.lastEnd;
    if (last === undefined || end === undefined) {
      // The line's start was not read (a region that begins with this piece): a record of its own.
      this.lastEnd = raw;
      return this.take({ line, text: raw.trim(), starts: false, step: false, opens: false });
    }
    const text = end + raw;
    if (text.length <= MAX_PIECES) {
      last.text = text.trim();
      this.lastEnd = text;
      return undefined;
    }
    const cut = breakOf(text);
    // No line break to hand out at: cut where the line was cut (a minified dump, not a message).
    const rest = cut === -1 ? raw : text.slice(cut);
    if (cut !== -1) last.text = text.slice(0, cut).trim();
    this.lastEnd = rest;
    return this.take({ line, text: rest.trim(), starts: false, step: false, opens: false });
  }

  /** Hands out the open record line: the log ended, or the next region does not continue this one. */
  flush(): RecordLine | undefined {
    const last = this.last;
    this.last = undefined;
    this.lastEnd = undefined;
    this.previous = undefined;
    this.startNext = false;
    this.paragraph = false;
    return last;
  }

  /** Opens `record`; returns the one it completes. */
  private take(record: RecordLine): RecordLine | undefined {
    const done = this.last;
    this.last = record;
    return done;
  }
}
