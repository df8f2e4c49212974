import type { Details } from '../../report/schema';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import type { Occurrence } from '../../rule-kit/rule';
import type { Window } from '../../rule-kit/window';
import { explainNsp } from './explain';

// Key Vault's perimeter-aware evaluator; the body still carries innererror ForbiddenByFirewall, so
// this family replaces the firewall finding for the same message (meta.supersedes).
// With the vault in an enforced perimeter Key Vault answers "[ForbiddenByNsp (Forbidden)] The
// request was forbidden by NSP policy" instead. That sentence comes from the perimeter, not from the
// vault's own evaluator, so it is read as Key Vault's only where the message names Key Vault.
const ANCHOR = /Request was not allowed by NSP rules|request was forbidden by NSP policy/g;
const RULES_WORDING = /Request was not allowed by NSP rules/;
const KEY_VAULT_CONTEXT = /KeyVault|Key Vault|keyvault|\.vault\.azure\.net|\.vault\.azure\.cn|\.vault\.usgovcloudapi\.net/;
const BYPASS_NONE = /bypass is set to None/;

function keyVaultOwned(window: Window, occurrences: readonly Occurrence[]): Occurrence[] {
  return occurrences.filter((o) => RULES_WORDING.test(window.slice(o.anchor, o.anchor)) || KEY_VAULT_CONTEXT.test(window.slice(o.from, o.to)));
}

export default defineRule({
  meta: {
    id: 'nsp',
    title: 'Key Vault network security perimeter (NSP) / firewall refused the client address',
    description:
      'Key Vault refused the request at its network gate with the perimeter-aware text "Request was not allowed by NSP rules" (or, from a perimeter in Enforced mode, "[ForbiddenByNsp (Forbidden)] The request was forbidden by NSP policy"): the client address matches no vault firewall rule (or, with a perimeter in Enforced mode, no perimeter inbound access rule) and trusted-service bypass is off.',
    severity: 'error',
    since: '0.1.0',
    rank: 15,
    codes: [],
    supersedes: ['firewall'],
    docs: [
      { title: 'Configure Azure Key Vault networking settings (network security perimeter)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security' },
      { title: 'What is a network security perimeter?', url: 'https://learn.microsoft.com/en-us/azure/private-link/network-security-perimeter-concepts' },
      { title: 'Access a private key vault from your pipeline (troubleshooting)', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access' },
    ],
  },
  markers: ['NSP rules', 'NSP policy'],
  match: (window) =>
    keyVaultOwned(window, findOccurrences(window, {
      anchor: ANCHOR,
      extract: (block) => {
        const details: Details = {};
        if (BYPASS_NONE.test(block)) details.bypass = 'None';
        return { details };
      },
    })),
  explain: explainNsp,
});
