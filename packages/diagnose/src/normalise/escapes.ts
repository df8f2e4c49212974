// Only lines that show JSON/string escaping are unescaped, so Windows paths (D:\a\1\s\node_modules)
// in ordinary lines are left alone. A lone "\n" counts only before a capitalised label
// ("not allowed.\nOperation: ") because "\node_modules" is a path, not a line break.
const LOOKS_ESCAPED = /\\r\\n|\\n(?=[A-Z][a-z]{1,30}:? )|\\"|\\u[0-9a-fA-F]{4}|\\\\/;
const ESCAPE = /\\(?:r\\n|[nrt"'/\\]|u[0-9a-fA-F]{4})/g;

function unescapeOnce(text: string): string {
  return text.replace(ESCAPE, (seq) => {
    switch (seq[1]) {
      case 'r':
        return seq.length > 2 ? '\n' : '';
      case 'n':
        return '\n';
      case 't':
        return ' ';
      case 'u':
        return String.fromCharCode(Number.parseInt(seq.slice(2), 16));
      default:
        return seq.slice(1);
    }
  });
}

/**
 * Undo JSON-in-JSON escaping: an Azure resource provider that re-wraps a Key Vault error can
 * escape it four levels deep (`\\\\r\\\\n`), so repeat while anything changes, a bounded number of times.
 */
export function unescapeJson(line: string): string {
  let text = line;
  for (let depth = 0; depth < 5 && LOOKS_ESCAPED.test(text); depth++) {
    const next = unescapeOnce(text);
    if (next === text) break;
    text = next;
  }
  return text;
}
