import { defineRule } from '../../rule-kit/define-rule';
import { foldOccurrences } from '../../rule-kit/occurrence-lists';
import { findOccurrences } from '../../rule-kit/occurrences';
import type { Occurrence } from '../../rule-kit/rule';
import { AAD_CODES, KNOWN_CODE } from './codes';
import { explainAad } from './explain';
import { extractAad } from './extract';

/**
 * Wrappers echo one error on adjacent lines (az prints it, then logs it; Azure DevOps re-issues it
 * as ##vso[task.issue]): those echoes are one finding, the first line's facts first.
 */
const ECHO_LINES = 4;

function foldEchoes(occurrences: readonly Occurrence[]): Occurrence[] {
  return foldOccurrences(occurrences, (prev, occ) =>
    prev.facts.aadCode === occ.facts.aadCode && occ.anchor - prev.anchor <= ECHO_LINES
      ? { ...prev, to: occ.to, facts: { ...occ.facts, ...prev.facts }, details: { ...occ.details, ...prev.details } }
      : undefined,
  );
}

export default defineRule({
  meta: {
    id: 'aad',
    title: 'Microsoft Entra ID refused to issue a token',
    description:
      'The pipeline could not get an access token from Microsoft Entra ID (an AADSTS error), so it never reached Key Vault: a federated credential that does not match the CI token, an expired or wrong client secret, a wrong client or tenant id, a tenant policy, or a wrong Key Vault resource.',
    severity: 'error',
    since: '0.1.0',
    // Token acquisition precedes every Key Vault gate.
    rank: 5,
    codes: AAD_CODES.map((c) => c.code),
    stepContext: true,
    docs: [
      { title: 'Microsoft Entra authentication and authorization error codes', url: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes' },
      { title: 'Troubleshoot workload identity service connections (AADSTS errors)', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/troubleshoot-workload-identity' },
      { title: 'Workload identity federation', url: 'https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation' },
      { title: 'Configuring OpenID Connect in Azure (GitHub Actions)', url: 'https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/configuring-openid-connect-in-azure' },
      { title: 'Use Azure Key Vault secrets in GitLab CI/CD', url: 'https://docs.gitlab.com/17.5/ee/ci/secrets/azure_key_vault.html' },
    ],
  },
  // azure/login echoes client-id and tenant-id up to ~20 lines above the error: the second marker
  // starts the region there so those lines are read.
  markers: ['AADSTS', 'azure/login@'],
  match: (window) =>
    foldEchoes(
      findOccurrences(window, {
        anchor: KNOWN_CODE,
        before: 24,
        after: 8,
        extract: (block, anchor) => extractAad(block, anchor),
      }),
    ),
  explain: explainAad,
});
