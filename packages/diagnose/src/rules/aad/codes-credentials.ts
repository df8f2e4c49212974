import { AZDO_WIF_TABLE, ENTRA_REFERENCE, type AadCodeInfo } from './kinds';

// The client itself: the app id, its secret or certificate, or a credential that never arrived.
export const CREDENTIAL_CODES: readonly AadCodeInfo[] = [
  {
    code: 'AADSTS700016',
    name: 'Application with identifier was not found in the directory',
    kind: 'app-not-found',
    causes: [
      'The client id names no application in this tenant: a wrong or stale AZURE_CLIENT_ID / `client-id` / servicePrincipalId, or the tenant id points at another directory than the app\'s.',
      'The app registration behind the credential (or behind an Azure DevOps service connection) was deleted, or the identity was removed from the service connection.',
    ],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS70001',
    name: 'Application with identifier was not found in the directory (older form of AADSTS700016)',
    kind: 'app-not-found',
    causes: ['The client id names no application in this tenant (wrong client id, wrong tenant, or a deleted app).'],
    source: 'https://github.com/Azure-Samples/active-directory-angularjs-singlepageapp/issues/44',
  },
  {
    code: 'AADSTS7000112',
    name: 'UnauthorizedClientApplicationDisabled',
    kind: 'app-disabled',
    causes: [
      'The application\'s service principal is disabled in this tenant (accountEnabled false), so it cannot get tokens.',
      'Microsoft disabled the application (disabledByMicrosoftStatus set), which a tenant administrator cannot undo.',
    ],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS7000215',
    name: 'Invalid client secret provided',
    kind: 'secret-invalid',
    causes: [
      'The pipeline sent a client secret the app does not have: the secret\'s ID was pasted instead of its value, the value was truncated or quoted, or the secret was rotated and the pipeline variable kept the old one.',
      'Azure DevOps: the service connection still uses an expired secret.',
    ],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS70002',
    name: 'Error validating credentials (the pre-2019 wrapper of AADSTS50012 and others)',
    kind: 'secret-invalid',
    causes: ['The credential the pipeline sent was rejected; the inner code names which (AADSTS50012: invalid or expired client secret is the usual one in pipelines).'],
    source: 'https://github.com/microsoft/windows-dev-center-vsts-extension/issues/60',
  },
  {
    code: 'AADSTS7000222',
    name: 'InvalidClientSecretExpiredKeysProvided',
    kind: 'secret-expired',
    causes: [
      'Every client secret of the app has passed its end date, and the pipeline fails the day the last one does.',
      'Azure DevOps: the secrets it created for automatic service connections expire too.',
    ],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS7000216',
    name: "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type",
    kind: 'credential-missing',
    causes: ['The token request carried no secret or assertion: the pipeline variable that should hold it was empty, unset, or not mapped into the step.'],
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/30777',
  },
  {
    code: 'AADSTS7000218',
    name: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'",
    kind: 'credential-missing',
    causes: [
      'The token request carried no secret or assertion: the pipeline variable that should hold it was empty, unset, or not mapped into the step.',
      'Azure DevOps: secret variables reach scripts only through `env:`.',
    ],
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/25959',
  },
  {
    code: 'AADSTS900144',
    name: 'The request body must contain the following parameter',
    kind: 'credential-missing',
    causes: ['A required parameter of the token request (client_id, client_secret, …) was empty: an unset or unmapped pipeline variable such as AZURE_CLIENT_ID or ARM_CLIENT_ID.'],
    source: 'https://github.com/openid/AppAuth-iOS/issues/671',
  },
  {
    code: 'AADSTS700027',
    name: 'Client assertion failed signature validation',
    kind: 'certificate-invalid',
    causes: [
      'The certificate the pipeline signs its assertion with is not among the app\'s certificate credentials: the wrong certificate, a renewed one never uploaded, or one removed from the app; the message gives the thumbprint it used.',
    ],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS65001',
    name: 'DelegationDoesNotExist',
    kind: 'consent-required',
    causes: ['A user sign-in (az login as a user, device code) asked for a resource that neither the user nor an administrator consented to for this client application.'],
    source: ENTRA_REFERENCE,
  },
];
