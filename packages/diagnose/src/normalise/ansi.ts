// CSI sequences (colours, cursor moves, GitLab's "\x1b[0K" erase) and OSC hyperlinks; each part is a
// simple character class run, so the pattern cannot backtrack.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

export function stripAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ANSI, '') : line;
}
