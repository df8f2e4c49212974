import type { Rule } from '../rule-kit/rule';
import type { WindowLine } from '../rule-kit/window';
import type { RegionLines } from '../scan/scanner';
import type { MarkerSearch } from '../scan/triggers';
import type { Found } from './analyse-message';
import { MessageAnalyser } from './message-analyser';
import { type Message, MessageSplitter } from './messages';
import { recordLines } from './records';
import { StepContext } from './step-context';

/** How far back in its step a rule may read (azure/login echoes its inputs ~20 lines above the error). */
const STEP_CONTEXT_LINES = 24;

/** Longest message held back for the next region to finish. */
const MAX_HELD_CHARS = 1024 * 1024;

/** One finding of one message, with the message's lines (for its evidence). */
export interface MessageFinding {
  readonly found: Found;
  readonly lines: readonly WindowLine[];
}

/** `a` then `b`, which starts where `a` ended. */
function joined(a: RegionLines, b: RegionLines): RegionLines {
  const continued = [...(a.continued ?? []), ...(b.continued ?? []).map((i) => i + a.lines.length)];
  return { firstLine: a.firstLine, lines: [...a.lines, ...b.lines], ...(continued.length > 0 && { continued }) };
}

/** The region's raw lines from the one numbered `line` on (its first piece, if it was cut). */
function tailFrom(region: RegionLines, line: number): RegionLines | undefined {
  const continued = new Set(region.continued ?? []);
  let number = region.firstLine - 1;
  for (let i = 0; i < region.lines.length; i++) {
    if (!continued.has(i)) number++;
    if (number === line && !continued.has(i)) {
      const rest = (region.continued ?? []).filter((c) => c > i).map((c) => c - i);
      return { firstLine: line, lines: region.lines.slice(i), ...(rest.length > 0 && { continued: rest }) };
    }
  }
  return undefined;
}

/**
 * A region of the log → its messages → their findings. Nothing crosses from one message to
 * another: not facts, and not precedence (a wrapper such as a bare "Forbidden" is dropped only for
 * an error that explains it inside its own message), except the step's earlier lines that a rule
 * declaring `stepContext` reads.
 *
 * A region's last message may go on in the next region (the scanner cuts a region after its last
 * hit's context, and a log that is all errors into regions of bounded size), so it is held back
 * and read with the next region when that one starts where this one ended: no message is split.
 */
export class RegionAnalyser {
  private readonly splitter = new MessageSplitter();
  private readonly step = new StepContext(STEP_CONTEXT_LINES);
  private readonly analyser: MessageAnalyser;
  private held: RegionLines | undefined;
  /** The step context where the held message began. */
  private heldContext: readonly WindowLine[] = [];

  constructor(rules: readonly Rule[], search: MarkerSearch) {
    this.analyser = new MessageAnalyser(rules, search);
  }

  analyse(region: RegionLines): MessageFinding[] {
    const held = this.held;
    this.held = undefined;
    if (held !== undefined && region.continues === true) return this.read(joined(held, region), true, true);
    return [...(held === undefined ? [] : this.read(held, false, true)), ...this.read(region, true, false)];
  }

  /** The findings of the message still held back, once the log has ended. */
  end(): MessageFinding[] {
    const held = this.held;
    this.held = undefined;
    return held === undefined ? [] : this.read(held, false, true);
  }

  /** `resumes`: the region starts with a held message, whose step context was saved. */
  private read(region: RegionLines, hold: boolean, resumes: boolean): MessageFinding[] {
    const messages = this.splitter.split(recordLines(region));
    const holding = hold && this.holdLast(region, messages);
    this.step.reset(resumes ? this.heldContext : []);
    const out = messages.flatMap((message) => {
      const found = this.analyser.analyse(message.lines, this.step.before(message));
      this.step.after(message, found.length > 0);
      return found.map((f) => ({ found: f, lines: message.lines }));
    });
    if (holding) this.heldContext = this.step.current();
    return out;
  }

  /** Takes the last message off `messages` and holds its raw lines, when it starts a raw line. */
  private holdLast(region: RegionLines, messages: Message[]): boolean {
    const last = messages[messages.length - 1];
    const first = last?.lines[0]?.line;
    const before = messages[messages.length - 2]?.lines.at(-1)?.line;
    // A message that starts inside a raw line (one element of a JSON array) is read now: holding
    // from its line's start would read the elements before it twice.
    if (first === undefined || first === before) return false;
    const tail = tailFrom(region, first);
    // Bounded: a log with no record start at all would otherwise be held whole.
    if (tail === undefined || tail.lines.reduce((n, l) => n + l.length, 0) > MAX_HELD_CHARS) return false;
    this.held = tail;
    messages.pop();
    return true;
  }
}
