import type { WindowLine } from '../rule-kit/window';
import type { Message } from './messages';

const MAX_CONTEXT_LINE = 2048;

/**
 * The current step's lines since the last message that held an error: what a rule declaring
 * `stepContext` may read before a message. A new step, a new region (the lines between regions
 * were never read) or a message with an error of its own clears it, so nothing is borrowed from
 * another step or another error.
 */
export class StepContext {
  private lines: WindowLine[] = [];

  constructor(private readonly maxLines: number) {}

  /** Starts over (`from`: the context as it stood where a held-back message began). */
  reset(from: readonly WindowLine[] = []): void {
    this.lines = [...from];
  }

  /** The context as it stands now, to resume from later. */
  current(): readonly WindowLine[] {
    return this.lines;
  }

  /** The context for `message`, read before it is analysed. */
  before(message: Message): readonly WindowLine[] {
    if (message.step) this.lines = [];
    return this.lines;
  }

  /** Records `message` once analysed; `found`: whether it held an error. */
  after(message: Message, found: boolean): void {
    if (found) {
      this.lines = [];
      return;
    }
    // A huge line (a minified dump) is no one's echoed input; keeping it would hold megabytes.
    const short = message.lines.filter((l) => l.text.length <= MAX_CONTEXT_LINE);
    this.lines = [...this.lines, ...short].slice(-this.maxLines);
  }
}
