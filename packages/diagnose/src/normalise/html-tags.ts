/**
 * The HTML elements a formatted paste is made of (Teams' text and its text/html copy, a page saved
 * from a ticket): block elements end a line, the rest are dropped with their text kept. Anything
 * else in angle brackets (`<vault-name>`, `<operator-ip>`, `a < b`) is text and stays.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'br', 'pre', 'codeblock', 'li', 'ul', 'ol', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'hr', 'section', 'article', 'header', 'footer', 'html', 'body', 'head', 'title',
]);

export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'span', 'code', 'at', 'emoji', 'attachment', 'img', 'strong', 'b', 'i', 'em', 'u', 's', 'a', 'font', 'small', 'sub', 'sup', 'del', 'ins', 'td', 'th', 'tbody', 'thead', 'meta',
]);

// `<p>`, `</div>`, `<br/>`, `<pre class="x">`: a name, then the tag's end or its attributes.
const TAG_NAME = /^<\/?([A-Za-z][A-Za-z0-9]{0,15})[\s/>]/;

/** The lower-case name of a known element when `raw` (from `<` through `>`) is its tag. */
export function knownTag(raw: string): string | undefined {
  const name = TAG_NAME.exec(raw)?.[1]?.toLowerCase();
  return name !== undefined && (BLOCK_TAGS.has(name) || INLINE_TAGS.has(name)) ? name : undefined;
}
