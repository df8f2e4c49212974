import { htmlToText, looksLikeHtml } from '@kvdoctor/diagnose';

/**
 * Teams hands a formatted message to a bot as HTML (`<p>`, `<br>`, `&quot;`): commands and pastes
 * are read from its text, so `<p>help</p>` is the help command and a pasted log keeps its lines.
 */
export function messageText(text: string): string {
  return looksLikeHtml(text) ? htmlToText(text) : text;
}
