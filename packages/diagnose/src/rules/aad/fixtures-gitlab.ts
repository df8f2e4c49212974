import type { Fixture } from '../../rule-kit/fixture';

// GitLab's id_tokens OIDC login to Azure: the messages GitLab's own troubleshooting quotes.
export const gitlabFixtures: readonly Fixture[] = [
  {
    name: 'GitLab docs: no federated credential matches the id token (AADSTS70021)',
    source: 'https://docs.gitlab.com/ci/cloud_services/azure/',
    text: 'ERROR: AADSTS70021: No matching federated identity record found for presented assertion.',
    expect: 'match',
    facts: { aadCode: 'AADSTS70021', appId: undefined, tenantId: undefined },
    commands: ['az ad app federated-credential list --id <app-id> --query "[].{name:name, issuer:issuer, subject:subject, audiences:join(\',\', audiences)}" --output table'],
  },
  {
    name: 'GitLab docs: self-managed instance not reachable by Entra (AADSTS501661)',
    source: 'https://docs.gitlab.com/ci/cloud_services/azure/',
    text: 'ERROR: AADSTS501661: Request to External OIDC endpoint failed.',
    expect: 'match',
    facts: { aadCode: 'AADSTS501661', appId: undefined, tenantId: undefined },
    commands: ['curl -fsS <issuer>/.well-known/openid-configuration', 'curl -fsS https://<gitlab-host>/.well-known/openid-configuration', 'curl -fsS https://<gitlab-host>/oauth/discovery/keys'],
  },
  {
    name: "GitLab docs: the id token's aud is not the federated credential's audience (AADSTS700212)",
    source: 'https://docs.gitlab.com/ci/cloud_services/azure/',
    text: "ERROR: AADSTS700212: No matching federated identity record found for presented assertion audience 'https://gitlab.com'",
    expect: 'match',
    facts: { aadCode: 'AADSTS700212', appId: undefined, tenantId: undefined },
    details: { message: 'audience: https://gitlab.com' },
    commands: ['az ad app federated-credential create --id <app-id> --parameters \'{"name":"<credential-name>","issuer":"<issuer>","subject":"<subject>","audiences":["https://gitlab.com"]}\''],
  },
];
