import type { Facts } from '../../report/schema';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { escapeRegex, VAULT_NAME, VAULT_SUFFIXES } from '../../rule-kit/patterns';
import type { Occurrence } from '../../rule-kit/rule';
import { trimEndChars } from '../../rule-kit/trim-end';
import type { Window } from '../../rule-kit/window';
import { explainPrivateLinkHost } from './explain';

// Key Vault's answer (403) when a TCP connection arrives on an address that does not serve the host
// the request names: a private endpoint of another vault, or the vault reached by IP or a custom name.
const ANCHOR = /This TCP connection does not allow access to/g;
// The host the message names: `{host}` in docs, a vault host, or the bare suffix; a token, no spaces.
const NAMED = /does not allow access to ([^\s'"`<>,;]{1,253})/;
const SUFFIX = `(?:${VAULT_SUFFIXES.map((s) => escapeRegex(s.suffix)).join('|')})`;
const VAULT_HOST = new RegExp(`^(${VAULT_NAME})\\.${SUFFIX}$`, 'i');
const KEY_VAULT_DOMAIN = new RegExp(`(?:^|\\.)${SUFFIX}$`, 'i');
/** Exported for the ReDoS check in the tests (built at run time, so the source scan cannot see them). */
export const BUILT = [VAULT_HOST, KEY_VAULT_DOMAIN] as const;
// A host with a dot that is no Key Vault name belongs to another service: not this family's.
const DOTTED = /\./;
const KEY_VAULT_CONTEXT = /KeyVault|Key Vault|keyvault|\.vault\.azure|vaultcore|managedhsm/i;

/** The refused host as the message names it, without the sentence's closing dot or parenthesis. */
function hostOf(anchorText: string): string | undefined {
  const named = NAMED.exec(anchorText)?.[1];
  return named === undefined ? undefined : trimEndChars(named, '.)');
}

/** The vault named by the refused host, when it is `<vault>.vault.azure.net` (or another cloud's). */
function extract(anchorText: string): { facts: Facts } | undefined {
  const host = hostOf(anchorText);
  const vault = host === undefined ? undefined : VAULT_HOST.exec(host)?.[1];
  return vault === undefined ? undefined : { facts: { vault } };
}

function isKeyVault(window: Window, o: Occurrence): boolean {
  const host = hostOf(window.lineText(o.anchor));
  if (host !== undefined && DOTTED.test(host)) return KEY_VAULT_DOMAIN.test(host);
  return KEY_VAULT_CONTEXT.test(window.slice(o.from, o.to));
}

export default defineRule({
  meta: {
    id: 'private-link-host',
    title: 'The connection reached Key Vault on an address that does not serve the vault (private endpoint host mismatch)',
    description:
      'Key Vault answered 403 "This TCP connection does not allow access to <host>": the connection arrived through a private endpoint (or address) that belongs to another vault than the Host header names. The vault name resolves to the wrong private address, or the client called the vault by IP or a custom name, or a proxy rewrote the Host header.',
    severity: 'error',
    since: '0.3.0',
    rank: 6,
    codes: [],
    docs: [
      { title: 'Diagnose private links configuration issues on Azure Key Vault', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/private-link-diagnostics' },
      { title: 'Key Vault common parameters and headers (the Host header)', url: 'https://learn.microsoft.com/en-us/rest/api/keyvault/common-parameters-and-headers' },
      { title: 'Troubleshoot 403 errors for Storage or Key Vault through a private endpoint', url: 'https://github.com/MicrosoftDocs/SupportArticles-docs/blob/main/support/azure/private-link/troubleshoot-403-access-denied-private-endpoint.md' },
    ],
  },
  markers: ['TCP connection does not allow access'],
  match: (window) => findOccurrences(window, { anchor: ANCHOR, before: 4, after: 6, extract: (_block, anchorText) => extract(anchorText) }).filter((o) => isKeyVault(window, o)),
  explain: explainPrivateLinkHost,
});
