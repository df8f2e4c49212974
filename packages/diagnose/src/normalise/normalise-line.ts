import type { WindowLine } from '../rule-kit/window';
import { stripAnsi } from './ansi';
import { stripCiPrefix } from './ci-prefixes';
import { unescapeJson } from './escapes';
import { decodeHtmlEntities } from './html-entities';
import { straightenQuotes } from './quotes';

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * One raw log line → its logical lines: prefix and colour stripped, escapes undone, quotes and
 * entities made plain, and escaped line breaks (the `\r\n` inside Key Vault messages) made real.
 */
export function normaliseLine(raw: string, line: number): WindowLine[] {
  const { text, timestamp } = stripCiPrefix(stripAnsi(raw));
  const plain = stripAnsi(unescapeJson(decodeHtmlEntities(straightenQuotes(text))));
  const out: WindowLine[] = [];
  for (const part of plain.split(LINE_BREAK)) {
    const trimmed = part.trim();
    if (trimmed.length === 0) continue;
    out.push(timestamp === undefined ? { line, text: trimmed } : { line, text: trimmed, timestamp });
  }
  return out;
}
