/**
 * Typed commands. A command is one short line, so a pasted log (many lines, or one long error)
 * is never mistaken for one.
 */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'families' }
  | { readonly kind: 'explain'; readonly code: string }
  | { readonly kind: 'check'; readonly vault: string }
  | { readonly kind: 'usage'; readonly message: string };

const MAX_COMMAND = 120;
/** The welcome card's "What can you find?" button, typed or clicked. */
const FAMILIES = /^\/?(?:what can you find\??|codes|families)$/i;

export function parseCommand(raw: string): Command | undefined {
  const line = raw.trim();
  if (line.length > MAX_COMMAND || line.includes('\n')) return undefined;
  const [word = '', ...rest] = line.split(/\s+/);
  const verb = word.toLowerCase().replace(/^\//, '');
  if (verb === 'help' || verb === '?') return rest.length === 0 ? { kind: 'help' } : undefined;
  if (FAMILIES.test(line)) return { kind: 'families' };
  if (verb === 'explain') {
    const [code, ...extra] = rest;
    if (code === undefined || extra.length > 0) return { kind: 'usage', message: 'Usage: explain CODE, for example "explain AADSTS70021" or "explain ForbiddenByFirewall".' };
    return { kind: 'explain', code };
  }
  if (verb === 'check') {
    const [vault, ...extra] = rest;
    if (vault === undefined || extra.length > 0) return { kind: 'usage', message: 'Usage: check VAULT-NAME, for example "check contoso-prod-kv".' };
    return { kind: 'check', vault };
  }
  return undefined;
}
