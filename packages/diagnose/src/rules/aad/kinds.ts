/**
 * What went wrong, grouped by the change that fixes it: every AADSTS code of the family maps to
 * one kind, and each kind has one set of fixes (so 700213 and 70021 share the federated-credential fix).
 */
export type AadKind =
  | 'federated-token-invalid'
  | 'federation-mismatch'
  | 'federation-missing'
  | 'federation-blocked'
  | 'assertion-expired'
  | 'app-not-found'
  | 'app-disabled'
  | 'secret-invalid'
  | 'secret-expired'
  | 'credential-missing'
  | 'certificate-invalid'
  | 'tenant-not-found'
  | 'conditional-access'
  | 'mfa-required'
  | 'user-not-found'
  | 'user-password'
  | 'consent-required'
  | 'resource-not-found';

export interface AadCodeInfo {
  /** `AADSTS700213`, as Entra writes it. */
  readonly code: string;
  /** Entra's short name for the error, or the message's gist where Entra publishes none. */
  readonly name: string;
  readonly kind: AadKind;
  /** The CI/CD reading of the code: what a pipeline did to get it, most likely first. */
  readonly causes: readonly string[];
  /** Public page that states the code's meaning (Entra reference, Azure DevOps table, a thread). */
  readonly source: string;
}

export const ENTRA_REFERENCE = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';
export const AZDO_WIF_TABLE = 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/troubleshoot-workload-identity';
export const GITLAB_AZURE_OIDC = 'https://docs.gitlab.com/ci/cloud_services/azure/';
