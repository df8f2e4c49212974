import { BLOCK_TAGS, knownTag } from './html-tags';

/** How much of the input decides: Teams' formatted text opens with its first element. */
export const HTML_SNIFF = 4096;

const OPENING = /^\uFEFF?\s{0,64}(<[A-Za-z][A-Za-z0-9]{0,15}[\s/>])/;
const ANY_TAG = /<\/?[A-Za-z][^<>\n]{0,215}>/g;

/**
 * Whether a text is HTML to be turned into lines: it opens with a known element, or its first line
 * holds two or more block tags one of which ends a line (`</p>`, `</div>`, `<br>`). A log that
 * mentions `<p>` in passing, or uses `<vault-name>` as a placeholder, is not HTML.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, HTML_SNIFF);
  const opening = OPENING.exec(head)?.[1];
  if (opening !== undefined && knownTag(opening) !== undefined) return true;
  const newline = head.indexOf('\n');
  const firstLine = newline === -1 ? head : head.slice(0, newline);
  let blocks = 0;
  let ends = false;
  for (const m of firstLine.matchAll(ANY_TAG)) {
    const name = knownTag(m[0]);
    if (name === undefined || !BLOCK_TAGS.has(name)) continue;
    blocks++;
    ends ||= m[0].startsWith('</') || name === 'br';
  }
  return blocks >= 2 && ends;
}
