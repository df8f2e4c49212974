/**
 * What a runner's prefix said about the line: a logging command can end one log record and start
 * another (a step banner, an error), and Terraform's box gutter groups one diagnostic's lines.
 */
export type CiCommand = 'error' | 'banner' | 'echo' | 'box-top' | 'box' | 'box-bottom';

/** A runner's line prefix: the timestamp it stamped (if any), the command, and the text after them. */
export interface Unprefixed {
  readonly text: string;
  readonly timestamp?: string;
  readonly command?: CiCommand;
}

// Azure DevOps and GitHub Actions stamp "2024-05-06T10:11:12.1234567Z "; GitLab adds a stream
// marker such as "00O " or "01E+ " after the timestamp.
const TIMESTAMP = /^\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) (?:\d{2}[OE]\+? ?)?/;
// Logging commands of Azure DevOps (##[error]) and GitHub Actions (::error file=…::), GitLab's
// collapsible section markers, and Terraform's box-drawing gutter.
const COMMAND = /^(?:##\[([a-z]+)\]|::([a-z]+)(?: [^:]{0,400})?::|section_(?:start|end):\d+:[A-Za-z0-9_.-]+(?:\[[^\]]{0,200}\])?\r?|([│╷╵])\s?)/;
const ERRORS: ReadonlySet<string> = new Set(['error', 'warning']);
// Commands that open a step or group. A debug line ("Processed: ##vso[task.issue …]" re-issuing an
// error) continues the record before it.
const BANNERS: ReadonlySet<string> = new Set(['section', 'group', 'endgroup']);
const BOX: Readonly<Record<string, CiCommand>> = { '│': 'box', '╷': 'box-top', '╵': 'box-bottom' };

// The characters a command can start with: most lines start with none, and a character test is
// far cheaper than a regex call on every line of a region.
const COMMAND_START = new Set(['#', ':', 's', '│', '╷', '╵']);

function kindOf(cmd: RegExpExecArray): CiCommand | undefined {
  const name = cmd[1] ?? cmd[2];
  if (name === 'command') return 'echo';
  if (name !== undefined) return ERRORS.has(name) ? 'error' : BANNERS.has(name) ? 'banner' : undefined;
  const box = cmd[3] === undefined ? undefined : BOX[cmd[3]];
  // GitLab's section markers are banners.
  return box ?? 'banner';
}

export function stripCiPrefix(line: string): Unprefixed {
  let text = line;
  let timestamp: string | undefined;
  let command: CiCommand | undefined;
  const first = text.charCodeAt(0);
  const ts = (first >= 48 && first <= 57) || first === 0xfeff ? TIMESTAMP.exec(text) : null;
  if (ts) {
    timestamp = ts[1];
    text = text.slice(ts[0].length);
  }
  // A line can carry two commands ("##[error]│ Error:"), never more in practice; the box gutter
  // names the line when there is one (its lines are grouped whatever else the runner added).
  for (let i = 0; i < 2 && COMMAND_START.has(text.charAt(0)); i++) {
    const cmd = COMMAND.exec(text);
    if (!cmd || cmd[0].length === 0) break;
    const kind = kindOf(cmd);
    if (command === undefined || kind?.startsWith('box') === true) command = kind;
    text = text.slice(cmd[0].length);
  }
  const out: { text: string; timestamp?: string; command?: CiCommand } = { text };
  if (timestamp !== undefined) out.timestamp = timestamp;
  if (command !== undefined) out.command = command;
  return out;
}
