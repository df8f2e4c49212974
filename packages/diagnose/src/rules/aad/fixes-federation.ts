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
function credentialFor(ctx: FixContext): FederatedCredential {
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
