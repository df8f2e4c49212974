import { isMasked } from '../../facts/masked';
import type { Details, Facts } from '../../report/schema';
import { CSI_DOCS } from '../../platform/host-advice';
import type { Occurrence } from '../../rule-kit/rule';
import type { Window } from '../../rule-kit/window';
import { defineRule } from '../../rule-kit/define-rule';
import { foldOccurrences, inLineOrder } from '../../rule-kit/occurrence-lists';
import { findOccurrences } from '../../rule-kit/occurrences';
import { escapeRegex, VAULT_NAME, VAULT_SUFFIXES } from '../../rule-kit/patterns';
import { explainPrivateEndpointDns } from './explain';

const SUFFIX = `(?:${VAULT_SUFFIXES.map((s) => escapeRegex(s.suffix)).join('|')})`;
// A host label as logs print it, masked ones included (`<name>`, `----`, `***`), so the failure
// is still recognised; only a real vault name becomes a fact.
const HOST = `[A-Za-z0-9<>*_-]{1,63}\\.${SUFFIX}`;
const PRIVATELINK_HOST = `[A-Za-z0-9<>*_-]{1,63}\\.privatelink\\.vaultcore\\.(?:azure\\.net|azure\\.cn|usgovcloudapi\\.net)`;

// Each resolver's way of saying a vault host does not resolve, then the two ways a privatelink
// name used directly fails (token audience, TLS name). Hosts of other services never match.
const FORMS = [
  `lookup ${HOST}(?: on [^\\s:]{1,64}(?::[0-9A-Za-z]{1,6})?)?:\\s?no such host`, // Go
  `ENOTFOUND ${HOST}`, // Node.js
  `Failed to resolve '${HOST}'`, // Python urllib3 2.x
  `(?:No such host is known|Name or service not known|Name does not resolve)\\.? \\(${HOST}:\\d{1,5}\\)`, // .NET
  `could not be resolved: '${HOST}'`, // Windows PowerShell
  `UnknownHostException(?:: | on the specified KeyVault https?://)${HOST}`, // Java, Databricks
  `,\\s{1,3}not ${PRIVATELINK_HOST}`, // Go x509 HostnameError
  'Max retries exceeded attempting to connect to Vault\\. The Vault may not exist', // older az keyvault
];
/** Exported for the ReDoS check in the tests (built at run time, so the source scan cannot see it). */
export const ANCHOR = new RegExp(FORMS.join('|'), 'g');
const ONE = new RegExp(FORMS.join('|'));
const HOST_IN = new RegExp(`([A-Za-z0-9<>*_-]{1,63})\\.${SUFFIX}`);
const REAL_NAME = new RegExp(`^${VAULT_NAME}$`);

/** The failing host's vault name when the log states a real one; the matched words as `message`. */
function extract(anchorText: string): { facts: Facts; details: Details } | undefined {
  const hit = ONE.exec(anchorText)?.[0];
  if (hit === undefined) return undefined;
  const facts: Facts = {};
  const label = HOST_IN.exec(hit)?.[1];
  if (label !== undefined && REAL_NAME.test(label) && !isMasked(label)) facts.vault = label;
  // The x509 form starts at the comma before "not"; the message keeps only the words.
  return { facts, details: { message: hit.replace(/^,\s{1,3}/, '') } };
}

// .NET prints the resolver failure on the outer exception and again on each inner one
// ("  ---> System.Net.Http.HttpRequestException: Name does not resolve (…)"): one failure. Not
// anchored at the line start: container runtimes prefix lines ("<time> stdout F ").
const INNER_EXCEPTION = /---> [A-Za-z0-9_.]{1,200}Exception\b/;

// Resolver failures that name no host (urllib3's "[Errno -2] Name or service not known", Windows'
// "getaddrinfo failed", .NET's bare "No such host is known."): only Key Vault context around them
// (an az keyvault command, the Key Vault SDK in the stack, the word itself) makes them this family's.
const HOSTLESS = /No such host is known|Name or service not known|getaddrinfo failed|Temporary failure in name resolution|Name does not resolve|Name could not be resolved|NameResolutionFailure/g;
const KEY_VAULT_CONTEXT = /\bkeyvault\b|\bkey vault\b|\bKeyVault|\.vault\.azure\.net|--vault-name\b/i;

function hostless(window: Window, hosted: readonly Occurrence[]): Occurrence[] {
  const taken = new Set(hosted.map((o) => o.anchor));
  // The command or SDK that named the vault may be printed well before the resolver error.
  return findOccurrences(window, { anchor: HOSTLESS, before: 16, after: 4, confidence: 'medium' })
    .filter((o) => !taken.has(o.anchor) && KEY_VAULT_CONTEXT.test(window.slice(o.from, o.to)))
    .map((o) => {
      const message = HOSTLESS.source.split('|').find((phrase) => window.lineText(o.anchor).includes(phrase));
      return { ...o, details: message === undefined ? o.details : { ...o.details, message } };
    });
}

function foldInnerExceptions(window: Window, occurrences: readonly Occurrence[]): Occurrence[] {
  return foldOccurrences(occurrences, (prev, occ) =>
    occ.anchor - prev.anchor <= 3 && INNER_EXCEPTION.test(window.lineText(occ.anchor)) ? { ...prev, to: Math.max(prev.to, occ.to) } : undefined,
  );
}

export default defineRule({
  meta: {
    id: 'private-endpoint-dns',
    title: 'The vault name did not resolve (private endpoint DNS, wrong or deleted vault)',
    description:
      'The client could not resolve the vault\'s host name, or called the privatelink name directly: the request never reached Key Vault. With a private endpoint, <vault>.vault.azure.net must resolve through the private DNS zone privatelink.vaultcore.azure.net to the endpoint\'s private address.',
    severity: 'error',
    since: '0.1.0',
    rank: 5,
    codes: ['ENOTFOUND'],
    stepContext: true,
    docs: [
      { title: 'Diagnose private links configuration issues on Azure Key Vault', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/private-link-diagnostics' },
      { title: 'Integrate Key Vault with Azure Private Link', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/private-link-service' },
      { title: 'Azure Private Endpoint DNS configuration', url: 'https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns' },
      ...CSI_DOCS,
    ],
  },
  markers: [
    'no such host',
    'ENOTFOUND',
    'Failed to resolve',
    'No such host is known',
    'Name or service not known',
    'Name does not resolve',
    'could not be resolved',
    'UnknownHostException',
    'privatelink.vaultcore',
    'getaddrinfo failed',
    'Temporary failure in name resolution',
    'Name could not be resolved',
    'NameResolutionFailure',
    'attempting to connect to Vault',
  ],
  match: (window) => {
    const hosted = foldInnerExceptions(window, findOccurrences(window, { anchor: ANCHOR, before: 4, after: 6, extract: (_block, anchorText) => extract(anchorText) }));
    return foldInnerExceptions(window, inLineOrder(hosted, hostless(window, hosted)));
  },
  explain: explainPrivateEndpointDns,
});
