import { defineRule } from '../../rule-kit/define-rule';
import { CSI_DOCS } from '../../platform/host-advice';
import { foldOccurrences } from '../../rule-kit/occurrence-lists';
import { findOccurrences } from '../../rule-kit/occurrences';
import type { Occurrence } from '../../rule-kit/rule';
import type { Window } from '../../rule-kit/window';
import { AAD_CODES, ANY_CODE, CODE_FORM, codeInfo, codesIn } from './codes';
import { explainAad } from './explain';
import { extractAad } from './extract';
import { formatHints, parseHints } from './hints';
import { REFERENCE_CODES, REFERENCE_DATE } from './reference-codes';

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

/**
 * Each distinct code of the anchor line is its own finding (the pre-2019 wrapper prints
 * `AADSTS70002: … AADSTS50012: …`), sharing the message's facts. The wrapper's `inner` hint is
 * the first code's own. A code without curated advice is only sure to be an Entra refusal, not one
 * on the way to Key Vault, so its finding is of medium confidence.
 */
function perCode(window: Window, occurrences: readonly Occurrence[]): Occurrence[] {
  return occurrences.flatMap((occ) =>
    codesIn(window.lineText(occ.anchor)).map((code, i) => {
      const details = i === 0 ? occ.details : { ...occ.details, message: formatHints({ ...parseHints(occ.details.message), inner: undefined }) };
      const confidence = codeInfo(code) === undefined ? 'medium' : occ.confidence;
      return { ...occ, facts: { ...occ.facts, aadCode: code }, details, confidence };
    }),
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
    codeForm: {
      pattern: CODE_FORM,
      description: `every other AADSTS code, with its meaning from Entra's error-code reference (${REFERENCE_CODES.size} codes, page of ${REFERENCE_DATE}) or, for a newer code, its lookup link.`,
    },
    stepContext: true,
    docs: [
      { title: 'Microsoft Entra authentication and authorization error codes', url: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes' },
      { title: 'Troubleshoot workload identity service connections (AADSTS errors)', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/troubleshoot-workload-identity' },
      { title: 'Workload identity federation', url: 'https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation' },
      { title: 'Configuring OpenID Connect in Azure (GitHub Actions)', url: 'https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/configuring-openid-connect-in-azure' },
      { title: 'Use Azure Key Vault secrets in GitLab CI/CD', url: 'https://docs.gitlab.com/17.5/ee/ci/secrets/azure_key_vault.html' },
      ...CSI_DOCS,
    ],
  },
  // azure/login echoes client-id and tenant-id up to ~20 lines above the error: the second marker
  // starts the region there so those lines are read.
  markers: ['AADSTS', 'azure/login@'],
  match: (window) =>
    perCode(
      window,
      foldEchoes(
        findOccurrences(window, {
          anchor: ANY_CODE,
          before: 24,
          after: 8,
          extract: (block, anchor) => extractAad(block, anchor),
        }),
      ),
    ),
  explain: explainAad,
});
