import { stripAnsi } from './ansi';
import { stripCiPrefix, type Unprefixed } from './ci-prefixes';
import { unescapeJson } from './escapes';
import { decodeHtmlEntities } from './html-entities';
import { straightenQuotes } from './quotes';

const LINE_BREAK = /\r\n|\r|\n/;
// One JSON array of errors printed on one line (`[{"error":…},{"error":…}]`): each element is its
// own message, so its facts stay its own.
const NEXT_OBJECT = /\},\s?(?=\{")/g;

/** One piece of text after normalisation; `split` marks a piece that starts a new JSON element. */
export interface LogicalText {
  readonly text: string;
  readonly split: boolean;
}

/** A raw line with its runner prefix and colour removed; the first step of normalisation. */
export function unprefix(raw: string): Unprefixed {
  return stripCiPrefix(stripAnsi(raw));
}

// What normalisation acts on: escapes, entities, colour, line breaks, curly quotes, a JSON array.
const NEEDS_WORK = /[\\&\x1b\r\n\u00AB\u00BB\u2018-\u201F\u2032\u2033]|\},/;

/** Whether normalisation would only trim `text` (most of a log). */
export function isPlain(text: string): boolean {
  return !NEEDS_WORK.test(text);
}

/** The logical line of a text normalisation would only trim (most of a log); undefined otherwise. */
export function plainLogical(text: string): LogicalText[] | undefined {
  if (NEEDS_WORK.test(text)) return undefined;
  const trimmed = text.trim();
  return trimmed.length > 0 ? [{ text: trimmed, split: false }] : [];
}

/**
 * Prefix-free text → its logical lines: quotes and entities made plain, escapes undone, and escaped
 * line breaks (the `\r\n` inside Key Vault messages) made real. Empty pieces are dropped.
 */
export function logicalTexts(text: string): LogicalText[] {
  const simple = plainLogical(text);
  if (simple !== undefined) return simple;
  const plain = stripAnsi(unescapeJson(decodeHtmlEntities(straightenQuotes(text))));
  const out: LogicalText[] = [];
  for (const part of plain.split(LINE_BREAK)) {
    const pieces = part.includes('},') ? part.split(NEXT_OBJECT) : [part];
    pieces.forEach((piece, i) => {
      const trimmed = i < pieces.length - 1 ? `${piece}}`.trim() : piece.trim();
      if (trimmed.length > 0) out.push({ text: trimmed, split: i > 0 });
    });
  }
  return out;
}
