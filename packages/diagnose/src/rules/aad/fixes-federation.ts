import type { Fix, Platform } from '../../report/schema';
import type { Value } from '../../fixes/quote';
import { credentialName, entra, snippets, type FederatedCredential } from './commands';
import { forCi, type FixContext } from './fix-context';

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const GITLAB_ISSUER = 'https://gitlab.com';
const EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

const known = (text: string): Value => ({ known: true, text });
const unknown = (placeholder: string): Value => ({ known: false, text: `<${placeholder}>` });

function entraIssuer(ctx: FixContext): Value {
  return { known: ctx.tenant.known, text: `https://login.microsoftonline.com/${ctx.tenant.text}/v2.0` };
}

/** The credential to create: the message's own issuer/subject/audience, else the CI's defaults. */
export function credentialFor(ctx: FixContext): FederatedCredential {
  const { hints } = ctx;
  const subject = hints.subject !== undefined ? known(hints.subject) : unknown('subject');
  let issuer: Value = unknown('issuer');
  if (hints.issuer !== undefined) issuer = known(hints.issuer);
  // A managed identity used as a federated credential is issued by the tenant's own v2.0 endpoint.
  else if (ctx.ci === 'azure-devops' || subject.text.startsWith('/eid1/')) issuer = entraIssuer(ctx);
  else if (ctx.ci === 'github-actions') issuer = known(GITHUB_ISSUER);
  else if (ctx.ci === 'gitlab') issuer = known(GITLAB_ISSUER);
  // GitLab's id token carries the `aud` the job asked for; its docs use https://gitlab.com.
  const audience = known(hints.audience ?? (ctx.ci === 'gitlab' ? GITLAB_ISSUER : EXCHANGE_AUDIENCE));
  return { name: credentialName(subject), issuer, subject, audience };
}

const SUBJECT_FORMATS: Readonly<Record<Exclude<Platform['ci'], 'unknown'>, string>> = {
  'github-actions':
    'GitHub Actions subjects: `repo:<org>/<repo>:environment:<env>` for jobs with `environment:`, `repo:<org>/<repo>:ref:refs/heads/<branch>`, `repo:<org>/<repo>:pull_request`, `repo:<org>/<repo>:ref:refs/tags/<tag>`.',
  gitlab: 'GitLab subjects: `project_path:<group>/<project>:ref_type:branch:ref:<branch>`.',
  'azure-devops': "Azure DevOps subjects: `sc://<organization>/<project>/<service-connection>`; the service connection's edit dialog shows the exact issuer and subject.",
};

function subjectSteps(ctx: FixContext): string[] {
  return ctx.ci === 'unknown' ? Object.values(SUBJECT_FORMATS) : [SUBJECT_FORMATS[ctx.ci]];
}

function createCredentialFix(ctx: FixContext, title: string, lead: string[]): Fix {
  const cred = credentialFor(ctx);
  const commands = [
    { tool: 'az' as const, text: entra.federatedCredentialList(ctx.app) },
    { tool: 'az' as const, text: entra.federatedCredentialCreate(ctx.app, cred) },
  ];
  if (cred.subject.text.startsWith('system:serviceaccount:')) {
    commands.push({ tool: 'az', text: entra.identityFederatedCredentialCreate(cred) });
  }
  const steps = [...lead];
  if (!cred.subject.known) steps.push(...subjectSteps(ctx));
  if (ctx.hints['expected subject'] !== undefined) steps.push(`Entra names the subject the credential must carry: '${ctx.hints['expected subject']}'.`);
  steps.push('Issuer, subject and audience must match the token exactly, including letter case and any trailing slash; for a user-assigned managed identity use `az identity federated-credential create` instead.');
  return { title, steps, commands };
}

