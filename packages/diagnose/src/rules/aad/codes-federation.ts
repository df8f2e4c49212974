import { AZDO_WIF_TABLE, ENTRA_REFERENCE, GITLAB_AZURE_OIDC, type AadCodeInfo } from './kinds';

// OIDC / workload identity federation: the CI's own token (GitHub, GitLab, Azure DevOps, AKS) is
// exchanged for an Entra token, and Entra compares it with the app's federated credentials.
export const FEDERATION_CODES: readonly AadCodeInfo[] = [
  {
    code: 'AADSTS50027',
    name: 'JWT token is invalid or malformed',
    kind: 'federated-token-invalid',
    causes: [
      'The federated (OIDC) token handed to Entra was empty or not a JWT, so the login sent no usable assertion.',
      'GitHub Actions: a job without `permissions: id-token: write` has no ACTIONS_ID_TOKEN_REQUEST_URL, so it has no token to send.',
      'GitLab Runner before 16.6 did not parse the job\'s JWT correctly for `secrets: azure_key_vault` (GitLab issue 424746).',
      'A script passed something other than the raw JWT (a file path, a quoted or truncated value) to `az login --federated-token` or a client-assertion setting.',
    ],
    source: ENTRA_REFERENCE,
  },
  {
    code: 'AADSTS70021',
    name: 'No matching federated identity record found for presented assertion',
    kind: 'federation-mismatch',
    causes: [
      'No federated credential on the app registration (or managed identity) has exactly the issuer, subject and audience the message names.',
      'Azure DevOps: the organization, project or service connection was renamed (subject `sc://<org>/<project>/<connection>`), or the credential still names the old issuer https://app.vstoken.visualstudio.com.',
      'GitHub Actions: the job presents another subject than the credential expects (branch, environment, pull_request or tag), or the issuer differs by a trailing slash.',
      "GitLab: the job's ID token carries the subject `project_path:<group>/<project>:ref_type:<branch|tag>:ref:<name>`, so a credential made for one branch refuses other branches, tags and merge request pipelines; its issuer is https://gitlab.com (or your GitLab URL) and its audience the `aud` of the job's `id_tokens:`.",
    ],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS700213',
    name: 'No matching federated identity record found for presented assertion subject',
    kind: 'federation-mismatch',
    causes: [
      'GitHub Actions: the subject of the job\'s token matches no federated credential: a job that declares `environment:` presents `repo:<org>/<repo>:environment:<env>` instead of its branch, pull requests present `repo:<org>/<repo>:pull_request`, tags `repo:<org>/<repo>:ref:refs/tags/<tag>`.',
      'Azure DevOps: the service connection\'s subject `sc://<org>/<project>/<connection>` changed with a rename, or the credential was never created.',
      "GitLab: the credential's subject must be exactly the job's `project_path:<group>/<project>:ref_type:<branch|tag>:ref:<name>`: another branch, a tag or a merge request pipeline presents another one.",
      'The credential holds a subject that differs from the one the token carries (for example a portal-generated subject with numeric owner and repository IDs).',
    ],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS7002138',
    name: 'Subject matches only with case-insensitive comparison',
    kind: 'federation-mismatch',
    causes: [
      'Federated credential matching became case-sensitive (an Entra breaking change rolled out 2024-2025): the credential\'s subject differs from the token\'s only in letter case, of the organization, repository or environment name.',
    ],
    source: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-breaking-changes#federated-identity-credentials-now-use-case-sensitive-matching',
  },
  {
    code: 'AADSTS7002137',
    name: 'No matching federated identity record for a managed identity subject',
    kind: 'federation-mismatch',
    causes: [
      'A managed identity used as the federated credential presented an `/eid1/…` subject that no credential on the app matches; the message says which subject the credential must have.',
    ],
    source: 'https://github.com/microsoft/Agents/issues/202',
  },
  {
    code: 'AADSTS700211',
    name: 'No matching federated identity record found for presented assertion issuer',
    kind: 'federation-mismatch',
    causes: [
      'No federated credential trusts this issuer: the issuer URL differs (an AKS OIDC issuer URL, a trailing slash, GitHub Enterprise Server\'s own issuer, or Azure DevOps\' old vstoken issuer instead of its Entra issuer).',
    ],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS700212',
    name: 'No matching federated identity record found for presented assertion audience',
    kind: 'federation-mismatch',
    causes: [
      "GitLab: the job's `id_tokens` `aud` differs from the federated credential's audience (GitLab's docs use https://gitlab.com, or your own GitLab URL, for both).",
      'GitHub: azure/login asks for the audience api://AzureADTokenExchange (or its `audience` input); the federated credential must list the same value.',
      "The federated credential lists another audience than the token's `aud`: the audience is compared exactly, and Entra's default is api://AzureADTokenExchange.",
    ],
    source: GITLAB_AZURE_OIDC,
  },
  {
    code: 'AADSTS70025',
    name: 'Client application has no configured federated identity credentials',
    kind: 'federation-missing',
    causes: [
      'The pipeline signed in with OIDC / workload identity federation, but the app registration or managed identity its client id names has no federated credential at all (often the client id belongs to another app than the one that was configured).',
    ],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS700223',
    name: 'Workload identity federation is constrained or disabled on the tenant',
    kind: 'federation-blocked',
    causes: ['Workload identity federation is constrained or disabled on the Microsoft Entra tenant; a managed identity may still be allowed to federate.'],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS700238',
    name: 'Microsoft Entra rejected the token issued by Azure DevOps',
    kind: 'federation-blocked',
    causes: [
      'Workload identity federation is constrained on the tenant: the issuer of your Azure DevOps organization is not allowed to federate with the identity type you use (app registration and/or managed identity).',
    ],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS70052',
    name: 'The identity must be a managed identity, a single tenant app, or a service account',
    kind: 'federation-blocked',
    causes: ['The app registration is multitenant (`signInAudience: AzureADMultipleOrgs`), which the Microsoft Entra issuer of Azure DevOps does not support.'],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS900382',
    name: 'Confidential Client is not supported in Cross Cloud',
    kind: 'federation-blocked',
    causes: ['The token exchange crosses clouds: some sovereign clouds block workload identity federation.'],
    source: AZDO_WIF_TABLE,
  },
  {
    code: 'AADSTS700222',
    name: 'AAD-issued tokens may not be used for federated identity flows',
    kind: 'federation-blocked',
    causes: [
      'An Entra-issued token (for example from `az account get-access-token`, or a managed identity token for another audience) was presented as the federated assertion; the exchange expects the CI\'s own OIDC token or a managed identity token for `api://AzureADTokenExchange`.',
    ],
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/90276',
  },
  {
    code: 'AADSTS50166',
    name: 'Request to External OIDC endpoint failed',
    kind: 'federation-blocked',
    causes: [
      "Entra could not fetch the issuer's OpenID configuration or signing keys: the CI's issuer endpoint was unavailable (reported for Azure DevOps workload identity service connections), or a self-hosted issuer (GitLab, GitHub Enterprise Server, an AKS cluster) is not reachable from the internet.",
    ],
    source: 'https://github.com/Azure/azure-cli/issues/28863',
  },
  {
    code: 'AADSTS501661',
    name: 'Request to External OIDC endpoint failed',
    kind: 'federation-blocked',
    causes: [
      'GitLab: the GitLab instance is not reachable from the internet: Entra must read GET /.well-known/openid-configuration and GET /oauth/discovery/keys on it to check the job\'s ID token (a self-managed instance behind a firewall or VPN).',
      "Entra could not fetch the issuer's OpenID configuration or signing keys: a self-hosted issuer (GitHub Enterprise Server, a Kubernetes cluster's OIDC issuer) that resolves or answers only inside a private network.",
    ],
    source: GITLAB_AZURE_OIDC,
  },
  {
    code: 'AADSTS90061',
    name: 'Request to External OIDC endpoint failed',
    kind: 'federation-blocked',
    causes: [
      "Entra could not reach the CI's OIDC issuer to validate the federated token: an outage of the issuer (reported for Azure DevOps workload identity service connections, all failing at once), or an issuer URL that resolves only inside a private network.",
    ],
    source: 'https://github.com/microsoft/azure-pipelines-tasks/issues/19831',
  },
  {
    code: 'AADSTS700024',
    name: 'Client assertion is not within its valid time range',
    kind: 'assertion-expired',
    causes: [
      'The CI\'s OIDC token lives only minutes (about 5 on GitHub Actions, 10 on Azure DevOps) and was presented after it expired: a later step (the Key Vault read, a Terraform refresh, kubelogin) asked for a new access token long after the login.',
      'Azure CLI 2.59.0 stopped reusing cached access tokens (an MSAL regression), so every command more than five minutes after login failed; 2.60.0 fixed it.',
      'The clock of the machine that signed the assertion is wrong (self-hosted agents, certificate assertions built by a script).',
    ],
    source: AZDO_WIF_TABLE,
  },
];
