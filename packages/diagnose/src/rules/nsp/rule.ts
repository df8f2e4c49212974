import type { Details } from '../../report/schema';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { explainNsp } from './explain';

// Key Vault's perimeter-aware evaluator; the body still carries innererror ForbiddenByFirewall, so
// this family replaces the firewall finding for the same message (meta.supersedes).
const ANCHOR = /Request was not allowed by NSP rules/g;
const BYPASS_NONE = /bypass is set to None/;

export default defineRule({
  meta: {
    id: 'nsp',
    title: 'Key Vault network security perimeter (NSP) / firewall refused the client address',
    description:
      'Key Vault refused the request at its network gate with the perimeter-aware text "Request was not allowed by NSP rules": the client address matches no vault firewall rule (or, with a perimeter in Enforced mode, no perimeter inbound access rule) and trusted-service bypass is off.',
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
  markers: ['NSP rules'],
  match: (window) =>
    findOccurrences(window, {
      anchor: ANCHOR,
      extract: (block) => {
        const details: Details = {};
        if (BYPASS_NONE.test(block)) details.bypass = 'None';
        return { details };
      },
    }),
  explain: explainNsp,
});