export function federationMismatchFixes(ctx: FixContext): Fix[] {
  const fixes: Fix[] = [];
  if (ctx.code === 'AADSTS7002138') {
    fixes.push(
      createCredentialFix(ctx, 'Recreate the federated credential with the subject\'s exact letter case', [
        'List the credentials and find the one whose subject differs only in case from the token\'s subject.',
        'Delete it (`az ad app federated-credential delete --id <app-id> --federated-credential-id <name>`) and create it again with the subject exactly as the message prints it.',
      ]),
    );
  } else if (ctx.code === 'AADSTS700211') {
    fixes.push(createCredentialFix(ctx, 'Trust the issuer the token actually carries', ['Create (or correct) a federated credential whose issuer equals the presented issuer character for character.']));
  } else {
    fixes.push(createCredentialFix(ctx, 'Add a federated credential for the subject the token presents', ['Compare the existing credentials with the token\'s issuer, subject and audience, then add the missing one.']));
  }
  if (forCi(ctx, 'azure-devops')) {
    const rewrite: Fix = {
      title: 'Azure DevOps: let the service connection rewrite its credential',
      steps: [
        "Project settings → Service connections → the connection → Edit → Save: for an identity Azure DevOps created, this rewrites the federated credential's issuer and subject (needed after renaming the organization, project or connection, or when the credential still names https://app.vstoken.visualstudio.com).",
        "For a manually created identity, copy Issuer and Subject identifier from the edit dialog into the app's federated credential.",
      ],
      commands: [],
    };
    // When Azure DevOps is the CI, its own rewrite comes before hand-made credentials.
    if (ctx.ci === 'azure-devops') fixes.unshift(rewrite);
    else fixes.push(rewrite);
  }
  return fixes;
}

export function federationMissingFixes(ctx: FixContext): Fix[] {
  const fix = createCredentialFix(ctx, 'Add a federated credential to the app the pipeline logs in as', [
    'Check that the client id the pipeline uses is the app you configured federation on.',
  ]);
  const name = ctx.hints['app name'];
  if (!ctx.app.known && name !== undefined) fix.commands.unshift({ tool: 'az', text: entra.appByName(known(name)) });
  return [fix, { title: 'Or log in with a secret or certificate instead', steps: ['Without federation the pipeline needs a client secret or certificate; federation avoids secrets that expire.'], commands: [] }];
}

export function federatedTokenFixes(ctx: FixContext): Fix[] {
  const fixes: Fix[] = [];
  if (forCi(ctx, 'github-actions')) {
    fixes.push({
      title: 'GitHub Actions: let the job request an OIDC token',
      steps: [
        'Add `permissions: id-token: write` to the workflow or the job; once a job lists any permission, unlisted ones (id-token too) are none.',
        'Pull requests from forks cannot get `id-token: write`; on self-hosted runners and GitHub Enterprise Server the runner must reach ACTIONS_ID_TOKEN_REQUEST_URL.',
      ],
      commands: [{ tool: 'github-actions', text: snippets.githubIdToken }],
    });
  }
  if (forCi(ctx, 'gitlab')) {
    fixes.push({
      title: 'GitLab: upgrade GitLab Runner to 16.6 or later',
      steps: [
        'GitLab Runner 16.3-16.5 did not parse the JWT for `secrets: azure_key_vault` (issue 424746); 16.6 fixed it.',
        'The job\'s `id_tokens:` `aud` must equal the audience of the federated credential.',
      ],
      commands: [
        { tool: 'bash', text: 'gitlab-runner --version' },
        { tool: 'gitlab-ci', text: snippets.gitlabIdToken },
      ],
    });
  }
  fixes.push({
    title: 'Pass the raw JWT to the login',
    steps: ['A script that logs in itself must pass the token unchanged (three base64url parts separated by dots) to `az login --federated-token`, not a file path, a quoted value or a token fetched long before.'],
    commands: [],
  });
  return fixes;
}

