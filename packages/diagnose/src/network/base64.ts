/**
 * Base64 ⇄ bytes with the web platform's `atob`/`btoa` (global in Node and every browser) rather
 * than Node's Buffer, so the library runs anywhere. The cache's columns are ~100 KB: a loop is
 * about a millisecond.
 */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // fromCharCode takes its codes as arguments: chunks keep the call under engines' argument limits.
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The bytes of a base64 text; undefined when it holds a character outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}
