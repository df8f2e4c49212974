import type { CiCommand } from '../normalise/ci-prefixes';
import { unprefix } from '../normalise/normalise-line';
import type { RegionLines } from '../scan/scanner';

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
// printed. Each alternative is anchored and fixed-width.
const RECORD_START = /^(?:(?:ERROR|Error|error|FATAL|Fatal|fatal|WARNING|Warning|warning|WARN)(?::|\]| -)|\[(?:error|ERROR|warning|WARNING|section)\])/;
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

/** A region's raw lines → its record lines, each marked where a new log record starts. */
export function recordLines(region: RegionLines): RecordLine[] {
  const continued = new Set(region.continued ?? []);
  const out: RecordLine[] = [];
  let line = region.firstLine - 1;
  let previous: CiCommand | undefined;
  let startNext = false;
  let paragraph = false;
  let last: RecordLine | undefined;
  region.lines.forEach((raw, i) => {
    if (continued.has(i)) {
      // The next piece of a line too long to keep whole: its own record line, same number.
      last = { line, text: raw, starts: false, step: false, opens: false };
      out.push(last);
      return;
    }
    line++;
    const { text, timestamp, command } = unprefix(raw);
    const body = text.trim();
    const wasBox = isBox(previous);
    const errorRun = command === 'error' && previous === 'error';
    previous = command;
    if (body === '') {
      // A blank line ends a paragraph of Terraform's box, and its edges (╷ ╵) end a diagnostic;
      // elsewhere a blank line sits inside messages too (az prints one before "Inner error:").
      if (command === 'box-top' || command === 'box-bottom') startNext = true;
      paragraph = false;
      return;
    }
    const step = command === 'banner' || STEP_START.test(text);
    const opens = command === 'echo' || OPENS.test(text);
    const starts =
      startNext ||
      step ||
      opens ||
      command === 'box-top' ||
      (command === 'error' && !errorRun) ||
      (command === 'box' && !wasBox) ||
      RECORD_START.test(text);
    startNext = command === 'box-bottom';
    if (last !== undefined && !starts && last.text.length < MAX_JOINED && ((command === 'box' && paragraph) || (!wasBox && wrapped(last.text, text)))) {
      last.text = `${last.text} ${body}`;
      return;
    }
    paragraph = isBox(command);
    last = timestamp === undefined ? { line, text: body, starts, step, opens } : { line, text: body, timestamp, starts, step, opens };
    out.push(last);
  });
  return out;
}