export function federationBlockedFixes(ctx: FixContext): Fix[] {
  if (ctx.code === 'AADSTS70052') {
    return [
      {
        title: 'Make the app registration single-tenant',
        steps: ['The Microsoft Entra issuer accepts only single-tenant apps: set signInAudience AzureADMyOrg, and use one service connection per tenant.'],
        commands: [{ tool: 'az', text: entra.singleTenant(ctx.app) }],
      },
    ];
  }
  if (ctx.code === 'AADSTS700222') {
    return [{ title: 'Present the CI\'s own OIDC token', steps: ['Exchange the token your CI issues (or a managed identity token for api://AzureADTokenExchange), not an access token from Entra.'], commands: [] }];
  }
  if (ctx.code === 'AADSTS50166' || ctx.code === 'AADSTS90061') {
    return [
      {
        title: "Check that Entra can reach your CI's OIDC issuer",
        steps: [
          "Open the issuer's discovery document from outside your network (<issuer>/.well-known/openid-configuration) and its jwks_uri; a self-hosted issuer must serve both publicly over HTTPS.",
          'If the issuer is Azure DevOps or GitHub, check their status page: this error appears for every pipeline at once during an issuer incident; re-run when it is resolved.',
        ],
        commands: [{ tool: 'bash', text: 'curl -fsS <issuer>/.well-known/openid-configuration' }],
      },
    ];
  }
  if (ctx.code === 'AADSTS900382') {
    return [{ title: 'Use a secret or certificate in this cloud', steps: ['Some sovereign clouds block workload identity federation: authenticate this pipeline with a service principal secret or certificate.'], commands: [] }];
  }
  return [
    {
      title: 'Ask a tenant administrator to allow workload identity federation',
      steps: [
        'Workload identity federation is constrained on the tenant: an administrator must allow your CI\'s issuer (for Azure DevOps, the organization\'s issuer) for the identity type you use.',
        'Azure DevOps: a service connection that federates a managed identity may be allowed where app registrations are not.',
      ],
      commands: [],
    },
  ];
}

function minutesLate(ctx: FixContext): number | undefined {
  const now = Date.parse(ctx.hints['current time'] ?? '');
  const expired = Date.parse(ctx.hints.expires ?? '');
  return Number.isNaN(now) || Number.isNaN(expired) ? undefined : Math.round((now - expired) / 60000);
}

export function lateBy(ctx: FixContext): string {
  const late = minutesLate(ctx);
  return late !== undefined && late > 0 ? ` (presented ${late} min after it expired at ${ctx.hints.expires ?? ''})` : '';
}

export function assertionExpiredFixes(ctx: FixContext): Fix[] {
  const fixes: Fix[] = [];
  if (forCi(ctx, 'github-actions')) {
    fixes.push({
      title: 'GitHub Actions: get the Key Vault token while the OIDC token is fresh',
      steps: [
        'The OIDC token lasts about 5 minutes; request every access token the job needs right after azure/login, or run azure/login again just before a long-running step.',
        'Azure CLI 2.59.0 did not reuse cached tokens; use 2.60.0 or later (azure/cli: `azcliversion`).',
      ],
      commands: [{ tool: 'github-actions', text: snippets.githubEarlyVaultToken }],
    });
  }
  if (forCi(ctx, 'azure-devops')) {
    fixes.push({
      title: 'Azure DevOps: request tokens early, or federate a managed identity',
      steps: [
        'Failing after 10-60 minutes: move the commands that need a token (the Key Vault read) to the beginning of the script; the access token is then cached.',
        'Failing after about an hour: use a workload identity service connection with a managed identity, whose tokens live about 24 hours.',
      ],
      commands: [{ tool: 'az', text: entra.vaultToken('https://vault.azure.net') }],
    });
  }
  fixes.push({ title: 'Check the clock that signs the assertion', steps: ['A self-signed assertion is valid only around its issue time: keep the agent\'s clock synchronised (NTP) and build the assertion in UTC.'], commands: [] });
  return fixes;
}
