import type { WindowLine } from '../rule-kit/window';
import type { Message } from './messages';

const MAX_CONTEXT_LINE = 2048;

/**
 * The current step's lines since the last message that held an error: what a rule declaring
 * `stepContext` may read before a message. A new step, a region that does not continue the last
 * (the lines between were never read) or a message with an error of its own clears it, so nothing
 * is borrowed from another step or another error.
 */
export class StepContext {
  /** The context's lines, oldest first; up to twice `maxLines` are kept so that trimming is rare. */
  private lines: WindowLine[] = [];

  constructor(private readonly maxLines: number) {}

  reset(): void {
    this.lines = [];
  }

  /** Called before `message` is analysed: a new step starts with no context. */
  before(message: Message): void {
    if (message.step) this.lines = [];
  }

  /** The context for the message being analysed (a copy): its last `maxLines` lines. */
  current(): readonly WindowLine[] {
    return this.lines.slice(-this.maxLines);
  }

  /** Whether there is any context at all (most messages' rules never ask for it). */
  get empty(): boolean {
    return this.lines.length === 0;
  }

  /** Records `message` once analysed; `found`: whether it held an error. */
  after(message: Message, found: boolean): void {
    if (found) {
      this.lines = [];
      return;
    }
    // A huge line (a minified dump) is no one's echoed input; keeping it would hold megabytes.
    for (const l of message.lines) if (l.text.length <= MAX_CONTEXT_LINE) this.lines.push(l);
    if (this.lines.length > 2 * this.maxLines) this.lines = this.lines.slice(-this.maxLines);
  }
}
