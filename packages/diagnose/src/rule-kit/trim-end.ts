/** Drops trailing characters from `chars` (sentence punctuation after a URL or address) without a regex. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}
