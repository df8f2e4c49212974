/** Markdown that pasted log text cannot break out of (tables, fences, inline HTML). */

/** A fence longer than any backtick run inside, so the block cannot be closed early. */
export function fence(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text}\n${marks}`;
}

/** Inline code: double backticks and padding when the text itself holds a backtick. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  return flat.includes('`') ? `\`\` ${flat} \`\`` : `\`${flat}\``;
}

/** A table cell: pipes escaped, lines joined. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/**
 * Running text: characters that would start HTML, links or emphasis are escaped, while `code
 * spans` that family texts use for commands and names are kept (their content is literal anyway).
 */
export function prose(text: string): string {
  const parts = text.split('`');
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeInline(part);
      const closed = i < parts.length - 1;
      if (closed && part.length > 0 && !part.includes('\n')) return `\`${part}\``;
      return `\\\`${escapeInline(part)}${closed ? '\\`' : ''}`;
    })
    .join('');
}
