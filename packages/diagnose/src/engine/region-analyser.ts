import type { Rule } from '../rule-kit/rule';
import type { WindowLine } from '../rule-kit/window';
import type { RegionLines } from '../scan/scanner';
import type { Found } from './analyse-message';
import { MessageAnalyser } from './message-analyser';
import { MessageSplitter } from './messages';
import { recordLines } from './records';
import { StepContext } from './step-context';

/** How far back in its step a rule may read (azure/login echoes its inputs ~20 lines above the error). */
const STEP_CONTEXT_LINES = 24;

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
 */
export class RegionAnalyser {
  private readonly splitter = new MessageSplitter();
  private readonly step = new StepContext(STEP_CONTEXT_LINES);
  private readonly analyser: MessageAnalyser;

  constructor(rules: readonly Rule[]) {
    this.analyser = new MessageAnalyser(rules);
  }

  analyse(region: RegionLines): MessageFinding[] {
    this.step.clear();
    return this.splitter.split(recordLines(region)).flatMap((message) => {
      const found = this.analyser.analyse(message.lines, this.step.before(message));
      this.step.after(message, found.length > 0);
      return found.map((f) => ({ found: f, lines: message.lines }));
    });
  }
}
