import type { Limits } from './conversation/limits';
import { readZip } from './zip';

/**
 * Downloaded bytes → texts to diagnose. Logs are .log or .txt (UTF-8, or UTF-16 as Windows
 * PowerShell writes them); a .zip yields its .log/.txt entries. Anything else, or bytes that are
 * not text, is a clear refusal rather than garbage fed to the rules.
 */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

export type FileTextOutcome =
  | { ok: true; texts: NamedText[]; skipped: string[] }
  | { ok: false; error: { code: 'unsupported-type' | 'binary' | 'zip-invalid' | 'zip-empty' | 'too-large'; message: string } };

export type FileKind = 'text' | 'zip';

const TEXT_EXT = /\.(?:log|txt)$/i;

export function fileKind(name: string): FileKind | undefined {
  if (TEXT_EXT.test(name)) return 'text';
  if (/\.zip$/i.test(name)) return 'zip';
  return undefined;
}

/** Decodes text by its byte-order mark; undefined when the bytes are not text. */
export function decodeText(bytes: Buffer): string | undefined {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    // A NUL byte never occurs in UTF-8 text: images, archives and executables have many.
    if (bytes.subarray(0, 8192).includes(0)) return undefined;
    text = new TextDecoder('utf-8').decode(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
  }
  const sample = text.slice(0, 8192);
  let bad = 0;
  for (const ch of sample) if (ch === '\ufffd' || ch === '\u0000') bad++;
  return bad > sample.length / 100 ? undefined : text;
}

export function fileTexts(name: string, bytes: Buffer, limits: Limits): FileTextOutcome {
  const kind = fileKind(name);
  if (kind === undefined) return { ok: false, error: { code: 'unsupported-type', message: 'only .log, .txt and .zip files are read' } };
  if (kind === 'text') {
    const text = decodeText(bytes);
    return text === undefined ? { ok: false, error: { code: 'binary', message: 'the file is not text (it looks binary)' } } : { ok: true, texts: [{ name, text }], skipped: [] };
  }
  const zip = readZip(bytes, { maxTotal: limits.maxUnzippedBytes, maxEntries: 5000, want: (n) => TEXT_EXT.test(n) });
  if (!zip.ok) return { ok: false, error: zip.error };
  const texts: NamedText[] = [];
  const skipped = [...zip.skipped];
  for (const entry of zip.entries) {
    const text = decodeText(entry.data);
    if (text === undefined) skipped.push(`${entry.name} (not text)`);
    else texts.push({ name: `${name}/${entry.name}`, text });
  }
  if (texts.length === 0) return { ok: false, error: { code: 'zip-empty', message: 'the zip holds no .log or .txt file' } };
  return { ok: true, texts, skipped };
}
