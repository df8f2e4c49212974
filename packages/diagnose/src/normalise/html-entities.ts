const ENTITY = /&(?:quot|apos|amp|lt|gt|nbsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});/g;
const NAMED: Readonly<Record<string, string>> = {
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': ' ',
};

function decodeOnce(line: string): string {
  return line.replace(ENTITY, (entity) => {
    const named = NAMED[entity];
    if (named !== undefined) return named;
    const hex = entity[2] === 'x';
    const code = Number.parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : entity;
  });
}

/**
 * Logs copied out of web pages and tickets arrive with HTML entities; portal blades can escape
 * already-escaped text again (&amp;amp;#39;), so decode a bounded number of levels.
 */
export function decodeHtmlEntities(line: string): string {
  let text = line;
  for (let depth = 0; depth < 3 && text.includes('&'); depth++) {
    const next = decodeOnce(text);
    if (next === text) break;
    text = next;
  }
  return text;
}
