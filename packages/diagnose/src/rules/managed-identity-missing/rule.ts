import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { CSI_DOCS, REFERENCES_DOCS } from '../../platform/host-advice';
import { explainManagedIdentityMissing } from './explain';

// App Service's Key Vault reference status when the app has no managed identity, and the managed
// identity endpoint's answer (IMDS, or the pod identity NMI relaying it) when the client ID asked for
// is not assigned to the machine; the description's quotes may be JSON-escaped once or twice.
const ANCHOR = /\bMSINotEnabled\b|error_description\\{0,3}"\s?:\s?\\{0,3}"Identity not found/g;
const STATUS = /MSINotEnabled/;

export default defineRule({
  meta: {
    id: 'managed-identity-missing',
    title: 'The caller has no managed identity to get a Key Vault token with',
    description:
      'No token was issued, so Key Vault was never called: the app has no managed identity (App Service and Functions Key Vault reference status MSINotEnabled), or the managed identity endpoint has no identity with the client ID the caller asked for ("Identity not found": a user-assigned identity that is not assigned to the VM, scale set or node pool).',
    severity: 'error',
    since: '0.3.0',
    rank: 6,
    codes: ['MSINotEnabled'],
    docs: [
      ...REFERENCES_DOCS,
      ...CSI_DOCS,
      { title: 'How to use managed identities for App Service and Azure Functions', url: 'https://learn.microsoft.com/en-us/azure/app-service/overview-managed-identity' },
    ],
  },
  markers: ['MSINotEnabled', 'Identity not found'],
  match: (window) =>
    findOccurrences(window, {
      anchor: ANCHOR,
      before: 8,
      after: 2,
      extract: (_block, anchorText) => (STATUS.test(anchorText) ? { facts: { errorCode: 'MSINotEnabled' } } : undefined),
    }),
  explain: explainManagedIdentityMissing,
});
