import { isLineBreak } from './chars';

// A bare value ends at white space, a quote, or the punctuation that separates fields in query
// strings, connection strings, JSON, YAML flow maps and shell lines.
const BARE_STOP = new Set([...' \t"\'`&;,<>)]}'].map((c) => c.charCodeAt(0)));
// After a backslash these end a bare value: an escaped quote or newline of a JSON string ("\"", "\n").
const ESCAPE_STOP = new Set([...'\\"\'nrtu'].map((c) => c.charCodeAt(0)));
const BACKSLASH = 92;

/**
 * End of the value that starts at `from`: up to the closing `quote` (the character code of the
 * opening one) for a quoted value, else to the first delimiter. Never past the line. Backslashes
 * before a closing quote belong to escaped JSON (`\"…\"`), not to the value.
 */
export function valueEnd(text: string, from: number, quote: number | undefined): number {
  let i = from;
  if (quote !== undefined) {
    while (i < text.length && text.charCodeAt(i) !== quote && !isLineBreak(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === quote) while (i > from && text.charCodeAt(i - 1) === BACKSLASH) i--;
    return i;
  }
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c) || BARE_STOP.has(c)) break;
    if (c === BACKSLASH && ESCAPE_STOP.has(text.charCodeAt(i + 1))) break;
    i++;
  }
  return i;
}

// Words that stand where a secret would: "null", a CI's "masked", GitHub's `permissions: id-token: write`.
const WORDS = new Set(['null', 'none', 'true', 'false', 'undefined', 'redacted', 'masked', 'hidden', 'secret', 'password', 'read', 'write']);
// What a reference or a mask starts with: "$VAR", "<app-secret>", "(ConvertTo-SecureString …)",
// "{{ … }}", "%(name)s", a CI's "***", our "[REDACTED…" (or a hand-masked paste's).
const REFERENCES = ['$', '<', '(', '{{', '%(', '***', '[REDACTED', '[redacted'];
const FILLERS = new Set([...'xX*.'].map((c) => c.charCodeAt(0)));

/**
 * A value that is not a secret but stands for one: a variable reference, a template, a mask, a
 * placeholder in angle brackets, or a word such as "null". Read in place: no copy of the value.
 */
export function isPlaceholder(text: string, from: number, to: number): boolean {
  if (REFERENCES.some((r) => text.startsWith(r, from))) return true;
  if (isVariableName(text, from, to)) return true;
  if (to - from > 12) return false;
  if (WORDS.has(text.slice(from, to).toLowerCase())) return true;
  for (let i = from; i < to; i++) if (!FILLERS.has(text.charCodeAt(i))) return false;
  return true;
}

/** SCREAMING_SNAKE_CASE with an underscore: a variable's name ("id-token: ACTIONS_ID_TOKEN_REQUEST_URL unavailable"). */
function isVariableName(text: string, from: number, to: number): boolean {
  let underscore = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 95) underscore = true;
    else if (c < 65 || c > 90) return false;
  }
  return underscore;
}
