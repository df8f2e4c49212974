/** A runner's line prefix: the timestamp it stamped (if any) and the text after it. */
export interface Unprefixed {
  readonly text: string;
  readonly timestamp?: string;
}

// Azure DevOps and GitHub Actions stamp "2024-05-06T10:11:12.1234567Z "; GitLab adds a stream
// marker such as "00O " or "01E+ " after the timestamp.
const TIMESTAMP = /^\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) (?:\d{2}[OE]\+? ?)?/;
// Logging commands of Azure DevOps (##[error]) and GitHub Actions (::error file=…::), GitLab's
// collapsible section markers, and Terraform's box-drawing gutter.
const COMMAND = /^(?:##\[[a-z]+\]|::[a-z]+(?: [^:]{0,400})?::|section_(?:start|end):\d+:[A-Za-z0-9_.-]+(?:\[[^\]]{0,200}\])?\r?|[│╷╵]\s?)/;

export function stripCiPrefix(line: string): Unprefixed {
  let text = line;
  let timestamp: string | undefined;
  const ts = TIMESTAMP.exec(text);
  if (ts) {
    timestamp = ts[1];
    text = text.slice(ts[0].length);
  }
  // A line can carry two commands ("##[error]│ Error:"), never more in practice.
  for (let i = 0; i < 2; i++) {
    const cmd = COMMAND.exec(text);
    if (!cmd || cmd[0].length === 0) break;
    text = text.slice(cmd[0].length);
  }
  return timestamp === undefined ? { text } : { text, timestamp };
}
