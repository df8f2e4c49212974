import { ENTRA_REFERENCE, type AadCodeInfo } from './kinds';

// The directory and its policies: wrong tenant or cloud, Conditional Access, user sign-ins, and a
// resource (the Key Vault audience) the tenant does not know.
export const DIRECTORY_CODES: readonly AadCodeInfo[] = [
  {
    code: 'AADSTS90002',
    name: 'InvalidTenantName',
    kind: 'tenant-not-found',
    causes: [
      'The tenant id is wrong: a typo, a subscription or client id in its place, or an empty variable.',
      'The sign-in went to another cloud than the tenant\'s: a tenant of Azure Government or Azure operated by 21Vianet is not found on login.microsoftonline.com, and the other way round.',
      'A tool derived the tenant from a Key Vault authentication challenge of a URL that is not a Key Vault (an emulator or proxy), and got a tenant that does not exist.',
    ],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS53003',
    name: 'BlockedByConditionalAccess',
    kind: 'conditional-access',
    causes: [
      'A Conditional Access policy blocked token issuance: a policy for workload identities (typically a location policy that does not list the runner\'s egress address), or a policy for the user who ran az login.',
    ],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS50076',
    name: 'UserStrongAuthClientAuthNRequired',
    kind: 'mfa-required',
    causes: ['The pipeline signs in as a user and multifactor authentication is now required (a policy change, or a new location such as a hosted runner).'],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS50079',
    name: 'UserStrongAuthEnrollmentRequired',
    kind: 'mfa-required',
    causes: ['The pipeline signs in as a user who must first register for multifactor authentication; a non-interactive job cannot do that.'],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS50034',
    name: 'UserAccountNotFound',
    kind: 'user-not-found',
    causes: ['A user account signed in to a tenant it does not belong to: the wrong tenant id, or a guest who was never added to the directory.'],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS50126',
    name: 'InvalidUserNameOrPassword',
    kind: 'user-password',
    causes: [
      'A user name and password login (`az login -u … -p …`) failed: a wrong or expired password, a service principal\'s app id passed as user name without `--service-principal`, or a federated (ADFS) account that cannot sign in with a password.',
    ],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS900023',
    name: 'InvalidTenantIdentifier',
    kind: 'tenant-not-found',
    causes: [
      'The tenant id sent to Entra is not a GUID or a domain name: a template placeholder that was never replaced, stray quotes around the value, or an empty variable.',
    ],
    source: 'https://github.com/getsops/sops/issues/1038',
  },
  {
    code: 'AADSTS500011',
    name: 'InvalidResourceServicePrincipalNotFound',
    kind: 'resource-not-found',
    causes: [
      'The token was requested for a resource the tenant\'s cloud does not have: the Key Vault resource of another cloud (azurerm 3.0-3.2 asked US Government for https://vault.microsoftazure.us instead of https://vault.usgovcloudapi.net).',
      'The token was requested for the private-link name: the vault was addressed as https://<vault>.privatelink.vaultcore.azure.net, so the client asked Entra for the resource https://privatelink.vaultcore.azure.net, which is no resource. Key Vault tokens are for https://vault.azure.net; the vault is called by <vault>.vault.azure.net, which DNS resolves to the private endpoint (name resolution itself worked).',
      'A vault URL or another custom value was passed where the resource https://vault.azure.net (scope https://vault.azure.net/.default) belongs.',
    ],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS70011',
    name: 'InvalidScope',
    kind: 'resource-not-found',
    causes: [
      'The scope sent for the Key Vault token is malformed: it must be https://vault.azure.net/.default (note the slash before .default), or the cloud\'s own Key Vault resource with /.default.',
    ],
    source: 'https://github.com/Azure/azure-sdk-for-rust/pull/74',
  },
];
